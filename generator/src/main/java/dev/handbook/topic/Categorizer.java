package dev.handbook.topic;

import dev.handbook.extract.Item;
import dev.handbook.source.CategoryConfig;
import dev.handbook.source.HandbookConfig;
import dev.handbook.source.Vocabulary;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts an item in a category: the source's own section when it names a category (or one of its aliases),
 * otherwise the category whose keywords the question (weighted three times) and answer mention most.
 */
final class Categorizer {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}+]+");
    private final HandbookConfig config;
    /** Each category's keywords, in lower case, matched as whole words. */
    private final List<String[]> keywords;
    /** Each keyword's first word, which a text must contain as a whole word for the keyword to match, or null. */
    private final List<String[]> firstWords;
    /** A section title (as its key) that names a category or one of its aliases: the first category so named. */
    private final Map<String, String> categoryOfSection = new HashMap<>();

    Categorizer(HandbookConfig config) {
        this.config = config;
        this.keywords = config.categories().stream()
                .map(c -> c.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .toList();
        this.firstWords = keywords.stream()
                .map(ks -> java.util.Arrays.stream(ks).map(Categorizer::firstWord).toArray(String[]::new))
                .toList();
        for (CategoryConfig c : config.categories()) {
            categoryOfSection.putIfAbsent(key(c.name()), c.name());
            c.aliases().forEach(alias -> categoryOfSection.putIfAbsent(key(alias), c.name()));
        }
    }

    /**
     * How often {@code keyword} occurs in {@code text} as whole words (no letter or digit touching it), counting no
     * further than {@code most}; after a match, counting goes on after it.
     */
    private static int count(String keyword, String text, int most) {
        if (keyword.isEmpty()) {
            return 0;
        }
        int n = 0;
        int from = 0;
        while (n < most) {
            int at = text.indexOf(keyword, from);
            if (at < 0) {
                break;
            }
            int end = at + keyword.length();
            boolean whole = (at == 0 || !Vocabulary.isWordChar(text.charAt(at - 1)))
                    && (end == text.length() || !Vocabulary.isWordChar(text.charAt(end)));
            if (whole) {
                n++;
                from = end;
            } else {
                from = at + 1;
            }
        }
        return n;
    }

    /** The keyword's leading run of letters and digits, or null when it starts with something else. */
    private static String firstWord(String keyword) {
        int end = 0;
        while (end < keyword.length() && Vocabulary.isWordChar(keyword.charAt(end))) {
            end++;
        }
        return end == 0 ? null : keyword.substring(0, end);
    }

    /** The whole words of a text (runs of letters and digits). */
    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && Vocabulary.isWordChar(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** A category chosen for one item, and whether the source's own section chose it. */
    record Vote(String category, boolean fromSection) {
    }

    Vote vote(Item item) {
        String section = key(item.section());
        String named = section.isEmpty() ? null : categoryOfSection.get(section);
        return named != null ? new Vote(named, true) : new Vote(byKeywords(item), false);
    }

    private String byKeywords(Item item) {
        String question = item.question().toLowerCase(Locale.ROOT);
        String body = item.body().toLowerCase(Locale.ROOT);
        Set<String> questionWords = words(question);
        Set<String> bodyWords = words(body);
        int best = 0;
        String chosen = config.defaultCategory();
        for (int i = 0; i < config.categories().size(); i++) {
            int score = 0;
            String[] words = keywords.get(i);
            String[] first = firstWords.get(i);
            for (int k = 0; k < words.length; k++) {
                // a keyword matches only where its first word stands as a whole word: most are absent, and the
                // text is then not searched for it
                if (first[k] == null || questionWords.contains(first[k])) {
                    score += 3 * count(words[k], question, Integer.MAX_VALUE);
                }
                if (first[k] == null || bodyWords.contains(first[k])) {
                    score += count(words[k], body, 3);
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
        return NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
