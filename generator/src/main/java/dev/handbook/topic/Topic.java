package dev.handbook.topic;

import dev.handbook.extract.Item;

import java.util.List;
import java.util.Objects;

/**
 * One question of the handbook: every source's phrasing of it and every source's answer.
 *
 * @param slug       stable file name stem, {@code topics/<slug>.html}
 * @param title      the canonical phrasing
 * @param items      the items grouped here, in source order
 * @param related    slugs of related topics
 * @param difficulty the difficulty a source states, or ""
 * @param note       the maintainer's note, or null
 */
public record Topic(String slug, String title, String category, List<Item> items, List<String> related,
                    String difficulty, Note note) {

    /** A maintainer's own addition to a topic, from {@code content/notes/<slug>.md} (Markdown, with math). */
    public record Note(String file, String markdown) {
    }

    public Topic(String slug, String title, String category, List<Item> items, List<String> related,
                 String difficulty) {
        this(slug, title, category, items, related, difficulty, null);
    }

    public Topic {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        items = List.copyOf(items);
        related = List.copyOf(related);
        difficulty = difficulty == null ? "" : difficulty;
    }

    public Topic withRelated(List<String> newRelated) {
        return new Topic(slug, title, category, items, newRelated, difficulty, note);
    }

    public Topic withNote(Note newNote) {
        return new Topic(slug, title, category, items, related, difficulty, newNote);
    }
}
