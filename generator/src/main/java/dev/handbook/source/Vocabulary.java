package dev.handbook.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.handbook.diag.Diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The field's vocabulary from {@code content/vocabulary.yaml}: concepts (an id) and the phrasings that mean them,
 * so "k-nearest neighbors", "k-NN" and "KNN" are one word to grouping and search. Immutable and thread-safe.
 *
 * <p>Example: {@code vocabulary.normalize("Explain k-Nearest Neighbors")} is {@code "Explain  knn "}.
 */
public final class Vocabulary {
    private static final Pattern SPACES_AND_DASHES = Pattern.compile("[\\s\\-]+");

    /**
     * One concept: its id (a single lower-case word), whether answers link it, whether it only frames a
     * question (avoid, choose), and its phrasings.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Concept(String id, boolean glossary, boolean frame, List<String> phrases) {
        public Concept {
            Objects.requireNonNull(id, "id");
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record File(List<Concept> concepts) {
    }

    private final List<Concept> concepts;
    private final Map<String, String> idByPhrase;
    private final PhraseMatcher phrases;
    /** Every concept's own phrasings, each to all the concepts that have it. */
    private final PhraseMatcher mentions;

    public Vocabulary(List<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
        Map<String, String> byPhrase = new HashMap<>();
        for (Concept c : concepts) {
            byPhrase.putIfAbsent(key(c.id()), c.id());
            for (String p : c.phrases()) {
                byPhrase.putIfAbsent(key(p), c.id());
            }
        }
        coordinated(concepts).forEach(byPhrase::putIfAbsent);
        this.idByPhrase = Map.copyOf(byPhrase);
        this.phrases = new PhraseMatcher(idByPhrase);
        Map<String, String> owners = new HashMap<>();
        for (Concept c : concepts) {
            List<String> keys = new ArrayList<>(c.phrases().stream().map(Vocabulary::key).toList());
            keys.add(key(c.id()));
            keys.stream().distinct().forEach(k -> owners.merge(k, c.id(), (a, b) -> a + " " + b));
        }
        this.mentions = new PhraseMatcher(owners);
    }

    /**
     * Coordinated phrasings of two concepts that share their last word: "linear regression" and "logistic
     * regression" give "linear and logistic regression" (also with or, vs, versus), which means both.
     */
    private static Map<String, String> coordinated(List<Concept> concepts) {
        Map<String, List<String[]>> byHead = new HashMap<>();
        for (Concept c : concepts) {
            for (String p : c.phrases()) {
                String k = key(p);
                int space = k.lastIndexOf(' ');
                if (space > 0) {
                    byHead.computeIfAbsent(k.substring(space + 1), h -> new ArrayList<>())
                            .add(new String[]{k.substring(0, space), c.id()});
                }
            }
        }
        Map<String, String> forms = new HashMap<>();
        byHead.forEach((head, modifiers) -> {
            for (String[] a : modifiers) {
                for (String[] b : modifiers) {
                    if (a[1].equals(b[1])) {
                        continue;
                    }
                    for (String conjunction : List.of("and", "or", "vs", "versus")) {
                        forms.putIfAbsent(a[0] + " " + conjunction + " " + b[0] + " " + head, a[1] + " " + b[1]);
                    }
                }
            }
        });
        return forms;
    }

    public static Vocabulary empty() {
        return new Vocabulary(List.of());
    }

    public static Vocabulary load(Path contentDir, Diagnostics diagnostics) {
        Path file = contentDir.resolve("vocabulary.yaml");
        Optional<File> parsed = YamlFile.read(file, File.class, diagnostics,
                "questions are matched without the vocabulary meanwhile");
        if (parsed.isEmpty() || parsed.get().concepts() == null) {
            return empty();
        }
        List<Concept> valid = new ArrayList<>();
        for (Concept c : parsed.get().concepts()) {
            if (c != null && c.id() != null && c.id().matches("[a-z0-9]+")) {
                valid.add(c);
            } else {
                diagnostics.warn(file.toString(), 0, "concept " + (c == null ? "null" : c.id()) + " skipped",
                        "an id is one lower-case word of letters and digits");
            }
        }
        return new Vocabulary(valid);
    }

    public List<Concept> concepts() {
        return concepts;
    }

    /** Every known phrasing in {@code text} replaced by its concept id (with spaces around it). */
    public String normalize(String text) {
        if (phrases.isEmpty()) {
            return text;
        }
        return phrases.replaceAll(text, (out, ids) -> out.append(' ').append(ids).append(' '));
    }

    /**
     * The concepts any phrasing of which occurs in {@code text}, also inside a longer phrasing: a quick way to
     * learn which {@link #phrasePattern}s can match before running them.
     */
    public Set<String> conceptsMentioned(String text) {
        Set<String> ids = new HashSet<>();
        mentions.forEachOccurrence(text, value -> ids.addAll(List.of(value.split(" "))));
        return ids;
    }

    /**
     * As {@code [\p{L}\p{N}]}: a letter or a digit, what a phrasing matched as a whole word may not touch (the
     * vocabulary's and the category keywords' notion of a word boundary).
     */
    public static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return isWordChar((int) c);
    }

    /** {@link #isWordChar(char)} for a code point: a letter, or a digit, letter-like or other number. */
    public static boolean isWordChar(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** A pattern matching any phrasing of the concept, as a whole word, ignoring case. */
    public Pattern phrasePattern(Concept concept) {
        List<String> keys = new ArrayList<>(concept.phrases().stream().map(Vocabulary::key).toList());
        keys.add(key(concept.id()));
        return alternation(keys);
    }

    private static Pattern alternation(List<String> keys) {
        if (keys.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        String body = keys.stream().distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(k -> {
                    String[] words = k.split(" ");
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < words.length; i++) {
                        sb.append(i == 0 ? "" : "[\\s\\-]+").append(Pattern.quote(words[i]));
                    }
                    return sb.toString();
                })
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + body + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String key(String phrase) {
        return SPACES_AND_DASHES.matcher(phrase.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
