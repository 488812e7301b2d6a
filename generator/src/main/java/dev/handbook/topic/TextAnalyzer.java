package dev.handbook.topic;

import dev.handbook.source.Vocabulary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text to terms, the same way for grouping, linking and search: vocabulary phrases become concept ids, then
 * Lucene's standard tokenizer, lower-casing, English possessives and stop words, and the KStem stemmer (concept
 * ids are not stemmed). KStem is the conservative choice: Porter makes one word of "generator" and
 * "generative". Question words ("what", "explain", "difference") are stop words too: they say how a
 * question is asked, not what it is about.
 */
public final class TextAnalyzer implements AutoCloseable {
    /** Words that frame a question rather than name its subject. */
    static final List<String> QUESTION_WORDS = List.of(
            "what", "whats", "which", "how", "why", "when", "where", "who", "whom", "explain", "describe", "discuss",
            "define", "definition", "elaborate", "briefly", "concept", "idea", "purpose", "mean", "meaning", "do",
            "does", "did", "doing", "work", "works", "working", "difference", "differences", "different", "between",
            "compare", "comparison", "vs", "versus", "differ", "differs", "differentiate", "distinguish", "some",
            "main", "key", "common", "give", "can", "could", "you", "your", "would", "should", "tell", "about",
            "role", "roles", "important", "importance", "significance", "significant", "use", "used", "using",
            "please", "various", "basic", "understand", "understanding", "etc", "name", "list", "mention", "its",
            "it", "them", "their", "they", "we", "our", "i", "me", "my", "one", "also", "many", "much", "kind",
            "way", "ways", "approach", "help", "helps", "useful", "usefulness", "context", "related", "relevant",
            "similarities", "similarity", "detail", "details",
            "brief", "simple", "simply", "terms", "term", "called", "known", "typical", "typically", "achieved",
            "achieve", "better", "good", "best", "common", "commonly", "often", "usually", "matter", "matters",
            "affect", "affects", "effective", "step", "steps", "involved", "involve", "involves", "applied",
            "apply", "interpret", "interpreted", "interpretation", "benefit", "benefits",
            "practical", "uses", "handle", "handling", "deal", "dealing", "tackle", "address", "addressed",
            "ensure", "right", "given", "suitable", "appropriate", "problem", "problems", "dataset", "datasets",
            "highly", "each", "process", "overview", "general", "generally", "performance", "from", "scratch",
            "mention", "briefly", "exactly", "actually", "really", "technique", "techniques", "method",
            "methods", "strategy", "strategies");

    private final Vocabulary vocabulary;
    private final Analyzer analyzer;
    /** Each text's terms, when remembering; null otherwise. */
    private final Map<String, List<String>> remembered;
    /** One instance of each term, so remembered lists share their strings. */
    private final Map<String, String> termPool;

    public TextAnalyzer(Vocabulary vocabulary) {
        this(vocabulary, false);
    }

    /**
     * An analyser that remembers the terms of every text it reads until it is closed: grouping reads each item's
     * question and answer, and linking reads them again. Thread-safe, like the plain one.
     */
    public static TextAnalyzer remembering(Vocabulary vocabulary) {
        return new TextAnalyzer(vocabulary, true);
    }

    private TextAnalyzer(Vocabulary vocabulary, boolean remember) {
        this.vocabulary = vocabulary;
        this.remembered = remember ? new ConcurrentHashMap<>() : null;
        this.termPool = remember ? new ConcurrentHashMap<>() : null;
        CharArraySet stops = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stops.addAll(QUESTION_WORDS);
        stops.addAll(List.of("is", "are", "was", "were", "be", "been", "has", "have", "had", "s", "e.g", "i.e"));
        Set<String> ids = new HashSet<>();
        vocabulary.concepts().forEach(c -> ids.add(c.id()));
        CharArraySet keywords = new CharArraySet(ids, false);
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new EnglishPossessiveFilter(stream);
                stream = new StopFilter(stream, stops);
                stream = new SetKeywordMarkerFilter(stream, keywords);
                stream = new KStemFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The terms of {@code text}, in order, with repeats; an unmodifiable list. */
    public List<String> terms(String text) {
        if (remembered == null) {
            return Collections.unmodifiableList(analyse(text));
        }
        List<String> terms = remembered.get(text);
        if (terms == null) {
            terms = analyse(text).stream().map(t -> termPool.computeIfAbsent(t, k -> k)).toList();
            remembered.putIfAbsent(text, terms);
        }
        return terms;
    }

    private List<String> analyse(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", vocabulary.normalize(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = term.toString();
                if (t.length() > 1 || Character.isDigit(t.charAt(0))) {
                    terms.add(t);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return terms;
    }

    @Override
    public void close() {
        analyzer.close();
        if (remembered != null) {
            remembered.clear();
            termPool.clear();
        }
    }
}
