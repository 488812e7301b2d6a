package dev.handbook.link;

import java.util.regex.Pattern;
import dev.handbook.extract.Item;
import dev.handbook.source.Vocabulary;
import dev.handbook.topic.SimilarityModel;
import dev.handbook.topic.TextAnalyzer;
import dev.handbook.topic.Topic;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The link stage's entry point: related questions for every topic, and the glossary.
 *
 * <p>Two topics are related when their questions name the same things (weighted overlap of question terms, so
 * "KNN vs k-means" is related to both "KNN" and "k-means"), when one's answers talk about what the other asks
 * (overfitting's answers mention regularization), and when their answers read alike. Candidates come from an
 * inverted index, never all pairs. Links are chosen best first and kept on both ends while both topics have
 * room for {@value #MAX_RELATED}, so they come out mutual; a topic left with fewer than {@value #MIN_RELATED}
 * takes its own best candidates above a lower floor. A topic is never related to itself.
 */
public final class Linker {
    private static final Pattern COMPARISON_OR_TASK = Pattern.compile(
            "(?i).*\\b(vs\\.?|versus|difference|differ|compare|implement|write)\\b.*");
    static final int MIN_RELATED = 4;
    static final int MAX_RELATED = 8;
    static final double FLOOR = 0.12;
    static final double WEAK_FLOOR = 0.04;
    static final int ANSWER_TERMS_INDEXED = 12;
    static final int MAX_POSTING = 400;

    private final TextAnalyzer analyzer;
    /** Frame concepts (avoid, choose) say how a question is asked: no reason to relate two topics. */
    private final Set<String> frames = new HashSet<>();
    /** A concept's head word: "gradientboosting" is about boosting too. */
    private final Map<String, List<String>> conceptWords = new HashMap<>();

    public Linker(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        try (TextAnalyzer plain = new TextAnalyzer(Vocabulary.empty())) {
            for (Vocabulary.Concept c : analyzer.vocabulary().concepts()) {
                if (c.frame()) {
                    frames.add(c.id());
                } else {
                    // the head noun of its longest phrasing: gradient boosting -> boosting
                    String longest = c.phrases().stream().max(Comparator.comparingInt(String::length)).orElse("");
                    List<String> words = plain.terms(longest);
                    if (words.size() > 1 && !words.get(words.size() - 1).equals(c.id())) {
                        conceptWords.put(c.id(), List.of(words.get(words.size() - 1)));
                    }
                }
            }
        }
    }

    record Profile(Topic topic, Map<String, Double> question, double questionNorm,
                   Map<String, Double> answer, double answerNorm, Terms questionTerms, Terms answerTerms) {
        int maxTermId() {
            return Math.max(questionTerms.maxId(), answerTerms.maxId());
        }
    }

    /**
     * A weighted term map as arrays, for scoring millions of pairs without hashing strings: the terms' ids and
     * weights in the map's own order (sums run in that order, so scores are exactly the map version's), and an
     * open-addressing table from id to weight for lookups.
     */
    record Terms(int[] ids, double[] weights, int[] tableIds, double[] tableWeights, double sum) {
        static Terms of(Map<String, Double> weights, Map<String, Integer> dictionary) {
            int n = weights.size();
            int[] ids = new int[n];
            double[] w = new double[n];
            double sum = 0;
            int k = 0;
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                ids[k] = dictionary.computeIfAbsent(e.getKey(), t -> dictionary.size());
                w[k] = e.getValue();
                sum += w[k];
                k++;
            }
            int size = Integer.highestOneBit(Math.max(2, n) * 2 - 1) * 2;   // a power of two, at most half full
            int[] tableIds = new int[size];
            java.util.Arrays.fill(tableIds, -1);
            double[] tableWeights = new double[size];
            for (int i = 0; i < n; i++) {
                int at = slot(ids[i], size - 1);
                while (tableIds[at] != -1) {
                    at = (at + 1) & (size - 1);
                }
                tableIds[at] = ids[i];
                tableWeights[at] = w[i];
            }
            return new Terms(ids, w, tableIds, tableWeights, sum);
        }

        private static int slot(int id, int mask) {
            return (id * 0x9E3779B9 >>> 16) & mask;
        }

        int maxId() {
            int max = -1;
            for (int id : ids) {
                max = Math.max(max, id);
            }
            return max;
        }

        /** The weight of term {@code id}, or NaN when absent. */
        double weightOf(int id) {
            int mask = tableIds.length - 1;
            for (int at = slot(id, mask); ; at = (at + 1) & mask) {
                int found = tableIds[at];
                if (found == id) {
                    return tableWeights[at];
                }
                if (found == -1) {
                    return Double.NaN;
                }
            }
        }
    }

    public Linked link(List<Topic> topics) {
        List<Profile> profiles = profiles(topics);
        List<Set<String>> indexed = profiles.parallelStream().map(Linker::indexTerms).toList();
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < profiles.size(); i++) {
            for (String t : indexed.get(i)) {
                lists.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> postings = new HashMap<>();
        lists.forEach((t, list) -> postings.put(t, list.stream().mapToInt(Integer::intValue).toArray()));
        // Each topic's candidates scored, topics in parallel (each list is sorted, so timing cannot change it);
        // then every candidate edge once (the score is symmetric).
        // topics go in runs, each run with a scorer of its own (its arrays span every term)
        int terms = profiles.stream().mapToInt(Profile::maxTermId).max().orElse(-1) + 1;
        int run = Math.max(64, profiles.size() / (8 * Runtime.getRuntime().availableProcessors()) + 1);
        List<List<double[]>> ranked = IntStream.range(0, (profiles.size() + run - 1) / run).parallel()
                .mapToObj(r -> {
                    PairScorer scorer = new PairScorer(terms);
                    return IntStream.range(r * run, Math.min(profiles.size(), (r + 1) * run))
                            .mapToObj(i -> rankCandidates(i, indexed.get(i), profiles, postings, scorer)).toList();
                })
                .flatMap(List::stream).toList();
        List<double[]> edges = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            for (double[] s : ranked.get(i)) {
                int j = (int) s[1];
                if (i < j && s[0] >= FLOOR) {
                    edges.add(new double[]{s[0], i, j});
                }
            }
        }
        // Best edges first, each kept on both ends while both have room: links come out mutual.
        edges.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1])
                .thenComparingDouble(x -> x[2]));
        List<Set<Integer>> chosen = new ArrayList<>();
        profiles.forEach(p -> chosen.add(new LinkedHashSet<>()));
        for (double[] e : edges) {
            int a = (int) e[1];
            int b = (int) e[2];
            if (chosen.get(a).size() < MAX_RELATED && chosen.get(b).size() < MAX_RELATED) {
                chosen.get(a).add(b);
                chosen.get(b).add(a);
            }
        }
        // Topics left with few links take their own best candidates, one-sided if need be.
        for (int i = 0; i < profiles.size(); i++) {
            for (double[] s : ranked.get(i)) {
                if (chosen.get(i).size() >= MIN_RELATED || s[0] < WEAK_FLOOR) {
                    break;
                }
                chosen.get(i).add((int) s[1]);
            }
        }
        List<Topic> linked = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            List<double[]> order = new ArrayList<>();
            for (int j : chosen.get(i)) {
                order.add(new double[]{score(profiles.get(i), profiles.get(j)), j});
            }
            order.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]));
            linked.add(topics.get(i).withRelated(order.stream().map(x -> topics.get((int) x[1]).slug()).toList()));
        }
        return new Linked(linked, glossary(topics));
    }

    /**
     * Topic {@code i}'s candidates (topics sharing an index term with it) that score at least {@link #WEAK_FLOOR},
     * best first: nothing below that floor is ever linked, so it is neither kept nor sorted.
     */
    private static List<double[]> rankCandidates(int i, Set<String> indexTerms, List<Profile> profiles,
                                                 Map<String, int[]> postings, PairScorer scorer) {
        BitSet candidates = new BitSet(profiles.size());
        for (String t : indexTerms) {
            int[] posting = postings.get(t);
            if (posting.length <= MAX_POSTING) {
                for (int j : posting) {
                    candidates.set(j);
                }
            }
        }
        candidates.clear(i);
        List<double[]> scored = new ArrayList<>();
        scorer.focus(profiles.get(i));
        for (int j = candidates.nextSetBit(0); j >= 0; j = candidates.nextSetBit(j + 1)) {
            double score = scorer.score(profiles.get(j));
            if (score >= WEAK_FLOOR) {
                scored.add(new double[]{score, j});
            }
        }
        scorer.release();
        scored.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]));
        return scored;
    }

    private List<Profile> profiles(List<Topic> topics) {
        Map<String, Integer> questionDf = new HashMap<>();
        Map<String, Integer> answerDf = new HashMap<>();
        // topics are read in parallel, and their document frequencies counted in topic order
        List<Map<String, Integer>> questionTf = topics.parallelStream().map(this::questionTerms).toList();
        List<Map<String, Integer>> answerTf = topics.parallelStream().map(this::answerTerms).toList();
        for (int i = 0; i < topics.size(); i++) {
            questionTf.get(i).keySet().forEach(term -> questionDf.merge(term, 1, Integer::sum));
            answerTf.get(i).keySet().forEach(term -> answerDf.merge(term, 1, Integer::sum));
        }
        int n = topics.size();
        List<Profile> profiles = new ArrayList<>();
        Map<String, Integer> dictionary = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> q = tfIdf(questionTf.get(i), questionDf, n);
            Map<String, Double> a = tfIdf(answerTf.get(i), answerDf, n);
            profiles.add(new Profile(topics.get(i), q, norm(q), a, norm(a), Terms.of(q, dictionary),
                    Terms.of(a, dictionary)));
        }
        return profiles;
    }

    private Map<String, Integer> questionTerms(Topic t) {
        Map<String, Integer> q = new HashMap<>();
        for (Item item : t.items()) {
            for (String term : analyzer.terms(item.question())) {
                if (!frames.contains(term)) {
                    q.merge(term, 1, Integer::sum);
                    conceptWords.getOrDefault(term, List.of()).forEach(w -> q.merge(w, 1, Integer::sum));
                }
            }
        }
        return q;
    }

    private Map<String, Integer> answerTerms(Topic t) {
        Map<String, Integer> a = new HashMap<>();
        for (Item item : t.items()) {
            analyzer.terms(SimilarityModel.answerText(item)).forEach(term -> a.merge(term, 1, Integer::sum));
        }
        return a;
    }

    private static Map<String, Double> tfIdf(Map<String, Integer> tf, Map<String, Integer> df, int n) {
        Map<String, Double> weights = new LinkedHashMap<>();
        tf.forEach((term, count) -> weights.put(term, (1 + Math.log(count)) * Math.log(1.0 + (double) n / df.get(term))));
        return weights;
    }

    static double norm(Map<String, Double> weights) {
        double sum = 0;
        for (double w : weights.values()) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    /** Question terms and the topic's most telling answer terms. */
    private static Set<String> indexTerms(Profile p) {
        Set<String> terms = new LinkedHashSet<>(p.question().keySet());
        p.answer().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(ANSWER_TERMS_INDEXED)
                .forEach(e -> terms.add(e.getKey()));
        return terms;
    }

    static double score(Profile a, Profile b) {
        return 0.5 * cosine(a.questionTerms(), a.questionNorm(), b.questionTerms(), b.questionNorm())
                + 0.25 * (mentions(a, b) + mentions(b, a)) / 2
                + 0.25 * cosine(a.answerTerms(), a.answerNorm(), b.answerTerms(), b.answerNorm());
    }

    /** How much of what {@code a} asks about {@code b}'s answers talk about. */
    private static double mentions(Profile a, Profile b) {
        Terms asked = a.questionTerms();
        double found = 0;
        for (int k = 0; k < asked.ids().length; k++) {
            if (!Double.isNaN(b.answerTerms().weightOf(asked.ids()[k]))) {
                found += asked.weights()[k];
            }
        }
        return asked.sum() == 0 ? 0 : found / asked.sum();
    }

    private static double cosine(Terms a, double normA, Terms b, double normB) {
        if (normA == 0 || normB == 0) {
            return 0;
        }
        double dot = 0;
        for (int k = 0; k < a.ids().length; k++) {
            double other = b.weightOf(a.ids()[k]);
            if (!Double.isNaN(other)) {
                dot += a.weights()[k] * other;
            }
        }
        return dot / (normA * normB);
    }

    /**
     * For each glossary concept, the topic that explains it: the topic with a question that names the concept and
     * at most one other thing, preferring the barest such question, then the topic most sources ask. Comparisons
     * never explain a single concept.
     */
    private List<GlossaryTerm> glossary(List<Topic> topics) {
        Vocabulary vocabulary = analyzer.vocabulary();
        Map<String, Topic> best = new HashMap<>();
        Map<String, Integer> bestSize = new HashMap<>();
        for (Topic topic : topics) {
            for (Item item : topic.items()) {
                if (COMPARISON_OR_TASK.matcher(item.question()).matches()) {
                    continue;
                }
                List<String> terms = analyzer.terms(item.question()).stream().filter(t -> !frames.contains(t))
                        .distinct().toList();
                if (terms.size() > 2) {
                    continue;
                }
                for (String term : terms) {
                    Integer size = bestSize.get(term);
                    Topic current = best.get(term);
                    if (size == null || terms.size() < size
                            || (terms.size() == size && topic.items().size() > current.items().size())) {
                        best.put(term, topic);
                        bestSize.put(term, terms.size());
                    }
                }
            }
        }
        List<GlossaryTerm> glossary = new ArrayList<>();
        for (Vocabulary.Concept concept : vocabulary.concepts()) {
            Topic topic = best.get(concept.id());
            if (concept.glossary() && topic != null) {
                glossary.add(new GlossaryTerm(concept.id(), vocabulary.phrasePattern(concept), topic.slug()));
            }
        }
        return glossary;
    }
}
