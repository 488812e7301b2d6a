package dev.handbook.topic;

import dev.handbook.diag.Diagnostics;
import dev.handbook.extract.Item;
import dev.handbook.source.CategoryConfig;
import dev.handbook.source.HandbookConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The group stage's entry point: items that ask the same question become one topic.
 *
 * <p>How: every item gets a profile (kind, subject terms, answer terms; see {@link SimilarityModel}). Candidate
 * pairs come from an inverted index over each item's rarest subject terms, never from all pairs, so grouping
 * stays near-linear. Pairs are merged best first when their score reaches {@link #MERGE_AT}, both are of the same
 * {@link QuestionKind}, neither names a subject the other lacks (L1/L2 <em>loss</em> vs L1/L2
 * <em>regularization</em>), and the two groups agree on average; a maintainer's curation.yaml merges and splits
 * last.
 *
 * <p>Topics come back in category order, then in source order. A topic's slug comes from its earliest item (in
 * sources.yaml order), so a source added later never renames an existing page.
 */
public final class TopicGrouper {
    static final double MERGE_AT = 0.5;
    static final double NEAR_MISS_FROM = 0.35;
    static final double GROUP_AGREEMENT = 0.4;
    static final int MAX_POSTING = 2000;
    /**
     * The lowest subject similarity worth comparing: below it a pair merges only if its answers are near copies,
     * which the sources' answers never are, so such pairs are never generated.
     */
    static final double MIN_SUBJECT_SIMILARITY = NEAR_MISS_FROM;

    private final HandbookConfig config;
    private final TextAnalyzer analyzer;
    private final Curation curation;
    private final Diagnostics diagnostics;

    public TopicGrouper(HandbookConfig config, TextAnalyzer analyzer, Curation curation, Diagnostics diagnostics) {
        this.config = config;
        this.analyzer = analyzer;
        this.curation = curation;
        this.diagnostics = diagnostics;
    }

    public Grouping group(List<Item> items) {
        SimilarityModel model = SimilarityModel.build(items, analyzer);
        List<QuestionProfile> profiles = model.profiles();
        Map<String, Integer> byRef = new HashMap<>();
        items.forEach(i -> byRef.put(i.ref(), byRef.size()));
        Set<Integer> standalone = new HashSet<>();
        for (String ref : curation.split()) {
            Integer index = byRef.get(ref);
            if (index == null) {
                unknownRef(ref);
            } else {
                standalone.add(index);
            }
        }

        List<long[]> candidates = candidatePairs(model);
        // pairs are scored in parallel; the sort below fixes their order whatever the threads did
        List<double[]> scored = new ArrayList<>(candidates.parallelStream().map(pair -> {
            QuestionProfile a = profiles.get((int) pair[0]);
            QuestionProfile b = profiles.get((int) pair[1]);
            if (standalone.contains(a.index()) || standalone.contains(b.index()) || !compatible(model, a, b)) {
                return null;
            }
            double s = model.score(a, b);
            return s >= NEAR_MISS_FROM ? new double[]{s, a.index(), b.index()} : null;
        }).filter(java.util.Objects::nonNull).toList());
        scored.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1])
                .thenComparingDouble(x -> x[2]));

        Clusters clusters = new Clusters(items.size());
        List<ScoredPair> merges = new ArrayList<>();
        List<ScoredPair> nearMisses = new ArrayList<>();
        for (double[] s : scored) {
            int a = (int) s[1];
            int b = (int) s[2];
            if (clusters.find(a) == clusters.find(b)) {
                continue;
            }
            if (s[0] >= MERGE_AT && agree(model, clusters.members(a), clusters.members(b))) {
                clusters.union(a, b);
                merges.add(pair(items, a, b, s[0]));
            } else {
                nearMisses.add(pair(items, a, b, s[0]));
            }
        }
        for (List<String> group : curation.merge()) {
            Integer first = null;
            for (String ref : group) {
                Integer index = byRef.get(ref);
                if (index == null) {
                    unknownRef(ref);
                } else if (first == null) {
                    first = index;
                } else {
                    clusters.union(first, index);
                    merges.add(pair(items, first, index, 1.0));
                }
            }
        }
        return new Grouping(topics(items, clusters, model), merges, nearMisses);
    }

    private void unknownRef(String ref) {
        diagnostics.warn(curation.file(), curation.lineOf(ref), "curation names unknown item '" + ref + "'",
                "items are source#ordinal as 'check --verbose' lists them");
    }

    private static ScoredPair pair(List<Item> items, int a, int b, double score) {
        return new ScoredPair(items.get(a).ref(), items.get(a).question(), items.get(b).ref(),
                items.get(b).question(), Math.round(score * 1000) / 1000.0);
    }

    /**
     * Pairs that could reach the merge threshold, each once, smaller index first. Prefix filtering: two subjects
     * with weighted Jaccard at least {@link #MIN_SUBJECT_SIMILARITY} must share one of either's heaviest terms
     * that together outweigh the rest by that margin, so only those terms' postings are visited.
     */
    static List<long[]> candidatePairs(SimilarityModel model) {
        Map<String, List<Integer>> postings = new HashMap<>();
        List<List<String>> prefixes = new ArrayList<>();
        for (QuestionProfile p : model.profiles()) {
            List<String> prefix = model.prefixTerms(p, 1 - MIN_SUBJECT_SIMILARITY);
            prefixes.add(prefix);
            for (String t : prefix) {
                postings.computeIfAbsent(t, k -> new ArrayList<>()).add(p.index());
            }
        }
        Set<Long> seen = new HashSet<>();
        List<long[]> pairs = new ArrayList<>();
        for (QuestionProfile p : model.profiles()) {
            for (String t : prefixes.get(p.index())) {
                List<Integer> posting = postings.get(t);
                if (posting.size() > MAX_POSTING) {
                    continue;
                }
                for (int other : posting) {
                    if (other == p.index()) {
                        continue;
                    }
                    int lo = Math.min(other, p.index());
                    int hi = Math.max(other, p.index());
                    if (seen.add(((long) lo << 32) | hi)) {
                        pairs.add(new long[]{lo, hi});
                    }
                }
            }
        }
        return pairs;
    }

    /** A head term weighing at least this much names a subject of its own. */
    static final double SUBSTANTIVE = 3.0;

    /**
     * Whether two questions may be the same at all: the same kind (a question naming two subjects may match a
     * comparison of exactly those), and not each asking about a substantive subject the other lacks (L1/L2
     * <em>loss</em> vs L1/L2 <em>regularization</em>; YouTube <em>recommendation</em> vs YouTube
     * <em>search</em>).
     */
    static boolean compatible(SimilarityModel model, QuestionProfile a, QuestionProfile b) {
        if (a.kind() != b.kind() && !namesTheCompared(a, b) && !namesTheCompared(b, a)) {
            return false;
        }
        if (!a.aspects().equals(b.aspects())) {
            return false;
        }
        return !(hasOwnSubject(model, a, b) && hasOwnSubject(model, b, a));
    }

    /** {@code concept} asks about two or more things that {@code comparison} compares, and nothing else. */
    private static boolean namesTheCompared(QuestionProfile concept, QuestionProfile comparison) {
        if (concept.kind() != QuestionKind.CONCEPT || comparison.kind() != QuestionKind.COMPARISON) {
            return false;
        }
        List<String> heads = concept.subject().keySet().stream().filter(concept::isHead).toList();
        return heads.size() >= 2 && heads.stream().allMatch(comparison::isHead)
                && comparison.subject().keySet().stream().filter(comparison::isHead).allMatch(heads::contains);
    }

    private static boolean hasOwnSubject(SimilarityModel model, QuestionProfile a, QuestionProfile b) {
        for (String t : a.subject().keySet()) {
            if (a.isHead(t) && !b.subject().containsKey(t) && model.idf(t) >= SUBSTANTIVE) {
                return true;
            }
        }
        return false;
    }

    /** Members compared per side when two groups meet: large groups are judged by a fixed sample. */
    static final int AGREEMENT_SAMPLE = 16;

    /**
     * Two groups join when every cross pair is compatible and their average score reaches the agreement bar.
     * Groups larger than {@link #AGREEMENT_SAMPLE} are judged by their first members, so the cost per merge
     * stays bounded however large a group grows.
     */
    private static boolean agree(SimilarityModel model, List<Integer> leftGroup, List<Integer> rightGroup) {
        List<Integer> left = leftGroup.subList(0, Math.min(AGREEMENT_SAMPLE, leftGroup.size()));
        List<Integer> right = rightGroup.subList(0, Math.min(AGREEMENT_SAMPLE, rightGroup.size()));
        double sum = 0;
        for (int a : left) {
            for (int b : right) {
                QuestionProfile pa = model.profiles().get(a);
                QuestionProfile pb = model.profiles().get(b);
                if (!compatible(model, pa, pb)) {
                    return false;
                }
                sum += model.score(pa, pb);
            }
        }
        return sum / (left.size() * right.size()) >= GROUP_AGREEMENT;
    }

    private List<Topic> topics(List<Item> items, Clusters clusters, SimilarityModel model) {
        Map<Integer, List<Integer>> memberIndexes = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            memberIndexes.computeIfAbsent(clusters.find(i), k -> new ArrayList<>()).add(i);
        }
        Categorizer categorizer = new Categorizer(config);
        List<Topic> topics = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        Set<String> renamed = new HashSet<>();
        Set<String> recategorized = new HashSet<>();
        // each group's category vote (its items' keywords), clearest phrasing and slug are read for groups in
        // parallel; slugs are then made unique in group order
        List<List<Integer>> groups = List.copyOf(memberIndexes.values());
        List<GroupReading> readings = groups.parallelStream().map(members -> {
            List<Item> group = members.stream().map(items::get).toList();
            return new GroupReading(group, Slugs.of(group.get(0).question()), canonicalTitle(members, model),
                    category(group, categorizer));
        }).toList();
        for (GroupReading reading : readings) {
            List<Item> group = reading.items();
            String slug = Slugs.unique(reading.slug(), slugs);
            String title = curation.rename().getOrDefault(slug, reading.title());
            String category = curation.category().getOrDefault(slug, reading.category());
            if (curation.rename().containsKey(slug)) {
                renamed.add(slug);
            }
            if (curation.category().containsKey(slug)) {
                recategorized.add(slug);
                if (config.categories().stream().noneMatch(c -> c.name().equals(category))) {
                    diagnostics.warn(curation.file(), curation.lineOf(slug), "category '" + category
                            + "' is not in handbook.yaml", "use one of the categories listed there");
                }
            }
            String difficulty = group.stream().map(Item::difficulty).filter(d -> !d.isEmpty()).findFirst().orElse("");
            topics.add(new Topic(slug, title, category, group, List.of(), difficulty));
        }
        for (String slug : curation.rename().keySet()) {
            if (!renamed.contains(slug)) {
                diagnostics.warn(curation.file(), curation.lineOf(slug), "rename names unknown topic '" + slug + "'",
                        "topics are named by the slug of their page");
            }
        }
        for (String slug : curation.category().keySet()) {
            if (!recategorized.contains(slug)) {
                diagnostics.warn(curation.file(), curation.lineOf(slug), "category names unknown topic '" + slug
                        + "'", "topics are named by the slug of their page");
            }
        }
        Map<String, Integer> order = new HashMap<>();
        List<CategoryConfig> categories = config.categories();
        for (int i = 0; i < categories.size(); i++) {
            order.put(categories.get(i).name(), i);
        }
        List<Topic> sorted = new ArrayList<>(topics);
        sorted.sort(Comparator.comparingInt((Topic t) -> order.getOrDefault(t.category(), Integer.MAX_VALUE)));
        return sorted;
    }

    /** One group's items, its slug before it is made unique, its clearest phrasing and the category it votes for. */
    private record GroupReading(List<Item> items, String slug, String title, String category) {
    }

    /** The category most items point to; a source's own section naming a category counts double. */
    private static String category(List<Item> group, Categorizer categorizer) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (Item item : group) {
            Categorizer.Vote vote = categorizer.vote(item);
            votes.merge(vote.category(), vote.fromSection() ? 2 : 1, Integer::sum);
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /**
     * The clearest phrasing: the most central one (most like the other phrasings, so it asks what they share and
     * nothing more), preferring a question that ends in '?' and a moderate length; ties go to the earlier item.
     */
    static String canonicalTitle(List<Integer> members, SimilarityModel model) {
        List<QuestionProfile> profiles = members.stream().map(model.profiles()::get).toList();
        QuestionProfile best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (QuestionProfile p : profiles) {
            double similarity = 0;
            for (QuestionProfile other : profiles) {
                if (other != p) {
                    similarity += model.subjectSimilarity(p, other);
                }
            }
            String q = p.item().question();
            double score = (profiles.size() > 1 ? similarity / (profiles.size() - 1) : 0)
                    + (q.endsWith("?") ? 0.1 : 0) - Math.abs(q.length() - 45) / 150.0;
            if (score > bestScore + 1e-9) {
                best = p;
                bestScore = score;
            }
        }
        return best.item().question();
    }

    /** Union-find over item indexes, with each root's members. */
    private static final class Clusters {
        private final int[] parent;
        private final Map<Integer, List<Integer>> members = new HashMap<>();

        Clusters(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        List<Integer> members(int i) {
            int root = find(i);
            return members.getOrDefault(root, List.of(root));
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            int root = Math.min(ra, rb);
            int child = Math.max(ra, rb);
            List<Integer> merged = new ArrayList<>(members(ra));
            merged.addAll(members(rb));
            members.remove(ra);
            members.remove(rb);
            parent[child] = root;
            members.put(root, merged);
        }
    }
}
