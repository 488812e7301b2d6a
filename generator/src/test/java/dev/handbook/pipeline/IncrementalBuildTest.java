package dev.handbook.pipeline;

import dev.handbook.Trees;
import dev.handbook.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve's rebuilds: only what a change touches is redone, and the result is what a full build would write. */
class IncrementalBuildTest {
    @TempDir
    Path tmp;

    private static void assertSameTree(Path expected, Path actual) throws IOException {
        List<String> expectedFiles = files(expected);
        assertEquals(expectedFiles, files(actual));
        for (String f : expectedFiles) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void aRebuildRedoesOnlyWhatChangedAndWritesWhatAFullBuildWould() throws IOException {
        Path content = tmp.resolve("content");
        Path theme = tmp.resolve("theme");
        Trees.copy(Path.of("content"), content);
        Trees.copy(Path.of("theme"), theme);
        Pipeline.Memos memos = Pipeline.Memos.remembering();
        Path served = tmp.resolve("served/site");
        Pipeline first = new Pipeline(new Diagnostics(), memos);
        int topics = first.build(new BuildOptions(content, theme, served, "")).topics().size();
        assertEquals(topics, first.lastRender().topicsRendered());

        // an answer in the middle of one source gets a line longer (the lines of the questions after it move)
        Path source = content.resolve("sources/ml-interview-extended-reference.md");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(source));
        int pca = lines.indexOf("8. Explain PCA and its significance.");
        assertTrue(pca > 0, "the fixture's question is where this test expects it");
        lines.add(pca + 2, "It keeps the directions along which the data varies most.");
        Files.write(source, lines);
        Pipeline second = new Pipeline(new Diagnostics(), memos);
        BuildResult afterEdit = second.build(new BuildOptions(content, theme, served, ""));
        assertEquals(topics, afterEdit.topics().size());
        assertTrue(Files.readString(served.resolve("topics/purpose-of-principal-component-analysis-pca.html")).contains("varies most"));
        assertEquals(1, second.lastRender().sourcesIngested(), "only the edited source is read again");
        assertTrue(second.lastRender().topicsRendered() < topics / 4,
                second.lastRender().topicsRendered() + " of " + topics + " topics rendered again");

        Path fresh = tmp.resolve("fresh/site");
        new Pipeline(new Diagnostics()).build(new BuildOptions(content, theme, fresh, ""));
        assertSameTree(fresh, served);

        // a template change: every page again, but no source read and no answer rendered again
        Path template = theme.resolve("templates/topic.peb");
        Files.writeString(template, Files.readString(template).replace("</article>", "</article><!-- edited -->"));
        Pipeline third = new Pipeline(new Diagnostics(), memos);
        third.build(new BuildOptions(content, theme, served, ""));
        assertEquals(0, third.lastRender().sourcesIngested());
        assertEquals(0, third.lastRender().topicsRendered());
        assertTrue(Files.readString(served.resolve("topics/overfitting-and-how-can-you-avoid-it.html")).contains("<!-- edited -->"));
        Path freshAgain = tmp.resolve("fresh-again/site");
        new Pipeline(new Diagnostics()).build(new BuildOptions(content, theme, freshAgain, ""));
        assertSameTree(freshAgain, served);
    }
}
