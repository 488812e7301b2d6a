package dev.handbook.render;

import dev.handbook.memo.Memo;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The render stage's entry point: Markdown from a source or a note becomes safe HTML for a page.
 *
 * <p>commonmark-java (with GFM tables) renders; jsoup then keeps only an allow-list of elements and attributes, so
 * raw HTML, scripts, event handlers and {@code javascript:} URLs in a source never reach a page. Headings inside
 * an answer are moved down to h4-h6, below the page's own headings; external links open normally but carry
 * {@code rel="nofollow noopener"}; tables are wrapped so wide ones scroll instead of overflowing.
 *
 * <p>TeX in {@code $...$}, {@code $$...$$} and fenced {@code math} blocks is typeset by KaTeX, and fenced code
 * with a language is highlighted by highlight.js, both at build time (see {@link ScriptEngine}) and cached
 * ({@link RenderCache}); a formula KaTeX rejects is reported and shown in a styled error box.
 *
 * <p>Thread-safe: the parser and renderer are immutable, each call builds fresh state, and the script engine is
 * used by one thread at a time.
 */
public final class MarkdownRenderer implements AutoCloseable {
    static final String KATEX_VERSION = "katex-0.18.11";
    static final String HIGHLIGHT_VERSION = "highlight.js-11.11.1";
    /** Where KaTeX's script, stylesheet and fonts are in the jar: the script typesets, the site copies the rest. */
    public static final String KATEX_DIST = "META-INF/resources/webjars/katex/0.18.11/dist/";
    /** Where highlight.js's npm package is in the jar: modules under {@code lib/}, themes under {@code styles/}. */
    public static final String HIGHLIGHT_PACKAGE = "META-INF/resources/_static/highlight.js/11.11.1/";

    // selectors parsed once: parsing one costs more than running it on an answer
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator IMAGES = QueryParser.parse("img[src]");
    private static final Evaluator TABLES = QueryParser.parse("table");
    private static final Evaluator FOREIGN_IMAGES = QueryParser.parse("img[src^=http], img[src^=//]");
    private static final Evaluator FENCED_CODE = QueryParser.parse("pre > code[class^=language-]");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist;
    private final RenderCache cache;
    private final Memo<String, Rendered> memo;
    private final ScriptEngine scripts = new ScriptEngine();
    private final AtomicLong scriptNanos = new AtomicLong();
    /** Formulas and code being rendered now, by cache key (see {@link #renderOnce}). */
    private final ConcurrentHashMap<String, CompletableFuture<?>> rendering = new ConcurrentHashMap<>();

    /** A renderer whose formulas and highlighted code are cached for this build only. */
    public MarkdownRenderer() {
        this(RenderCache.inMemory());
    }

    public MarkdownRenderer(RenderCache cache) {
        this(cache, Memo.none());
    }

    /** @param memo rendered Markdown kept between the builds of one process ({@code serve}) */
    public MarkdownRenderer(RenderCache cache, Memo<String, Rendered> memo) {
        this.cache = cache;
        this.memo = memo;
        List<Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
        this.safelist = Safelist.relaxed()
                .addTags("figure", "figcaption", "del", "ins", "mark", "abbr")
                .addAttributes(":all", "class")
                .addAttributes("a", "rel")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .preserveRelativeLinks(true);
    }

    public String render(String markdown) {
        return render(markdown, link -> { });
    }

    /**
     * Renders, reporting what could not be rendered as written: a link or image pointing inside a site the source
     * does not belong to (a relative path such as {@code ../../etc/passwd}, kept as text) and a formula KaTeX
     * rejects (shown in an error box).
     */
    public String render(String markdown, java.util.function.Consumer<String> refused) {
        Rendered rendered = memo.get(markdown, text -> {
            List<String> problems = new ArrayList<>();
            String html = renderNow(text, problems::add);
            return new Rendered(html, List.copyOf(problems));
        });
        rendered.problems().forEach(refused);
        return rendered.html();
    }

    /** Markdown rendered to HTML, and what could not be rendered as written: deterministic, so it can be kept. */
    public record Rendered(String html, List<String> problems) {
    }

    private String renderNow(String markdown, java.util.function.Consumer<String> refused) {
        MathSpans.Result math = MathSpans.extract(markdown);
        Node document = parser.parse(math.markdown());
        String rendered = renderer.render(document);
        // A base URI lets jsoup judge relative links; preserveRelativeLinks keeps them relative.
        Document dirty = Jsoup.parseBodyFragment(rendered, "https://handbook.invalid/");
        Document clean = new Cleaner(safelist).clean(dirty);
        for (Element h : clean.select(HEADINGS)) {
            int level = Integer.parseInt(h.tagName().substring(1));
            h.tagName("h" + Math.min(6, level + 3));
        }
        for (Element a : clean.select(LINKS)) {
            String href = a.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
                a.attr("rel", "nofollow noopener");
            } else if (!href.startsWith("mailto:") && !href.startsWith("#")) {
                refused.accept("link '" + href + "' points outside the source, kept as text");
                a.unwrap();
            }
        }
        for (Element img : clean.select(IMAGES)) {
            String src = img.attr("src");
            if (!src.matches("(?i)^(https?:)?//.*") && !src.matches("(?i)^https?:.*")) {
                refused.accept("image '" + src + "' points outside the source, shown as text");
                img.replaceWith(new Element("span").text("[image: " + (img.attr("alt").isBlank() ? src : img.attr("alt")) + "]"));
            }
        }
        for (Element table : clean.select(TABLES)) {
            table.wrap("<div class=\"table-wrap\"></div>");
        }
        for (Element img : clean.select(FOREIGN_IMAGES)) {
            // No page may load anything from elsewhere: a foreign image becomes a link with its alt text.
            String alt = img.attr("alt").isBlank() ? "image" : img.attr("alt");
            Element link = new Element("a").attr("href", img.attr("src")).attr("rel", "nofollow noopener")
                    .text("[image: " + alt + "]");
            img.replaceWith(link);
        }
        for (Element code : clean.select(FENCED_CODE)) {
            String language = code.className().replaceFirst("^language-", "").split("\\s+")[0];
            if (language.equals("math")) {
                String typeset = formula(code.wholeText().strip(), true, refused);
                code.parent().replaceWith(new Element("div").addClass("math-display").html(typeset));
            } else {
                String highlighted = highlight(code.wholeText(), language);
                if (highlighted != null) {
                    code.html(highlighted).addClass("hljs");
                }
            }
        }
        clean.outputSettings().prettyPrint(false);
        String html = clean.body().html();
        // formulas go in after cleaning: KaTeX's markup (inline styles, MathML) is its own, from text
        for (int i = 0; i < math.formulas().size(); i++) {
            MathSpans.Formula f = math.formulas().get(i);
            html = html.replace(MathSpans.placeholder(i), formula(f.tex(), f.display(), refused));
        }
        return html;
    }

    private String formula(String tex, boolean display, java.util.function.Consumer<String> problems) {
        String key = RenderCache.key(KATEX_VERSION, display ? "display" : "inline", tex);
        String cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        ScriptEngine.Rendered rendered = renderOnce(key, () -> {
            ScriptEngine.Rendered fresh = scripts.formula(tex, display);
            if (fresh.error() == null) {
                cache.put(key, fresh.html());
            }
            return fresh;
        });
        if (rendered.error() != null) {
            problems.accept("formula not understood (" + rendered.error() + "): " + tex);
            return new Element("span").addClass("math-error").attr("title", rendered.error())
                    .text((display ? "$$" : "$") + tex + (display ? "$$" : "$")).outerHtml();
        }
        return rendered.html();
    }

    private String highlight(String code, String language) {
        String key = RenderCache.key(HIGHLIGHT_VERSION, language, code);
        String cached = cache.get(key);
        if (cached == null) {
            cached = renderOnce(key, () -> {
                // "" for a language highlight.js does not know: the code stays plain, and is not asked about again
                String html = Objects.requireNonNullElse(scripts.highlight(code, language), "");
                cache.put(key, html);
                return html;
            });
        }
        return cached.isEmpty() ? null : cached;
    }

    /**
     * Renders what {@code key} names, unless another thread is rendering it now: then waits for that result. At
     * the start of a cold build every thread meets the same common formulas and code at once, and each would
     * otherwise start a context of its own and render them again. The rendering thread's time counts as the
     * script engine's.
     */
    @SuppressWarnings("unchecked")
    private <T> T renderOnce(String key, Supplier<T> render) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> theirs = (CompletableFuture<T>) rendering.putIfAbsent(key, mine);
        if (theirs != null) {
            // a fork-join worker that waits here is replaced by another for the meantime, which renders other pages
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        long start = System.nanoTime();
        try {
            T value = render.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
            scriptNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /**
     * Loads KaTeX and then highlight.js's core on a background thread, so their start (a second or so for KaTeX,
     * in interpreter mode, 0.2 s for the core) overlaps with the stages before rendering; rendering waits for them
     * if they are not done.
     * For builds without a warm cache.
     */
    public void warmUpInBackground() {
        // one after the other: KaTeX, needed by more pages, loads faster without highlight.js competing for a core
        Thread thread = new Thread(() -> {
            scripts.warmUpMath();
            scripts.warmUpHighlighting();
        }, "script-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Loads KaTeX and highlight.js in an engine of their own and runs each once, then closes it: for the classes
     * that loads, so that a class-data archive written by this JVM holds them.
     */
    public static void loadScriptLibraries() {
        try (ScriptEngine engine = new ScriptEngine()) {
            engine.formula("x^2", false);
            engine.highlight("x = 1", "python");
        }
    }

    /** Time spent in KaTeX and highlight.js so far (waiting for the engine's start included), over all threads. */
    public long scriptNanos() {
        return scriptNanos.get();
    }

    /** How many times a script library was loaded: 0 when every formula and code block came from the cache. */
    public int scriptLoads() {
        return scripts.loads();
    }

    @Override
    public void close() {
        scripts.close();
    }
}
