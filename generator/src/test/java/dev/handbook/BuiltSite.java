package dev.handbook;

import dev.handbook.diag.Diagnostics;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.BuildResult;
import dev.handbook.pipeline.Pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real handbook (content/ and theme/, no PDF), built once per test run and shared by the tests that only read
 * it, so the suite does not build the same site again and again. Tests must not change it.
 */
public final class BuiltSite {
    private static Path site;
    private static BuildResult result;

    private BuiltSite() {
    }

    public static synchronized Path path() {
        if (site == null) {
            try {
                Path dir = Files.createTempDirectory("handbook-site");
                site = dir.resolve("site-out");
                result = new Pipeline(new Diagnostics()).build(
                        new BuildOptions(Path.of("content"), Path.of("theme"), site, ""));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return site;
    }

    public static synchronized BuildResult result() {
        path();
        return result;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
