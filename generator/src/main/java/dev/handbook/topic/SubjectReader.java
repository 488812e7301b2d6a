package dev.handbook.topic;

import dev.handbook.extract.Item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a question is about. Its terms (see {@link TextAnalyzer}) split into the head, what is asked, and
 * the context after "in" ("Explain dropout <em>in neural networks</em>", but not "used in"), which counts less.
 * Words that only say "machine learning" or "model" count little when the question names something more
 * specific, and the words that
 * make a coding or design task ("write", "function", "design", "system") are dropped for those kinds, whose kind
 * already says so.
 */
final class SubjectReader {
    static final double CONTEXT_SHARE = 0.4;
    /** "machine learning", "model": present in most questions, they count little next to a specific subject. */
    static final double GENERIC_SHARE = 0.3;
    private static final Pattern CONTEXT = Pattern.compile(
            "(?i)(?<!\\b(?:used|applied|use|using|apply|employed|leveraged))"
                    + "\\s(?:in the context of|in|for (?:a|an|the|your|my|our|any))\\s");
    private static final Set<String> GENERIC = Set.of("machin", "learn", "ml", "model", "neural", "network");
    private static final Map<QuestionKind, Set<String>> KIND_WORDS = Map.of(
            QuestionKind.CODE, Set.of("write", "implement", "code", "python", "function", "comput", "calcul",
                    "program", "script", "simpl", "numpi", "creat"),
            QuestionKind.DESIGN, Set.of("design", "system", "build", "architectur"));

    private final TextAnalyzer analyzer;

    SubjectReader(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    Map<String, Double> subject(Item item, QuestionKind kind) {
        String question = item.question();
        Matcher context = CONTEXT.matcher(question);
        Set<String> kindWords = KIND_WORDS.getOrDefault(kind, Set.of());
        String tail = "";
        List<String> headTerms = terms(question, kindWords);
        if (context.find() && context.start() > 0) {
            List<String> beforeContext = terms(question.substring(0, context.start()), kindWords);
            // "Describe the steps involved in KNN": when nothing is asked before "in", the rest is the subject
            if (!beforeContext.isEmpty()) {
                headTerms = beforeContext;
                tail = question.substring(context.end());
            }
        }
        Map<String, Double> subject = new LinkedHashMap<>();
        boolean specific = headTerms.stream().anyMatch(t -> !GENERIC.contains(t));
        for (String t : headTerms) {
            subject.putIfAbsent(t, specific && GENERIC.contains(t) ? GENERIC_SHARE : 1.0);
        }
        for (String t : terms(tail, kindWords)) {
            subject.putIfAbsent(t, specific && GENERIC.contains(t) ? GENERIC_SHARE : CONTEXT_SHARE);
        }
        return subject;
    }

    private static final Pattern ASPECT = Pattern.compile(
            "(?i)\\b(applications?|limitations?|challenges?|advantages?|disadvantages?|pros|cons|drawbacks?|"
                    + "examples?|trends?|tools?|history|future|metrics?)\\b");

    /**
     * The aspects a question asks about besides its subject ("applications", "limitations", "advantages"): asking
     * for the applications of k-means is not asking what k-means is. A comparison's "advantages over X" is the
     * comparison itself, not an aspect.
     */
    static Set<String> aspects(Item item, QuestionKind kind) {
        Set<String> found = new java.util.TreeSet<>();
        if (kind == QuestionKind.COMPARISON) {
            return found;
        }
        Matcher m = ASPECT.matcher(item.question());
        while (m.find()) {
            String word = m.group(1).toLowerCase(java.util.Locale.ROOT);
            switch (word) {
                case "pros" -> found.add("advantage");
                case "cons" -> found.add("disadvantage");
                default -> found.add(word.endsWith("s") ? word.substring(0, word.length() - 1) : word);
            }
        }
        return found;
    }

    private List<String> terms(String text, Set<String> kindWords) {
        return analyzer.terms(text).stream().filter(t -> !kindWords.contains(t)).toList();
    }
}
