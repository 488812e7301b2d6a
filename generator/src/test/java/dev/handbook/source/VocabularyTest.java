package dev.handbook.source;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VocabularyTest {
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of(
            new Vocabulary.Concept("knn", true, false, List.of("knn", "k-nn", "k-nearest neighbors", "nearest neighbors")),
            new Vocabulary.Concept("kmeans", true, false, List.of("k-means", "k means clustering")),
            new Vocabulary.Concept("linreg", false, false, List.of("linear regression")),
            new Vocabulary.Concept("logreg", false, false, List.of("logistic regression")),
            new Vocabulary.Concept("l1", false, false, List.of("l1", "lasso")),
            new Vocabulary.Concept("ab", false, false, List.of("a/b testing", "a/b test"))));

    @Test
    void phrasingsBecomeTheirConceptIgnoringCaseAndSeparators() {
        assertEquals("Explain  knn .", VOCABULARY.normalize("Explain k-Nearest Neighbors."));
        assertEquals("Explain  knn .", VOCABULARY.normalize("Explain K -- NN."));
        assertEquals("Why  kmeans ?", VOCABULARY.normalize("Why K-Means Clustering?"));
    }

    @Test
    void theLongestPhrasingWinsAndWordsAreWhole() {
        assertEquals(" knn  and  l1 ", VOCABULARY.normalize("nearest neighbors and L1"));
        assertEquals("L1x, lassoes, xknn", VOCABULARY.normalize("L1x, lassoes, xknn"));
        assertEquals("run an  ab  now", VOCABULARY.normalize("run an A/B test now"));
        assertEquals("run an  ab ", VOCABULARY.normalize("run an A/B testing"));
    }

    @Test
    void coordinatedPhrasingsMeanBothConcepts() {
        assertEquals("Compare  linreg logreg .", VOCABULARY.normalize("Compare linear and logistic regression."));
        assertEquals(" logreg linreg ", VOCABULARY.normalize("Logistic vs Linear Regression"));
    }

    @Property(tries = 300)
    void matchesWhatOneRegularExpressionOfEveryPhrasingWouldMatch(@ForAll("texts") String text) {
        assertEquals(reference(text), VOCABULARY.normalize(text));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("knn", "K-NN", "k nearest  neighbors", "nearest-neighbors", "k-means", "K Means  clustering",
                        "linear and logistic regression", "logistic or linear regression", "L1", "lasso", "A/B test",
                        "a/b testing", "regression", "means", "AB", "kmeans", "Linreg"),
                Arbitraries.of(" ", "-", "--", ", ", ".", "?", "\n", "x", "2", "é", "/", "(", ")"),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(4));
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    /** The behaviour as first written: one case-insensitive alternation of every key, longest first. */
    private static String reference(String text) {
        List<String> keys = List.of("knn", "k nn", "k nearest neighbors", "nearest neighbors", "k means",
                "k means clustering", "linear regression", "logistic regression", "l1", "lasso", "a/b testing",
                "a/b test", "linear and logistic regression", "linear or logistic regression",
                "linear vs logistic regression", "linear versus logistic regression", "logistic and linear regression",
                "logistic or linear regression", "logistic vs linear regression", "logistic versus linear regression",
                "kmeans", "linreg", "logreg", "ab");
        String body = keys.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(k -> List.of(k.split(" ")).stream().map(Pattern::quote).collect(Collectors.joining("[\\s\\-]+")))
                .collect(Collectors.joining("|"));
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + body + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", " ");
            String id = switch (key) {
                case "knn", "k nn", "k nearest neighbors", "nearest neighbors" -> "knn";
                case "k means", "k means clustering", "kmeans" -> "kmeans";
                case "linear regression", "linreg" -> "linreg";
                case "logistic regression", "logreg" -> "logreg";
                case "l1", "lasso" -> "l1";
                case "a/b testing", "a/b test", "ab" -> "ab";
                default -> key.startsWith("linear") ? "linreg logreg" : "logreg linreg";
            };
            m.appendReplacement(out, " " + id + " ");
        }
        m.appendTail(out);
        return out.toString();
    }
}
