package dev.handbook.site;

import dev.handbook.diag.Diagnostic;
import dev.handbook.diag.Diagnostics;
import dev.handbook.extract.AnswerLink;
import dev.handbook.extract.Item;
import dev.handbook.link.GlossaryTerm;
import dev.handbook.memo.Hashes;
import dev.handbook.memo.Memo;
import dev.handbook.render.GlossaryLinks;
import dev.handbook.render.MarkdownRenderer;
import dev.handbook.source.CategoryConfig;
import dev.handbook.source.SourceDocument;
import dev.handbook.topic.Slugs;
import dev.handbook.topic.TextAnalyzer;
import dev.handbook.topic.Topic;
import io.pebbletemplates.pebble.PebbleEngine;
import org.jsoup.parser.Parser;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The web site: home page, a page per category and per topic, credits, 404, assets, manifest.json.
 * Every internal link is relative and names a file, so the same tree works from {@code file://}, under any
 * GitHub Pages sub-path and on any static host.
 */
public final class HtmlSite implements Output {
    private final Path themeDir;
    private final MarkdownRenderer renderer;
    private final Diagnostics diagnostics;
    private final Map<String, Long> partMillis = new LinkedHashMap<>();

    private final Memos memos;
    private final AtomicInteger topicsRendered = new AtomicInteger();
    /** Category name -> page: a handful of categories, thousands of topic views that name theirs. */
    private final Map<String, String> categoryPaths = new ConcurrentHashMap<>();

    public HtmlSite(Path themeDir, MarkdownRenderer renderer, Diagnostics diagnostics) {
        this(themeDir, renderer, diagnostics, Memos.none());
    }

    /** @param memos topic views and pages kept between the builds of one process ({@code serve}) */
    public HtmlSite(Path themeDir, MarkdownRenderer renderer, Diagnostics diagnostics, Memos memos) {
        this.themeDir = themeDir;
        this.renderer = renderer;
        this.diagnostics = diagnostics;
        this.memos = memos;
    }

    /**
     * What {@code serve} keeps from one build to the next: each topic's view (its answers rendered, glossary
     * linked), keyed by everything the view is made from, and each topic page's HTML, keyed by its view and
     * everything else the template sees. A rebuild renders only the topics a change touched, and evaluates the
     * template only for pages whose inputs changed.
     */
    public static final class Memos {
        private final Memo<String, RenderedTopic> views;
        private final Memo<String, String> pages;

        private Memos(Memo<String, RenderedTopic> views, Memo<String, String> pages) {
            this.views = views;
            this.pages = pages;
        }

        public static Memos remembering() {
            return new Memos(Memo.remembering(), Memo.remembering());
        }

        public static Memos none() {
            return new Memos(Memo.none(), Memo.none());
        }

        public void nextBuild() {
            views.nextBuild();
            pages.nextBuild();
        }
    }

    @Override
    public String name() {
        return "site";
    }

    static String topicPath(Topic topic) {
        return "topics/" + topic.slug() + ".html";
    }

    static String categoryPath(String category) {
        return "categories/" + Slugs.of(category) + ".html";
    }

    /** How many topics the last {@link #write} rendered (the others' views were kept from the build before). */
    public int topicsRendered() {
        return topicsRendered.get();
    }

    @Override
    public Map<String, Long> partMillis() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(partMillis));
    }

    private void lap(String part, long[] since) {
        long now = System.nanoTime();
        partMillis.merge(part, (now - since[0]) / 1_000_000, Long::sum);
        since[0] = now;
    }

    @Override
    public void write(SiteModel model, Path out) throws IOException {
        partMillis.clear();
        topicsRendered.set(0);
        long[] since = {System.nanoTime()};
        long scriptNanos = renderer.scriptNanos();
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(new FileLoader(themeDir.resolve("templates").toAbsolutePath().toString()))
                .autoEscaping(true)
                .strictVariables(false)
                .newLineTrimming(true)
                .build();
        Map<String, SourceDocument> sources = new LinkedHashMap<>();
        model.sources().forEach(s -> sources.put(s.id(), s));
        int itemCount = model.itemsPerSource().values().stream().mapToInt(Integer::intValue).sum();
        Views.SiteView site = new Views.SiteView(model.config().title(), model.config().description(),
                model.config().repository(), model.generator(), model.topics().size(), itemCount, sources.size());
        List<Views.CategoryView> categories = categories(model);
        Map<String, Topic> bySlug = new HashMap<>();
        model.topics().forEach(t -> bySlug.put(t.slug(), t));

        Map<String, Object> common = new HashMap<>();
        common.put("site", site);
        common.put("categories", categories);
        common.put("downloads", model.downloads());
        common.put("siteUrl", model.siteUrl().isBlank() ? "" : model.siteUrl().replaceFirst("/*$", "/"));

        write(engine, "index.peb", out.resolve("index.html"), common, "", Map.of("pageTitle", site.title()));
        for (Views.CategoryView c : categories) {
            write(engine, "category.peb", out.resolve(c.path()), common, "../",
                    Map.of("pageTitle", c.name(), "category", c));
        }
        List<Topic> topics = model.topics();
        // Topics render and write in parallel (answers are the bulk of the work); each topic's problems are
        // reported afterwards in topic order, so the build's warnings do not depend on thread timing. On a cold
        // build KaTeX and then highlight.js are still loading when rendering starts, so topics go in three
        // batches: those that need neither, then those that may need only KaTeX, then those with code.
        // Each topic is rendered once; the book and the practice cards reuse the same views.
        RenderedTopic[] rendered = new RenderedTopic[topics.size()];
        Map<Integer, List<Integer>> batches = IntStream.range(0, topics.size()).boxed()
                .collect(Collectors.groupingBy(i -> scriptsNeeded(topics.get(i)), TreeMap::new, Collectors.toList()));
        BuildKeys keys = memos.views.isRemembering() ? buildKeys(model, common) : null;
        try {
            for (List<Integer> batch : batches.values()) {
                batch.parallelStream().forEach(i -> rendered[i] = renderTopic(engine, model, topics, i, sources,
                        bySlug, common, out, keys));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        removePagesExcept(out.resolve("topics"), topics.stream()
                .map(t -> Path.of(topicPath(t)).getFileName().toString()).collect(Collectors.toSet()));
        Map<String, Views.TopicView> views = new HashMap<>();
        for (RenderedTopic r : rendered) {
            views.put(r.view().slug(), r.view());
            r.problems().forEach(d -> diagnostics.warn(d.file(), d.line(), d.message(), d.hint()));
        }
        List<Views.SourceView> sourceViews = model.sources().stream().map(s -> sourceView(s, model)).toList();
        write(engine, "credits.peb", out.resolve("credits.html"), common, "",
                Map.of("pageTitle", "Sources and credits", "sources", sourceViews));
        // GitHub Pages serves 404.html for a missing page at any depth: with a known site URL, its links are absolute
        String notFoundRoot = (String) common.get("siteUrl");
        write(engine, "404.peb", out.resolve("404.html"), common, notFoundRoot, Map.of("pageTitle", "Page not found"));
        write(engine, "search.peb", out.resolve("search.html"), common, "", Map.of("pageTitle", "Search"));
        lap("pages", since);
        // KaTeX and highlight.js inside the pages' time, summed over threads, with any wait for the engine's start
        partMillis.put("math", (renderer.scriptNanos() - scriptNanos) / 1_000_000);
        // the book and the practice cards are written on a thread of their own while the search index is built:
        // the book is one template over one page, so without it one core would wait
        List<Views.Chapter> book = chapters(views, categories);
        CompletableFuture<Long> bookWritten = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                writePrintPage(engine, model, book, sourceViews, common, out);
                write(engine, "practice.peb", out.resolve("practice.html"), common, "",
                        Map.of("pageTitle", "Practice"));
                PracticeData.write(book, out.resolve("practice"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return (System.nanoTime() - start) / 1_000_000;
        }, task -> new Thread(task, "print-book").start());
        try (TextAnalyzer analyzer = new TextAnalyzer(model.vocabulary())) {
            SearchIndex index = new SearchIndexBuilder(analyzer).build(model.topics());
            Path searchDir = Files.createDirectories(out.resolve("search"));
            for (Map.Entry<String, String> file : index.files().entrySet()) {
                Files.writeString(searchDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            bookWritten.exceptionally(failure -> 0L).join(); // let it finish before the tree goes
            throw e;
        }
        lap("search", since);
        try {
            partMillis.put("book", bookWritten.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        copyStatic(out.resolve("assets"));
        Files.writeString(out.resolve(".nojekyll"), "");
        Files.writeString(out.resolve("manifest.json"), ManifestWriter.json(model), StandardCharsets.UTF_8);
        if (!model.siteUrl().isBlank()) {
            List<String> paths = new ArrayList<>(List.of("index.html", "credits.html"));
            categories.forEach(c -> paths.add(c.path()));
            model.topics().forEach(t -> paths.add(topicPath(t)));
            Files.writeString(out.resolve("sitemap.xml"), sitemap(model.siteUrl(), paths), StandardCharsets.UTF_8);
        }
    }

    private record RenderedTopic(Views.TopicView view, List<Diagnostic> problems) {
    }

    /** Renders and writes the page of {@code topics.get(i)}, between its neighbours in the same category. */
    private RenderedTopic renderTopic(PebbleEngine engine, SiteModel model, List<Topic> topics, int i,
                                      Map<String, SourceDocument> sources, Map<String, Topic> bySlug,
                                      Map<String, Object> common, Path out, BuildKeys keys) {
        Topic t = topics.get(i);
        Topic previous = i > 0 && topics.get(i - 1).category().equals(t.category()) ? topics.get(i - 1) : null;
        Topic next = i + 1 < topics.size() && topics.get(i + 1).category().equals(t.category())
                ? topics.get(i + 1) : null;
        String viewKey = keys == null ? "" : viewKey(t, previous, next, sources, model, bySlug, keys);
        RenderedTopic rendered = memos.views.get(viewKey, k -> {
            topicsRendered.incrementAndGet();
            List<Diagnostic> problems = new ArrayList<>();
            Views.TopicView view = topicView(t, sources, model, bySlug, previous, next, problems);
            return new RenderedTopic(view, List.copyOf(problems));
        });
        Path file = out.resolve(topicPath(t));
        String html = memos.pages.get(keys == null ? "" : Hashes.sha256(viewKey + "|" + keys.page()),
                k -> render(engine, "topic.peb", file, common, "../",
                        Map.of("pageTitle", t.title(), "topic", rendered.view())));
        try {
            writePage(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rendered;
    }

    /** Per build: what every topic view reads besides its topic (the glossary), and what every page reads. */
    private record BuildKeys(String glossary, String page) {
    }

    private BuildKeys buildKeys(SiteModel model, Map<String, Object> common) throws IOException {
        StringBuilder glossary = new StringBuilder();
        model.glossary().forEach(term -> glossary.append(term.concept()).append(' ').append(term.slug()).append(' ')
                .append(term.phrases().pattern()).append('\n'));
        StringBuilder page = new StringBuilder(new TreeMap<>(common).toString());
        Path templates = themeDir.resolve("templates");
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                page.append('\n').append(templates.relativize(f)).append('\n').append(Files.readString(f));
            }
        }
        return new BuildKeys(Hashes.sha256(glossary.toString()), Hashes.sha256(page.toString()));
    }

    /** Everything {@link #topicView} reads for topic {@code t}, hashed. */
    private String viewKey(Topic t, Topic previous, Topic next, Map<String, SourceDocument> sources,
                           SiteModel model, Map<String, Topic> bySlug, BuildKeys keys) {
        StringBuilder key = new StringBuilder(t.toString());
        key.append('|').append(previous == null ? "" : link(previous))
                .append('|').append(next == null ? "" : link(next));
        t.related().stream().map(bySlug::get).filter(r -> r != null).forEach(r -> key.append('|').append(link(r)));
        t.items().stream().map(Item::sourceId).distinct().map(sources::get).filter(s -> s != null)
                .forEach(s -> key.append('|').append(sourceView(s, model)));
        return Hashes.sha256(key.append('|').append(keys.glossary()).toString());
    }

    /**
     * 0 when a topic's Markdown holds neither a formula nor fenced code, 1 when it may hold formulas only, 2 when
     * it has fenced code: only for scheduling, so a rough look is enough.
     */
    private static int scriptsNeeded(Topic t) {
        Stream<String> markdown = Stream.concat(t.items().stream().map(Item::body),
                t.note() == null ? Stream.empty() : Stream.of(t.note().markdown()));
        return markdown.mapToInt(text -> text.contains("```") || text.contains("~~~") ? 2
                : text.indexOf('$') >= 0 ? 1 : 0).max().orElse(0);
    }

    static String sitemap(String siteUrl, List<String> paths) {
        String base = siteUrl.endsWith("/") ? siteUrl : siteUrl + "/";
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : paths) {
            xml.append("  <url><loc>").append(org.jsoup.nodes.Entities.escape(base + path)).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** Every topic's view, by category: the chapters of the book and the decks of the practice page. */
    private static List<Views.Chapter> chapters(Map<String, Views.TopicView> views,
                                                List<Views.CategoryView> categories) {
        List<Views.Chapter> chapters = new ArrayList<>();
        for (Views.CategoryView c : categories) {
            List<Views.TopicView> topics = new ArrayList<>();
            for (Views.TopicLink link : c.topics()) {
                topics.add(views.get(link.path().replace("topics/", "").replace(".html", "")));
            }
            chapters.add(new Views.Chapter(c.name(), c.slug(), topics));
        }
        return chapters;
    }

    /**
     * {@code print.html}: the whole book on one page (cover, contents, a chapter per category), from which the
     * PDF is printed and which any reader can print. Links between topics point inside the page.
     */
    private void writePrintPage(PebbleEngine engine, SiteModel model, List<Views.Chapter> chapters,
                                List<Views.SourceView> sourceViews, Map<String, Object> common, Path out)
            throws IOException {
        Path page = out.resolve("print.html");
        String html = render(engine, "print.peb", page, common, "", Map.of("pageTitle", model.config().title(),
                "chapters", chapters, "sources", sourceViews, "date", model.date()));
        // topic links, written for the topic pages ("../topics/x.html") or the root ("topics/x.html"), become
        // anchors; every attribute on these pages is written double-quoted, by the templates or by jsoup
        writePage(page, TOPIC_HREF.matcher(html).replaceAll("href=\"#t-$1\""));
        Files.createDirectories(out.resolve("assets"));
        Files.writeString(out.resolve("assets/print-page.css"), """
                @page { @top-center { content: "%s"; } }
                @page cover { @top-center { content: none; } }
                """.formatted(model.config().title().replace("\\", "").replace("\"", "'")), StandardCharsets.UTF_8);
    }

    private static final java.util.regex.Pattern TOPIC_HREF =
            java.util.regex.Pattern.compile("href=\"(?:\\.\\./)?topics/([^\"/#?]+)\\.html\"");

    private List<Views.CategoryView> categories(SiteModel model) {
        Map<String, List<Views.TopicLink>> byCategory = new LinkedHashMap<>();
        for (CategoryConfig c : model.config().categories()) {
            byCategory.put(c.name(), new ArrayList<>());
        }
        for (Topic t : model.topics()) {
            byCategory.computeIfAbsent(t.category(), k -> new ArrayList<>()).add(link(t));
        }
        List<Views.CategoryView> views = new ArrayList<>();
        byCategory.forEach((name, links) -> {
            if (!links.isEmpty()) {
                views.add(new Views.CategoryView(name, Slugs.of(name), categoryPath(name), links.size(), links));
            }
        });
        return views;
    }

    private static Views.TopicLink link(Topic t) {
        boolean answered = t.items().stream().anyMatch(Item::answered);
        long sources = t.items().stream().map(Item::sourceId).distinct().count();
        return new Views.TopicLink(t.title(), topicPath(t), t.difficulty(), (int) sources, answered);
    }

    /** A topic as its page shows it (links relative to {@code topics/}). */
    private Views.TopicView topicView(Topic t, Map<String, SourceDocument> sources, SiteModel model,
                                      Map<String, Topic> bySlug, Topic previous, Topic next,
                                      List<Diagnostic> problems) {
        String root = "../";
        List<Views.AnswerView> answers = new ArrayList<>();
        List<Item> ordered = new ArrayList<>(t.items());
        // strongest answer first: answered before unanswered, then the longer answer
        ordered.sort((a, b) -> Integer.compare(b.body().length() + (b.answered() ? 100000 : 0),
                a.body().length() + (a.answered() ? 100000 : 0)));
        Set<String> linkedConcepts = new HashSet<>();
        for (Item item : ordered) {
            SourceDocument source = sources.get(item.sourceId());
            Views.SourceView sv = source == null ? null : sourceView(source, model);
            String file = source == null ? item.sourceId() : source.file();
            String html = item.body().isBlank() ? ""
                    : linkGlossary(renderer.render(item.body(),
                            problem -> problems.add(warning(file, item.lines().start(), problem))),
                    model, root, t.slug(), linkedConcepts);
            List<Views.LinkView> links = item.answerLinks().stream()
                    .map((AnswerLink l) -> new Views.LinkView(l.title(), l.url())).toList();
            String askedAs = item.question().equals(t.title()) ? "" : item.question();
            answers.add(new Views.AnswerView(sv, askedAs, html, item.answered(), links, item.notes(),
                    item.lines().toString(), item.ref()));
        }
        Map<String, List<String>> wordings = new LinkedHashMap<>();
        for (Item item : t.items()) {
            SourceDocument source = sources.get(item.sourceId());
            List<String> names = wordings.computeIfAbsent(item.question(), k -> new ArrayList<>());
            String name = source == null ? item.sourceId() : source.title();
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        List<Views.Phrasing> phrasings = new ArrayList<>();
        wordings.forEach((text, names) -> phrasings.add(new Views.Phrasing(text, names)));
        List<Views.TopicLink> related = t.related().stream().map(bySlug::get).filter(r -> r != null)
                .map(HtmlSite::link).toList();
        String noteHtml = "";
        if (t.note() != null) {
            noteHtml = linkGlossary(renderer.render(t.note().markdown(),
                    problem -> problems.add(warning(t.note().file(), 0, problem))),
                    model, root, t.slug(), linkedConcepts);
        }
        return new Views.TopicView(t.slug(), t.title(), t.category(),
                categoryPaths.computeIfAbsent(t.category(), HtmlSite::categoryPath), t.difficulty(),
                phrasings, noteHtml, answers, related, previous == null ? null : link(previous), next == null ? null : link(next));
    }

    /**
     * {@link GlossaryLinks#apply}, given only the terms the answer mentions: one pass over the text finds them, so
     * most answers are not parsed again at all.
     */
    private static String linkGlossary(String html, SiteModel model, String root, String slug, Set<String> linked) {
        if (html.isEmpty() || model.glossary().isEmpty()) {
            return html;
        }
        Set<String> mentioned = model.vocabulary().conceptsMentioned(Parser.unescapeEntities(html, false));
        List<GlossaryTerm> terms = model.glossary().stream().filter(term -> mentioned.contains(term.concept())
                && !linked.contains(term.concept()) && !term.slug().equals(slug)).toList();
        return terms.isEmpty() ? html : GlossaryLinks.apply(html, terms, root, slug, linked);
    }

    private static Diagnostic warning(String file, int line, String problem) {
        return new Diagnostic(Diagnostic.Severity.WARNING, file, line, problem, "");
    }

    private static Views.SourceView sourceView(SourceDocument s, SiteModel model) {
        return new Views.SourceView(s.id(), s.title(), s.author(), s.publisher(), s.url(), s.license(), s.notice(),
                s.file(), model.itemsPerSource().getOrDefault(s.id(), 0), "source-" + s.id());
    }

    private static void write(PebbleEngine engine, String template, Path file, Map<String, Object> common,
                              String root, Map<String, Object> page) throws IOException {
        try {
            writePage(file, render(engine, template, file, common, root, page));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String render(PebbleEngine engine, String template, Path file, Map<String, Object> common,
                                 String root, Map<String, Object> page) {
        PebbleTemplate compiled = engine.getTemplate(template);
        Map<String, Object> context = new HashMap<>(common);
        context.putAll(page);
        context.put("root", root);
        context.put("pagePath", file.getFileName().toString().equals("404.html") ? ""
                : pathFromRoot(file));
        StringWriter writer = new StringWriter();
        try {
            compiled.evaluate(writer, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString();
    }

    /**
     * Writes a page over the file that may be there already (the build keeps the topic pages of the build before
     * last for this, see {@code OutputSwap}): the file is neither deleted nor truncated first, only cut to its new
     * length after. Deleting thousands of files and creating as many anew is the costly way on some file systems:
     * ext4 without a journal passes over every inode freed in the last minute for each file it creates.
     */
    private static void writePage(Path file, String html) throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            // (asking first: createDirectories on a directory that exists throws and catches an exception)
            Files.createDirectories(file.getParent());
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (channel.size() > bytes.length) {
                channel.truncate(bytes.length);
            }
        }
    }

    /** Removes what {@code dir} holds besides {@code keep}: topic pages of an earlier build whose topics are gone. */
    private static void removePagesExcept(Path dir, Set<String> keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> gone;
        try (Stream<Path> files = Files.list(dir)) {
            gone = files.filter(f -> !keep.contains(f.getFileName().toString())).toList();
        }
        for (Path f : gone) {
            FileTrees.delete(f);
        }
    }

    /** "topics/x.html" for a page file: its path below the output directory. */
    private static String pathFromRoot(Path file) {
        Path parent = file.getParent();
        String name = file.getFileName().toString();
        String dir = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        return dir.equals("topics") || dir.equals("categories") ? dir + "/" + name : name;
    }

    /** KaTeX's stylesheet and fonts and highlight.js's themes, from their jars: no page loads them from a CDN. */
    private static void copyLibraryAssets(Path assets) throws IOException {
        copyResource(MarkdownRenderer.KATEX_DIST + "katex.min.css", assets.resolve("katex/katex.min.css"));
        for (String font : KATEX_FONTS) {
            copyResource(MarkdownRenderer.KATEX_DIST + "fonts/" + font, assets.resolve("katex/fonts/" + font));
        }
        for (String theme : List.of("github.min.css", "github-dark.min.css")) {
            copyResource(MarkdownRenderer.HIGHLIGHT_PACKAGE + "styles/" + theme, assets.resolve("highlight/" + theme));
        }
    }

    /** The woff2 fonts katex.min.css names first; every current browser reads them. */
    private static final List<String> KATEX_FONTS = List.of("KaTeX_AMS-Regular", "KaTeX_Caligraphic-Bold",
            "KaTeX_Caligraphic-Regular", "KaTeX_Fraktur-Bold", "KaTeX_Fraktur-Regular", "KaTeX_Main-Bold",
            "KaTeX_Main-BoldItalic", "KaTeX_Main-Italic", "KaTeX_Main-Regular", "KaTeX_Math-BoldItalic",
            "KaTeX_Math-Italic", "KaTeX_SansSerif-Bold", "KaTeX_SansSerif-Italic", "KaTeX_SansSerif-Regular",
            "KaTeX_Script-Regular", "KaTeX_Size1-Regular", "KaTeX_Size2-Regular", "KaTeX_Size3-Regular",
            "KaTeX_Size4-Regular", "KaTeX_Typewriter-Regular").stream().flatMap(f -> java.util.stream.Stream.of(
            f + ".woff2", f + ".woff", f + ".ttf")).toList();

    private static void copyResource(String resource, Path target) throws IOException {
        try (java.io.InputStream in = HtmlSite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void copyStatic(Path assets) throws IOException {
        copyLibraryAssets(assets);
        Path staticDir = themeDir.resolve("static");
        if (!Files.isDirectory(staticDir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staticDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            Path target = assets.resolve(staticDir.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
    }
}
