package dev.handbook.topic;

import dev.handbook.extract.Item;
import dev.handbook.source.CategoryConfig;
import dev.handbook.source.HandbookConfig;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Puts an item in a category: the source's own section when it names a category (or one of its aliases),
 * otherwise the category whose keywords the question (weighted three times) and answer mention most.
 */
final class Categorizer {
    private final HandbookConfig config;
    private final List<Pattern[]> keywordPatterns;
    private final List<String[]> keywords;

    Categorizer(HandbookConfig config) {
        this.config = config;
        this.keywordPatterns = config.categories().stream()
                .map(c -> c.keywords().stream()
                        .map(k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k.toLowerCase(Locale.ROOT))
                                + "(?![\\p{L}\\p{N}])"))
                        .toArray(Pattern[]::new))
                .toList();
        this.keywords = config.categories().stream()
                .map(c -> c.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .toList();
    }

    /** A category chosen for one item, and whether the source's own section chose it. */
    record Vote(String category, boolean fromSection) {
    }

    Vote vote(Item item) {
        String section = key(item.section());
        if (!section.isEmpty()) {
            for (CategoryConfig c : config.categories()) {
                if (key(c.name()).equals(section) || c.aliases().stream().anyMatch(a -> key(a).equals(section))) {
                    return new Vote(c.name(), true);
                }
            }
        }
        return new Vote(byKeywords(item), false);
    }

    private String byKeywords(Item item) {
        String question = item.question().toLowerCase(Locale.ROOT);
        String body = item.body().toLowerCase(Locale.ROOT);
        int best = 0;
        String chosen = config.defaultCategory();
        for (int i = 0; i < config.categories().size(); i++) {
            int score = 0;
            Pattern[] patterns = keywordPatterns.get(i);
            String[] words = keywords.get(i);
            for (int k = 0; k < patterns.length; k++) {
                // a plain substring test first: most keywords are absent and the regex is then not needed
                if (question.contains(words[k])) {
                    score += 3 * (int) patterns[k].matcher(question).results().count();
                }
                if (body.contains(words[k])) {
                    score += Math.min(3, (int) patterns[k].matcher(body).results().count());
                }
            }
            if (score > best) {
                best = score;
                chosen = config.categories().get(i).name();
            }
        }
        return chosen;
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+]+", " ").strip();
    }
}
