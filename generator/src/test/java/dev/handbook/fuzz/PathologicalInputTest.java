package dev.handbook.fuzz;

import dev.handbook.diag.Diagnostic;
import dev.handbook.diag.Diagnostics;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.BuildResult;
import dev.handbook.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sizes and shapes no real document has: the build finishes, warns, and keeps every other question. */
class PathologicalInputTest {
    @TempDir
    Path tmp;

    @Test
    void deepListsHugeLinesAndOpenFencesBuildWithWarnings() throws IOException {
        Path content = tmp.resolve("content");
        Path sources = Files.createDirectories(content.resolve("sources"));
        StringBuilder deep = new StringBuilder("## What is deep nesting?\n");
        for (int i = 0; i < 10_000; i++) {
            deep.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        Files.writeString(sources.resolve("deep.md"), deep);
        Files.writeString(sources.resolve("huge.md"), "## What is a huge answer?\n" + "word ".repeat(400_000) + "\n");
        Files.writeString(sources.resolve("fence.md"), "## What is an open fence?\n```\ncode\n");
        Files.writeString(sources.resolve("good.md"), "## What is a tensor?\nAn array.\n\n## What is a scalar?\nA number.\n");
        Diagnostics diagnostics = new Diagnostics();
        BuildResult result = new Pipeline(diagnostics).build(new BuildOptions(content, Path.of("theme"),
                tmp.resolve("site"), ""));
        assertEquals(5, result.itemCount(), "every question kept");
        assertTrue(Files.exists(tmp.resolve("site/topics/tensor.html")));
        assertTrue(diagnostics.all().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.WARNING
                && d.file().endsWith("huge.md") && d.line() == 2));
        assertTrue(diagnostics.all().stream().anyMatch(d -> d.file().endsWith("fence.md") && d.line() == 2));
    }

    @Test
    void aBuildThatFailsMidwayLeavesThePreviousSiteUntouched() throws IOException {
        Path site = tmp.resolve("site");
        new Pipeline(new Diagnostics()).build(new BuildOptions(Path.of("content"), Path.of("theme"), site, ""));
        String before = Files.readString(site.resolve("index.html"));
        // a theme whose topic template is broken: the failure comes while pages are being written
        Path theme = tmp.resolve("broken-theme");
        try (Stream<Path> walk = Files.walk(Path.of("theme"))) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = theme.resolve(Path.of("theme").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.writeString(theme.resolve("templates/topic.peb"), "{% extends \"base.peb\" %}{% block content %}{{ topic.title ");
        assertThrows(Exception.class, () -> new Pipeline(new Diagnostics()).build(
                new BuildOptions(Path.of("content"), theme, site, "")));
        assertEquals(before, Files.readString(site.resolve("index.html")), "the previous site is still there");
        assertTrue(Files.exists(site.resolve("manifest.json")));
        assertFalse(Files.exists(tmp.resolve("site.building")), "no half-written tree is left");
    }
}
