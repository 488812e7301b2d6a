package dev.handbook.extract;

import dev.handbook.diag.Diagnostics;
import dev.handbook.source.SourceDocument;
import dev.handbook.source.SourceLoader;

import java.nio.file.Path;
import java.util.List;

/** The repository's own content/sources, loaded once per call (tests run from the repository root). */
public final class RealSources {
    private RealSources() {
    }

    public static List<SourceDocument> all() {
        return new SourceLoader(new Diagnostics()).load(Path.of("content"));
    }

    public static SourceDocument byId(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no source " + id));
    }

    public static Extraction extract(String id) {
        return new ItemExtractor().extract(byId(id));
    }
}
