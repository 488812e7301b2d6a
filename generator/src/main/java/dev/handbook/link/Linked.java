package dev.handbook.link;

import dev.handbook.topic.Topic;

import java.util.List;

/** The link stage's result: topics with their related topics, and the glossary of linked terms. */
public record Linked(List<Topic> topics, List<GlossaryTerm> glossary) {
    public Linked {
        topics = List.copyOf(topics);
        glossary = List.copyOf(glossary);
    }
}
