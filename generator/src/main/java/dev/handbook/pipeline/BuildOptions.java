package dev.handbook.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build from where. Defaults: {@code content}, {@code theme}, {@code site-out}, no site URL.
 *
 * @param siteUrl absolute URL the site is served from (adds sitemap.xml), or ""
 */
public record BuildOptions(Path contentDir, Path themeDir, Path outDir, String siteUrl) {
    public BuildOptions {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(themeDir, "themeDir");
        Objects.requireNonNull(outDir, "outDir");
        siteUrl = siteUrl == null ? "" : siteUrl;
    }

    public static BuildOptions defaults() {
        return new BuildOptions(Path.of("content"), Path.of("theme"), Path.of("site-out"), "");
    }
}
