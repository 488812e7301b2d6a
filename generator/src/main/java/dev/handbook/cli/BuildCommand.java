package dev.handbook.cli;

import dev.handbook.diag.Diagnostic;
import dev.handbook.diag.Diagnostics;
import dev.handbook.export.Chromium;
import dev.handbook.export.PdfBook;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.BuildResult;
import dev.handbook.pipeline.Pipeline;
import dev.handbook.render.MarkdownRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the handbook from the content directory into the output directory.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    SiteDirs dirs;

    @Option(names = "--site-url", defaultValue = "", description = "absolute URL the site is served from; adds sitemap.xml")
    String siteUrl;

    @Option(names = "--strict", description = "fail (exit 1) on any warning")
    boolean strict;

    @Option(names = "--chromium", description = "the Chromium to print the PDF with (default: the first on PATH)")
    Path chromium;

    @Option(names = "--paper", defaultValue = "a4", description = "PDF paper size: a4 or letter (default: ${DEFAULT-VALUE})")
    String paper;

    @Option(names = "--no-pdf", description = "skip the PDF")
    boolean noPdf;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        Pipeline pipeline = new Pipeline(diagnostics);
        if (!paper.equals("a4") && !paper.equals("letter")) {
            System.err.println("--paper must be a4 or letter");
            return 2;
        }
        BuildOptions options = new BuildOptions(dirs.content, dirs.theme, dirs.out, siteUrl, !noPdf, chromium, paper);
        BuildResult result;
        try {
            result = pipeline.build(options, strict);
        } catch (Exception e) {
            Reporter.print(diagnostics, System.err, false);
            System.err.println("build failed: " + e.getMessage());
            return 1;
        }
        if (!result.written()) {
            System.out.printf(Locale.ROOT, "%s is up to date: nothing under %s or %s changed (%d ms)%n", dirs.out,
                    dirs.content, dirs.theme, (System.nanoTime() - start) / 1_000_000);
            completeArchive(pipeline, options);
            return 0;
        }
        Reporter.print(diagnostics, System.err, false);
        diagnostics.all().stream().filter(d -> d.message().startsWith("no Chromium found"))
                .forEach(d -> System.err.println(d.message()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "built %s: %d sources, %d items, %d topics, %d pages in %d ms%n",
                dirs.out, result.sources().size(), result.itemCount(), result.topics().size(), result.pages(), millis);
        System.out.println("  stages: " + result.stageMillis().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", ")));
        long errors = diagnostics.count(Diagnostic.Severity.ERROR);
        completeArchive(pipeline, options);
        return errors > 0 ? 1 : 0;
    }

    /**
     * When this JVM's classes become the jar's class-data archive (its first build), what this build did not load
     * and later builds may need is loaded now, for its classes alone: the script engine when every formula and code
     * block came from the cache (without it, each later build that meets a new formula would load it from the jar,
     * about a second more), and the PDF's libraries when a Chromium is there (a build with the PDF has loaded them
     * already; one without would leave each later PDF 0.1 s more to do).
     */
    private static void completeArchive(Pipeline pipeline, BuildOptions options) {
        if (!Boolean.getBoolean(Launcher.ARCHIVING)) {
            return;
        }
        if (pipeline.lastRender().scriptLoads() == 0) {
            MarkdownRenderer.loadScriptLibraries();
        }
        if (Chromium.find(options.chromium()).isPresent()) {
            try {
                PdfBook.loadLibraries();
            } catch (IOException | RuntimeException e) {
                // only the archive misses these classes: the build itself is done and fine
            }
        }
    }
}
