package dev.handbook.link;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A vocabulary concept and the topic that explains it: answers link the concept's first mention to that topic.
 *
 * @param phrases every phrasing of the concept, as whole words, ignoring case
 */
public record GlossaryTerm(String concept, Pattern phrases, String slug) {
    public GlossaryTerm {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(phrases, "phrases");
        Objects.requireNonNull(slug, "slug");
    }
}
