package dev.handbook.topic;

import dev.handbook.extract.AnswerLink;
import dev.handbook.extract.Item;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How alike two items' questions are, from their subjects (IDF-weighted Jaccard of subject terms) and, when both
 * have one, their answers (TF-IDF cosine). Rare terms weigh more: sharing "kmeans" says much, sharing "model"
 * little. Built once per grouping; immutable afterwards.
 */
public final class SimilarityModel {
    static final int MIN_ANSWER_TERMS = 5;
    private static final double QUESTION_WEIGHT = 0.65;

    private final List<QuestionProfile> profiles;
    private final Map<String, Double> subjectIdf;
    private final Map<String, Double> answerIdf;
    private final double[] answerNorms;

    private SimilarityModel(List<QuestionProfile> profiles, Map<String, Double> subjectIdf,
                            Map<String, Double> answerIdf, double[] answerNorms) {
        this.profiles = profiles;
        this.subjectIdf = subjectIdf;
        this.answerIdf = answerIdf;
        this.answerNorms = answerNorms;
    }

    /** Concept ids from the vocabulary name the field's subjects: they weigh more than ordinary words. */
    static final double CONCEPT_BOOST = 1.5;

    static SimilarityModel build(List<Item> items, TextAnalyzer analyzer) {
        Set<String> concepts = new java.util.HashSet<>();
        analyzer.vocabulary().concepts().forEach(c -> concepts.add(c.id()));
        List<QuestionProfile> profiles = new ArrayList<>();
        SubjectReader reader = new SubjectReader(analyzer);
        Map<String, Integer> subjectDf = new HashMap<>();
        Map<String, Integer> answerDf = new HashMap<>();
        // each item is read on its own, items in parallel; the counts are then gathered in item order
        List<QuestionProfile> read = java.util.stream.IntStream.range(0, items.size()).parallel().mapToObj(i -> {
            Item item = items.get(i);
            QuestionKind kind = QuestionKind.of(item);
            Map<String, Double> subject = reader.subject(item, kind);
            Map<String, Integer> answer = new HashMap<>();
            for (String t : analyzer.terms(answerText(item))) {
                answer.merge(t, 1, Integer::sum);
            }
            return new QuestionProfile(i, item, kind, subject, SubjectReader.aspects(item, kind), answer);
        }).toList();
        for (QuestionProfile p : read) {
            // A subject term's weight comes from how many items use it anywhere, question or answer: words
            // every answer uses ("steps", "performance") say little about what a question is about.
            Set<String> anywhere = new java.util.HashSet<>(p.subject().keySet());
            anywhere.addAll(p.answer().keySet());
            anywhere.forEach(t -> subjectDf.merge(t, 1, Integer::sum));
            p.answer().keySet().forEach(t -> answerDf.merge(t, 1, Integer::sum));
            profiles.add(p);
        }
        int n = items.size();
        Map<String, Double> subjectIdf = new HashMap<>();
        subjectDf.forEach((t, df) -> subjectIdf.put(t,
                Math.log(1.0 + (double) n / df) * (concepts.contains(t) ? CONCEPT_BOOST : 1.0)));
        Map<String, Double> answerIdf = new HashMap<>();
        answerDf.forEach((t, df) -> answerIdf.put(t, Math.log(1.0 + (double) n / df)));
        double[] norms = new double[n];
        for (QuestionProfile p : profiles) {
            double sum = 0;
            for (Map.Entry<String, Integer> e : p.answer().entrySet()) {
                double w = (1 + Math.log(e.getValue())) * answerIdf.get(e.getKey());
                sum += w * w;
            }
            norms[p.index()] = Math.sqrt(sum);
        }
        return new SimilarityModel(List.copyOf(profiles), subjectIdf, answerIdf, norms);
    }

    /**
     * What an item says in answer: its text, its answer links' titles and the words of their addresses
     * ("/blog/bias-in-neural-network"), which often name the subject when the source gives only a link.
     */
    public static String answerText(Item item) {
        if (item.answerLinks().isEmpty()) {
            return item.body();
        }
        StringBuilder sb = new StringBuilder(item.body());
        for (AnswerLink link : item.answerLinks()) {
            sb.append('\n').append(link.title()).append('\n');
            String path = link.url().replaceFirst("^[a-z]+://[^/]+", "").replaceAll("[?#].*$", "");
            if (!path.matches(".*\\d{6,}.*")) {
                sb.append(path.replaceAll("[/_\\-.]+", " "));
            }
        }
        return sb.toString();
    }

    List<QuestionProfile> profiles() {
        return profiles;
    }

    double idf(String subjectTerm) {
        return subjectIdf.getOrDefault(subjectTerm, 0.0);
    }

    /** A term's weight in one question: its IDF times its share (head 1, context less). */
    double weight(QuestionProfile p, String term) {
        Double share = p.subject().get(term);
        return share == null ? 0 : share * idf(term);
    }

    /** Weighted Jaccard of the two subjects (sum of minimum weights over sum of maximum weights), 0..1. */
    double subjectSimilarity(QuestionProfile a, QuestionProfile b) {
        double shared = 0;
        double union = 0;
        for (String t : a.subject().keySet()) {
            double wa = weight(a, t);
            double wb = weight(b, t);
            shared += Math.min(wa, wb);
            union += Math.max(wa, wb);
        }
        for (String t : b.subject().keySet()) {
            if (!a.subject().containsKey(t)) {
                union += weight(b, t);
            }
        }
        return union == 0 ? 0 : shared / union;
    }

    boolean hasAnswer(QuestionProfile p) {
        return p.answer().values().stream().mapToInt(Integer::intValue).sum() >= MIN_ANSWER_TERMS;
    }

    double answerSimilarity(QuestionProfile a, QuestionProfile b) {
        if (answerNorms[a.index()] == 0 || answerNorms[b.index()] == 0) {
            return 0;
        }
        Map<String, Integer> small = a.answer().size() <= b.answer().size() ? a.answer() : b.answer();
        Map<String, Integer> large = small == a.answer() ? b.answer() : a.answer();
        double dot = 0;
        for (Map.Entry<String, Integer> e : small.entrySet()) {
            Integer other = large.get(e.getKey());
            if (other != null) {
                double idf = answerIdf.get(e.getKey());
                dot += (1 + Math.log(e.getValue())) * idf * (1 + Math.log(other)) * idf;
            }
        }
        return dot / (answerNorms[a.index()] * answerNorms[b.index()]);
    }

    /** The combined score: subject similarity, blended with answer similarity when both items have answers. */
    double score(QuestionProfile a, QuestionProfile b) {
        double q = subjectSimilarity(a, b);
        if (!hasAnswer(a) || !hasAnswer(b)) {
            return q;
        }
        return QUESTION_WEIGHT * q + (1 - QUESTION_WEIGHT) * answerSimilarity(a, b);
    }

    /**
     * The heaviest subject terms of {@code p} whose weight together exceeds {@code share} of its subject's weight
     * (at least one term).
     */
    List<String> prefixTerms(QuestionProfile p, double share) {
        String[] terms = p.subject().keySet().toArray(String[]::new);
        Arrays.sort(terms, (x, y) -> {
            int c = Double.compare(weight(p, y), weight(p, x));
            return c != 0 ? c : x.compareTo(y);
        });
        double total = 0;
        for (String t : terms) {
            total += weight(p, t);
        }
        List<String> prefix = new ArrayList<>();
        double covered = 0;
        for (String t : terms) {
            prefix.add(t);
            covered += weight(p, t);
            if (covered > share * total) {
                break;
            }
        }
        return prefix;
    }
}
