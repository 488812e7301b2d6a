package dev.handbook.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build from where. Defaults: {@code content}, {@code theme}, {@code site-out}, no site URL, the PDF on
 * A4 when a Chromium is found.
 *
 * @param siteUrl  absolute URL the site is served from (adds sitemap.xml and canonical links), or ""
 * @param pdf      whether to print the PDF (needs Chromium)
 * @param chromium the Chromium to print with, or null to look on PATH
 * @param paper    "a4" or "letter"
 */
public record BuildOptions(Path contentDir, Path themeDir, Path outDir, String siteUrl, boolean pdf, Path chromium,
                           String paper) {
    public BuildOptions {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(themeDir, "themeDir");
        Objects.requireNonNull(outDir, "outDir");
        siteUrl = siteUrl == null ? "" : siteUrl;
        paper = paper == null ? "a4" : paper;
        if (!paper.equals("a4") && !paper.equals("letter")) {
            throw new IllegalArgumentException("paper must be a4 or letter, not " + paper);
        }
    }

    /** A site build without the PDF (tests and quick previews). */
    public BuildOptions(Path contentDir, Path themeDir, Path outDir, String siteUrl) {
        this(contentDir, themeDir, outDir, siteUrl, false, null, "a4");
    }

    public static BuildOptions defaults() {
        return new BuildOptions(Path.of("content"), Path.of("theme"), Path.of("site-out"), "");
    }
}
