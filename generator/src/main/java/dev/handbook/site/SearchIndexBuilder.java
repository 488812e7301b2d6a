package dev.handbook.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handbook.extract.AnswerLink;
import dev.handbook.extract.Item;
import dev.handbook.source.Vocabulary;
import dev.handbook.topic.QuestionKind;
import dev.handbook.topic.TextAnalyzer;
import dev.handbook.topic.Topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the search index from the topics: a pure function of the model, like the rest of the site.
 *
 * <p>Scoring is BM25F computed here, once: each field's term counts are weighted (title {@value #TITLE},
 * phrasings {@value #PHRASINGS}, category {@value #CATEGORY}, answers and notes {@value #BODY}) and length-
 * normalised, then saturated and multiplied by IDF; the browser only adds scores up. Terms are the same as
 * grouping's (vocabulary, stop words, KStem), and the browser never stems: it looks words up in the surface
 * table built here (every word of the corpus to its term) and applies the same vocabulary phrases, so build
 * time and query time agree exactly.
 */
final class SearchIndexBuilder {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ONE_WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final double TITLE = 6;
    static final double PHRASINGS = 3;
    static final double CATEGORY = 1.5;
    static final double BODY = 1;
    static final double K1 = 1.2;
    static final double B = 0.75;
    /** Body terms kept per topic, best first: the long tail of answer words is rarely searched. */
    static final int BODY_TERMS = 60;
    static final int DOCS_PER_CHUNK = 100;
    static final int SNIPPET = 180;
    /** What {@link #addWords} finds, as an expression (for tests): letters and digits, and an apostrophe's suffix. */
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private final TextAnalyzer analyzer;

    SearchIndexBuilder(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** @param prior how much more likely a reader wants this topic: questions more sources ask come first */
    private record Doc(String title, String path, String category, String snippet,
                       List<Map<String, Integer>> fields, double prior) {
    }

    /** One topic's fields as term frequencies, and the words it shows, each once, in order (for the suggestions). */
    private record Analysed(Doc doc, Set<String> words) {
    }

    private Analysed analyse(Topic t) {
        // each word once: gathering every topic's words is sequential, and a word repeats within a topic
        Set<String> words = new LinkedHashSet<>();
        // each answer's text is read once: the body field and the snippet both use it
        List<String> answers = t.items().stream().map(item -> MarkdownText.of(item.body())).toList();
        List<String> texts = fieldTexts(t, answers);
        List<Map<String, Integer>> fields = new ArrayList<>();
        for (String text : texts) {
            Map<String, Integer> tf = new HashMap<>();
            analyzer.terms(text).forEach(term -> tf.merge(term, 1, Integer::sum));
            fields.add(tf);
            addWords(text.toLowerCase(Locale.ROOT), words);
        }
        return new Analysed(new Doc(t.title(), HtmlSite.topicPath(t), t.category(), snippet(t, answers), fields, prior(t)),
                words);
    }

    SearchIndex build(List<Topic> topics) {
        // topics are analysed in parallel, then gathered in topic order: the index does not depend on timing
        List<Analysed> analysed = topics.parallelStream().map(this::analyse).toList();
        List<Doc> docs = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        for (Analysed a : analysed) {
            docs.add(a.doc());
            words.addAll(a.words());
        }
        Map<String, Postings> postings = postings(docs);
        // every distinct word analysed once, in parallel: the surface table and the stop list both read it
        List<String> distinct = new ArrayList<>(words);
        List<List<String>> analysedWords = distinct.parallelStream().map(analyzer::terms).toList();
        Map<String, List<String>> termsOfWord = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            termsOfWord.put(distinct.get(i), analysedWords.get(i));
        }
        Map<String, String> surface = surface(words, termsOfWord, postings.keySet());
        int keyLength = docs.size() < 2000 ? 1 : 2;
        Map<String, Map<String, Object>> shards = new TreeMap<>();
        // each term's postings ordered best first, terms in parallel; then filed in their shards
        Map<String, int[]> bestFirst = postings.entrySet().parallelStream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().bestFirst()));
        bestFirst.forEach((term, flat) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) shard(shards, term, keyLength)
                    .computeIfAbsent("p", k -> new TreeMap<String, Object>());
            p.put(term, flat);
        });
        surface.forEach((word, term) -> {
            Map<String, Object> shard = shard(shards, word, keyLength);
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) shard.computeIfAbsent("s", k -> new TreeMap<String, Object>());
            s.put(word, term);
        });

        Map<String, String> files = new TreeMap<>(shards.entrySet().parallelStream().collect(Collectors.toMap(
                e -> "t-" + e.getKey() + ".js", e -> script("t-" + e.getKey(), e.getValue()))));
        int chunks = (docs.size() + DOCS_PER_CHUNK - 1) / DOCS_PER_CHUNK;
        for (int c = 0; c < chunks; c++) {
            List<List<String>> rows = new ArrayList<>();
            for (int d = c * DOCS_PER_CHUNK; d < Math.min(docs.size(), (c + 1) * DOCS_PER_CHUNK); d++) {
                Doc doc = docs.get(d);
                rows.add(List.of(doc.title(), doc.path(), doc.category(), doc.snippet()));
            }
            files.put("d-" + c + ".js", script("d-" + c, rows));
        }
        Map<String, Object> meta = new TreeMap<>();
        meta.put("version", 1);
        meta.put("documents", docs.size());
        meta.put("chunk", DOCS_PER_CHUNK);
        meta.put("keyLength", keyLength);
        meta.put("shards", new ArrayList<>(shards.keySet()));
        meta.put("phrases", phrases(analyzer.vocabulary()));
        meta.put("stop", stopWords(words, termsOfWord));
        files.put("meta.js", script("meta", meta));
        return new SearchIndex(files);
    }

    private static Map<String, Object> shard(Map<String, Map<String, Object>> shards, String key, int length) {
        return shards.computeIfAbsent(shardKey(key, length), k -> new TreeMap<>());
    }

    /** The shard of a word or term: its first character(s), folded to a-z, 0-9 or "_". */
    static String shardKey(String word, int length) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = i < word.length() ? word.charAt(i) : '_';
            key.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return key.toString();
    }

    /**
     * Questions more sources ask are likelier to be meant; a coding or design task is likelier meant when the
     * query says so (its words then match), so it starts a little behind the concept it shares words with.
     */
    static double prior(Topic t) {
        long sources = t.items().stream().map(Item::sourceId).distinct().count();
        QuestionKind kind = QuestionKind.of(t.items().get(0));
        double task = kind == QuestionKind.CODE || kind == QuestionKind.DESIGN ? 0.85 : 1.0;
        return (1 + 0.1 * (sources - 1)) * task;
    }

    /** Title, phrasings, category, answers and notes, as plain text; {@code answers}: each item's answer as text. */
    private static List<String> fieldTexts(Topic t, List<String> answers) {
        Set<String> phrasings = new LinkedHashSet<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < t.items().size(); i++) {
            Item item = t.items().get(i);
            phrasings.add(item.question());
            body.append(answers.get(i)).append('\n');
            for (AnswerLink link : item.answerLinks()) {
                body.append(link.title()).append('\n');
            }
            item.notes().forEach(n -> body.append(n).append('\n'));
        }
        return List.of(t.title(), String.join("\n", phrasings), t.category(), body.toString());
    }

    /**
     * Adds the words of {@code text} to {@code words}, as {@link #WORD} finds them: runs of letters and digits, each
     * with an apostrophe and the letters after it ("model's") when it has them. A loop, not the expression: it
     * reads every answer of the handbook.
     */
    static void addWords(String text, Collection<String> words) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (!Vocabulary.isWordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < n && Vocabulary.isWordChar(c = text.codePointAt(i))) {
                i += Character.charCount(c);
            }
            if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '’')) {
                int end = i + 1;
                while (end < n && Character.isLetter(c = text.codePointAt(end))) {
                    end += Character.charCount(c);
                }
                if (end > i + 1) {
                    i = end;
                }
            }
            words.add(text.substring(start, i));
        }
    }

    /** The text of the longest answer (its Markdown's length decides), shortened; {@code answers} as above. */
    private static String snippet(Topic t, List<String> answers) {
        int best = -1;
        int bestLength = 0;
        for (int i = 0; i < t.items().size(); i++) {
            int length = t.items().get(i).body().length();
            if (length > bestLength) {
                best = i;
                bestLength = length;
            }
        }
        String text = best < 0
                ? t.items().stream().flatMap(i -> i.answerLinks().stream()).map(AnswerLink::title).findFirst()
                .map(title -> "Answer elsewhere: " + title).orElse("")
                : answers.get(best);
        text = collapsedSpaces(text);
        if (text.length() > SNIPPET) {
            int cut = text.lastIndexOf(' ', SNIPPET);
            text = text.substring(0, cut > SNIPPET / 2 ? cut : SNIPPET) + "…";
        }
        return text;
    }

    /** One term's postings: (doc, score x 100) pairs, in doc order. */
    private static final class Postings {
        private int[] pairs = new int[8];
        private int size;

        void add(int doc, int score) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, size * 2);
            }
            pairs[size++] = doc;
            pairs[size++] = score;
        }

        /** The pairs flattened, highest score first, then by doc. */
        int[] bestFirst() {
            Integer[] order = new Integer[size / 2];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> pairs[2 * a + 1] != pairs[2 * b + 1]
                    ? Integer.compare(pairs[2 * b + 1], pairs[2 * a + 1])
                    : Integer.compare(pairs[2 * a], pairs[2 * b]));
            int[] flat = new int[size];
            for (int i = 0; i < order.length; i++) {
                flat[2 * i] = pairs[2 * order[i]];
                flat[2 * i + 1] = pairs[2 * order[i] + 1];
            }
            return flat;
        }
    }

    /** One document's indexed terms and their scores (x 100). */
    private record Scored(List<String> terms, int[] scores) {
    }

    private static final double[] FIELD_WEIGHTS = {TITLE, PHRASINGS, CATEGORY, BODY};

    /**
     * The text with each run of spaces as one space, stripped, as far as a snippet can show it: a long answer's
     * beginning is enough when it already gives more than {@link #SNIPPET} characters (the cut looks no further).
     */
    static String collapsedSpaces(String text) {
        int prefix = 4 * SNIPPET;
        if (text.length() > prefix) {
            String start = SPACES.matcher(text.substring(0, prefix)).replaceAll(" ").stripLeading();
            // the last character may still be a space the rest of the text would strip or extend: one more
            if (start.length() > SNIPPET + 1) {
                return start;
            }
        }
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** term -> its postings, BM25F over the four fields; documents are scored in parallel. */
    private static Map<String, Postings> postings(List<Doc> docs) {
        double[] averageLength = new double[FIELD_WEIGHTS.length];
        for (Doc d : docs) {
            for (int f = 0; f < FIELD_WEIGHTS.length; f++) {
                averageLength[f] += d.fields().get(f).values().stream().mapToInt(Integer::intValue).sum();
            }
        }
        for (int f = 0; f < FIELD_WEIGHTS.length; f++) {
            averageLength[f] = Math.max(1, averageLength[f] / Math.max(1, docs.size()));
        }
        Map<String, Integer> df = new HashMap<>();
        for (Doc d : docs) {
            Set<String> terms = new LinkedHashSet<>();
            d.fields().forEach(f -> terms.addAll(f.keySet()));
            terms.forEach(t -> df.merge(t, 1, Integer::sum));
        }
        int n = docs.size();
        List<Scored> scored = docs.parallelStream().map(doc -> scored(doc, averageLength, df, n)).toList();
        Map<String, Postings> postings = new HashMap<>();
        for (int d = 0; d < scored.size(); d++) {
            Scored s = scored.get(d);
            for (int i = 0; i < s.terms().size(); i++) {
                postings.computeIfAbsent(s.terms().get(i), k -> new Postings()).add(d, s.scores()[i]);
            }
        }
        return postings;
    }

    private static Scored scored(Doc doc, double[] averageLength, Map<String, Integer> df, int n) {
        Map<String, Double> weighted = new HashMap<>();
        for (int f = 0; f < FIELD_WEIGHTS.length; f++) {
            Map<String, Integer> tf = doc.fields().get(f);
            int length = tf.values().stream().mapToInt(Integer::intValue).sum();
            double norm = 1 - B + B * length / averageLength[f];
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                weighted.merge(e.getKey(), FIELD_WEIGHTS[f] * e.getValue() / norm, Double::sum);
            }
        }
        // keep every title/phrasing/category term, and the body's best terms
        Set<String> questionTerms = new LinkedHashSet<>();
        for (int f = 0; f < 3; f++) {
            questionTerms.addAll(doc.fields().get(f).keySet());
        }
        List<Map.Entry<String, Double>> entries = new ArrayList<>(weighted.entrySet());
        entries.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> terms = new ArrayList<>();
        int[] scores = new int[entries.size()];
        int bodyKept = 0;
        for (Map.Entry<String, Double> e : entries) {
            String term = e.getKey();
            boolean question = questionTerms.contains(term);
            if (!question && bodyKept >= BODY_TERMS) {
                continue;
            }
            if (!question) {
                bodyKept++;
            }
            int termDf = df.get(term);
            double idf = Math.log(1 + (n - termDf + 0.5) / (termDf + 0.5));
            double score = doc.prior() * idf * e.getValue() * (K1 + 1) / (e.getValue() + K1);
            scores[terms.size()] = (int) Math.round(score * 100);
            terms.add(term);
        }
        return new Scored(terms, Arrays.copyOf(scores, terms.size()));
    }

    /** Every corpus word that analyses to one indexed term, mapped to it. */
    private Map<String, String> surface(Set<String> words, Map<String, List<String>> termsOfWord, Set<String> terms) {
        Map<String, String> surface = new TreeMap<>();
        for (String word : words) {
            List<String> analysed = termsOfWord.get(word);
            if (analysed.size() == 1 && terms.contains(analysed.get(0))) {
                surface.put(word, analysed.get(0));
            }
        }
        for (String term : terms) {
            surface.putIfAbsent(term, term);
        }
        // one-word phrasings of the vocabulary ("lasso", "ridge") even when no answer uses them
        for (Vocabulary.Concept c : analyzer.vocabulary().concepts()) {
            for (String p : c.phrases()) {
                String key = p.toLowerCase(Locale.ROOT);
                if (ONE_WORD.matcher(key).matches() && terms.contains(c.id())) {
                    surface.putIfAbsent(key, c.id());
                }
            }
        }
        return surface;
    }

    /** Vocabulary phrases, as the browser matches them: lower case, words separated by single spaces. */
    private static Map<String, String> phrases(Vocabulary vocabulary) {
        Map<String, String> phrases = new TreeMap<>();
        for (Vocabulary.Concept c : vocabulary.concepts()) {
            for (String p : c.phrases()) {
                String key = NON_WORD.matcher(p.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
                if (key.contains(" ")) {
                    phrases.putIfAbsent(key, c.id());
                }
            }
        }
        return phrases;
    }

    /** Corpus words the analyser drops entirely: the browser ignores them in queries too. */
    private static List<String> stopWords(Set<String> words, Map<String, List<String>> termsOfWord) {
        List<String> stop = new ArrayList<>();
        for (String word : words) {
            if (termsOfWord.get(word).isEmpty()) {
                stop.add(word);
            }
        }
        stop.sort(null);
        return stop;
    }

    private static String script(String name, Object data) {
        try {
            String json = JSON.writeValueAsString(data);
            // </script> can never appear inside a classic script file, but keep '<' escaped anyway for safety
            json = json.replace("<", "\\u003c");
            return "window.handbookSearchData=window.handbookSearchData||{};window.handbookSearchData["
                    + JSON.writeValueAsString(name) + "]=" + json + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("search index is not serialisable", e);
        }
    }
}
