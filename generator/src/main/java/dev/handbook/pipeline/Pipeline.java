package dev.handbook.pipeline;

import dev.handbook.clean.AnswerCleaner;
import dev.handbook.clean.CleanResult;
import dev.handbook.diag.Diagnostic;
import dev.handbook.diag.Diagnostics;
import dev.handbook.extract.Extraction;
import dev.handbook.extract.Item;
import dev.handbook.export.Chromium;
import dev.handbook.export.OfflineBundle;
import dev.handbook.export.PdfBook;
import dev.handbook.extract.ItemExtractor;
import dev.handbook.link.Linked;
import dev.handbook.link.Linker;
import dev.handbook.memo.Memo;
import dev.handbook.render.MarkdownRenderer;
import dev.handbook.render.RenderCache;
import dev.handbook.site.HtmlSite;
import dev.handbook.site.LinkChecker;
import dev.handbook.site.Output;
import dev.handbook.site.SiteModel;
import dev.handbook.source.HandbookConfig;
import dev.handbook.source.SourceDocument;
import dev.handbook.source.SourceLoader;
import dev.handbook.source.Vocabulary;
import dev.handbook.topic.Curation;
import dev.handbook.topic.Grouping;
import dev.handbook.topic.TextAnalyzer;
import dev.handbook.topic.Topic;
import dev.handbook.topic.TopicGrouper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs the stages in order: load, extract, clean, group, then the outputs. Each stage's time is recorded.
 * A source that fails in a stage is reported and left out; the rest of the handbook still builds. Outputs are
 * written to a fresh directory beside the target and swapped in only when every output succeeded, so a failed
 * build leaves the previous site untouched.
 */
public final class Pipeline {
    public static final String GENERATOR = "handbook 0.1.0";

    private final Diagnostics diagnostics;
    private final Memos memos;
    private RenderStats lastRender = new RenderStats(0, 0, 0, 0, 0);
    private int sourcesIngested;

    /**
     * The last build's work: formulas and code blocks served from the cache or rendered anew, script libraries
     * loaded, and how many sources were extracted and topic pages rendered (fewer than all when {@link Memos}
     * kept the rest from the build before).
     */
    public record RenderStats(int cacheHits, int cacheMisses, int scriptLoads, int sourcesIngested,
                              int topicsRendered) {
    }

    public RenderStats lastRender() {
        return lastRender;
    }

    public Pipeline(Diagnostics diagnostics) {
        this(diagnostics, Memos.none());
    }

    /** @param memos what a long-running process ({@code serve}) keeps from one build for the next */
    public Pipeline(Diagnostics diagnostics, Memos memos) {
        this.diagnostics = diagnostics;
        this.memos = memos;
    }

    /**
     * What {@code serve} keeps between builds so a rebuild redoes only what a change affects: each source's items
     * (keyed by the whole document, so only an edited source is extracted and cleaned again), each rendered piece
     * of Markdown, and the site's topic views and pages ({@link HtmlSite.Memos}). Grouping and linking always run
     * on all items: they are fast, and one question can change any topic.
     */
    public static final class Memos {
        private final Memo<SourceDocument, SourceReport> sources;
        private final Memo<String, MarkdownRenderer.Rendered> markdown;
        private final HtmlSite.Memos site;

        private Memos(Memo<SourceDocument, SourceReport> sources, Memo<String, MarkdownRenderer.Rendered> markdown,
                      HtmlSite.Memos site) {
            this.sources = sources;
            this.markdown = markdown;
            this.site = site;
        }

        public static Memos remembering() {
            return new Memos(Memo.remembering(), Memo.remembering(), HtmlSite.Memos.remembering());
        }

        public static Memos none() {
            return new Memos(Memo.none(), Memo.none(), HtmlSite.Memos.none());
        }

        void nextBuild() {
            sources.nextBuild();
            markdown.nextBuild();
            site.nextBuild();
        }
    }

    /** Everything but the outputs: what {@code check} reports. Writes nothing. */
    public BuildResult analyze(BuildOptions options) {
        Map<String, Long> times = new LinkedHashMap<>();
        Analysis analysis = analyze(options, times);
        return new BuildResult(analysis.reports(), analysis.linked().topics(), analysis.grouping().merges(),
                analysis.grouping().nearMisses(), times, 0, false);
    }

    private record Analysis(HandbookConfig config, Vocabulary vocabulary, List<SourceReport> reports,
                            Grouping grouping, Linked linked) {
    }

    private Analysis analyze(BuildOptions options, Map<String, Long> times) {
        HandbookConfig config = timed(times, "config", () -> HandbookConfig.load(options.contentDir(), diagnostics));
        Vocabulary vocabulary = Vocabulary.load(options.contentDir(), diagnostics);
        Curation curation = Curation.load(options.contentDir(), diagnostics);
        List<SourceReport> reports = ingest(options, times);
        List<Item> items = reports.stream().flatMap(r -> r.cleaned().items().stream()).toList();
        // grouping and linking read the same questions and answers: each text is analysed once
        try (TextAnalyzer analyzer = TextAnalyzer.remembering(vocabulary)) {
            Grouping grouping = timed(times, "group",
                    () -> new TopicGrouper(config, analyzer, curation, diagnostics).group(items));
            Linked linked = timed(times, "link", () -> withNotes(new Linker(analyzer).link(grouping.topics()),
                    options.contentDir()));
            return new Analysis(config, vocabulary, reports, grouping, linked);
        }
    }

    /** Thrown by a strict build when the input gave warnings; nothing was written. */
    public static final class StrictFailure extends IOException {
        StrictFailure(long problems) {
            super(problems + " warning(s) or error(s) with --strict; nothing was written");
        }
    }

    public BuildResult build(BuildOptions options) throws IOException {
        return build(options, false);
    }

    /**
     * Builds; with {@code strict}, any warning stops the build before anything is written. When nothing the build
     * reads changed since the last build and its output is intact, the output is left as it is
     * ({@link BuildResult#written()} is false).
     */
    public BuildResult build(BuildOptions options, boolean strict) throws IOException {
        Map<String, Long> times = new LinkedHashMap<>();
        Path target = options.outDir().toAbsolutePath().normalize();
        Path fingerprintFile = target.resolveSibling(".cache").resolve("build-fingerprint");
        Optional<Chromium> chromium = options.pdf() ? Chromium.find(options.chromium()) : Optional.empty();
        String inputs = BuildFingerprint.inputs(options, chromium.isPresent());
        if (!strict && Files.isRegularFile(fingerprintFile)
                && Files.readString(fingerprintFile).equals(inputs + "\n" + BuildFingerprint.outputs(target))) {
            times.put("unchanged", 0L);
            return new BuildResult(List.of(), List.of(), List.of(), List.of(), times, 0, false);
        }
        // formulas and highlighted code are kept beside the output between builds; without them, the script
        // engine starts now, alongside loading and grouping, instead of when the first page needs it
        RenderCache renderCache = new RenderCache(options.outDir().toAbsolutePath().normalize()
                .resolveSibling(".cache").resolve("render-cache.json"));
        memos.nextBuild();
        MarkdownRenderer renderer = new MarkdownRenderer(renderCache, memos.markdown);
        if (renderCache.isEmpty()) {
            renderer.warmUpInBackground();
        }
        Analysis analysis;
        long analysisStart = System.nanoTime();
        try {
            analysis = analyze(options, times);
            // wall time: extract and clean above are summed over the sources read in parallel
            times.put("analysis", (System.nanoTime() - analysisStart) / 1_000_000);
        } catch (RuntimeException e) {
            renderer.close();
            throw e;
        }
        long problems = diagnostics.count(Diagnostic.Severity.WARNING) + diagnostics.count(Diagnostic.Severity.ERROR);
        if (strict && problems > 0) {
            renderer.close();
            throw new StrictFailure(problems);
        }
        List<SourceReport> reports = analysis.reports();
        List<Topic> topics = analysis.linked().topics();
        Files.deleteIfExists(fingerprintFile);
        Map<String, Integer> perSource = new LinkedHashMap<>();
        reports.forEach(r -> perSource.put(r.source().id(), r.cleaned().items().size()));
        if (options.pdf() && chromium.isEmpty()) {
            diagnostics.info(options.chromium() == null ? "PATH" : options.chromium().toString(), 0,
                    "no Chromium found: the PDF was skipped (apt-get install chromium-headless-shell,"
                            + " or pass --chromium PATH)");
        }
        List<String> downloads = new ArrayList<>();
        chromium.ifPresent(c -> downloads.add("handbook.pdf"));
        downloads.add("handbook-offline.zip");
        SiteModel model = new SiteModel(GENERATOR, analysis.config(),
                reports.stream().map(SourceReport::source).toList(), perSource, topics, analysis.linked().glossary(),
                analysis.vocabulary(), options.siteUrl(), editionDate(), downloads);
        List<Output> outputs = new ArrayList<>();
        HtmlSite site = new HtmlSite(options.themeDir(), renderer, diagnostics, memos.site);
        outputs.add(site);
        Path cacheDir = options.outDir().toAbsolutePath().normalize().resolveSibling(".cache");
        chromium.ifPresent(c -> outputs.add(new PdfBook(c, options.paper(), cacheDir)));
        OfflineBundle bundle = new OfflineBundle();
        OutputSwap swap = new OutputSwap(target, cacheDir);
        Path staging = swap.stage();
        try {
            for (Output output : outputs) {
                long start = System.nanoTime();
                try {
                    output.write(model, staging);
                } catch (IOException e) {
                    if (!(output instanceof PdfBook)) {
                        throw e;
                    }
                    // the book is a download: without it, the site is still whole
                    diagnostics.warn("downloads/handbook.pdf", 0, "the PDF was not made: " + e.getMessage(),
                            "the site and the offline bundle are built; try --no-pdf or a faster machine");
                    PdfBook.unlink(staging);
                }
                times.put(output.name(), (System.nanoTime() - start) / 1_000_000);
                output.partMillis().forEach((part, millis) -> times.put(output.name() + "." + part, millis));
            }
            // the offline bundle reads every file of the site: the link check takes the pages from it
            LinkChecker.Pages readPages = new LinkChecker.Pages();
            long start = System.nanoTime();
            bundle.write(model, staging, readPages::add);
            times.put(bundle.name(), (System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            List<LinkChecker.Broken> broken = LinkChecker.check(staging, readPages);
            times.put("links", (System.nanoTime() - start) / 1_000_000);
            if (!broken.isEmpty()) {
                broken.forEach(b -> diagnostics.error(b.page(), 0, "broken link " + b.link() + ": " + b.reason(),
                        "a template or an answer links to a page that does not exist"));
                throw new IOException(broken.size() + " broken link(s), first: " + broken.get(0));
            }
            swap.swapIn();
        } catch (IOException | RuntimeException e) {
            swap.abandon();
            throw e;
        } finally {
            renderer.close();
        }
        renderCache.save();
        BuildFingerprint.Written written = BuildFingerprint.written(target);
        Files.createDirectories(fingerprintFile.getParent());
        Files.writeString(fingerprintFile, inputs + "\n" + written.fingerprint());
        lastRender = new RenderStats(renderCache.hits(), renderCache.misses(), renderer.scriptLoads(), sourcesIngested,
                site.topicsRendered());
        return new BuildResult(reports, topics, analysis.grouping().merges(), analysis.grouping().nearMisses(),
                times, written.pages(), true);
    }

    /** Each {@code content/notes/<slug>.md} attached to its topic; a note for no topic is a warning. */
    private Linked withNotes(Linked linked, Path contentDir) {
        Path dir = contentDir.resolve("notes");
        if (!Files.isDirectory(dir)) {
            return linked;
        }
        Map<String, Topic.Note> notes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String slug = f.getFileName().toString().replaceFirst("\\.md$", "");
                try {
                    notes.put(slug, new Topic.Note(f.toString(), Files.readString(f)));
                } catch (IOException e) {
                    diagnostics.warn(f.toString(), 0, "cannot read note: " + e.getMessage(), "save it as UTF-8");
                }
            }
        } catch (IOException e) {
            diagnostics.warn(dir.toString(), 0, "cannot list notes: " + e.getMessage(), "");
            return linked;
        }
        List<Topic> topics = new ArrayList<>();
        for (Topic t : linked.topics()) {
            Topic.Note note = notes.remove(t.slug());
            topics.add(note == null ? t : t.withNote(note));
        }
        notes.forEach((slug, note) -> diagnostics.warn(note.file(), 0, "note for no topic '" + slug + "'",
                "name the note after a topic's page (topics/<slug>.html)"));
        return new Linked(topics, linked.glossary());
    }

    private List<SourceReport> ingest(BuildOptions options, Map<String, Long> times) {
        List<SourceDocument> docs = timed(times, "load", () -> new SourceLoader(diagnostics).load(options.contentDir()));
        ItemExtractor extractor = new ItemExtractor();
        AnswerCleaner cleaner = new AnswerCleaner();
        // sources are extracted and cleaned in parallel (their times are summed), and kept in their order
        Map<String, Long> ingestTimes = new java.util.concurrent.ConcurrentHashMap<>(Map.of("extract", 0L, "clean", 0L));
        java.util.concurrent.atomic.AtomicInteger ingestedNow = new java.util.concurrent.atomic.AtomicInteger();
        List<SourceReport> ingested = docs.parallelStream()
                .map(d -> memos.sources.get(d, doc -> {
                    ingestedNow.incrementAndGet();
                    return ingest(doc, extractor, cleaner, ingestTimes);
                })).toList();
        times.put("extract", ingestTimes.get("extract"));
        times.put("clean", ingestTimes.get("clean"));
        sourcesIngested = ingestedNow.get();
        for (SourceReport report : ingested) {
            SourceDocument d = report.source();
            if (report.extraction().items().isEmpty()) {
                diagnostics.warn(d.file(), 0, "no questions found in this source",
                        "questions are numbered, bulleted or heading lines, or lines ending in '?'");
            }
        }
        return ingested;
    }

    /** One source extracted and cleaned; a failure in either is reported and leaves the source without items. */
    private SourceReport ingest(SourceDocument d, ItemExtractor extractor, AnswerCleaner cleaner,
                                Map<String, Long> times) {
        Extraction extraction = timed(times, "extract", () -> {
            try {
                return extractor.extract(d);
            } catch (RuntimeException e) {
                diagnostics.error(d.file(), 0, "could not extract questions: " + e, "please report this input");
                return new Extraction(d.id(), "failed", List.of(), List.of());
            }
        });
        CleanResult cleaned = timed(times, "clean", () -> {
            try {
                return cleaner.clean(d, extraction.items());
            } catch (RuntimeException e) {
                diagnostics.error(d.file(), 0, "could not clean answers: " + e, "please report this input");
                return new CleanResult(d.id(), extraction.items(), Map.of(), List.of());
            }
        });
        return new SourceReport(d, extraction, cleaned);
    }

    private static <T> T timed(Map<String, Long> times, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        times.merge(stage, (System.nanoTime() - start) / 1_000_000, Long::sum);
        return result;
    }

    /** The edition's date from SOURCE_DATE_EPOCH (reproducible builds), or "" when not given. */
    static String editionDate() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch == null || !epoch.matches("\\d{1,12}")) {
            return "";
        }
        return java.time.LocalDate.ofInstant(java.time.Instant.ofEpochSecond(Long.parseLong(epoch)),
                java.time.ZoneOffset.UTC).toString();
    }
}
