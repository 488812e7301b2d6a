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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds write over the topic pages of the build before last instead of creating every page anew: what they leave
 * must still be exactly what a build into an empty directory writes, whatever those old pages were.
 */
class RecycledPagesTest {
    @TempDir
    Path tmp;

    private static final String BAGGING = """
            ## What is bagging?
            Bagging trains models on bootstrap samples and averages them.
            """;
    private static final String DROPOUT = """
            ## What is dropout?
            Dropout switches off random units while training, so that no unit relies on another.
            """;

    private Path content(String source) throws IOException {
        return Trees.oneSource(tmp.resolve("content-" + Integer.toHexString(source.hashCode())), "questions.md",
                source);
    }

    private static BuildOptions options(Path content, Path out) {
        return new BuildOptions(content, Path.of("theme"), out, "", false, null, "a4");
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }

    /** Builds {@code content} into {@code out}, and asserts that it wrote what a build into a new directory does. */
    private void buildAndCompare(Path content, Path out) throws IOException {
        new Pipeline(new Diagnostics()).build(options(content, out));
        Path fresh = tmp.resolve("fresh-" + content.getFileName() + "/site");
        new Pipeline(new Diagnostics()).build(options(content, fresh));
        List<String> expected = files(fresh);
        assertEquals(expected, files(out));
        for (String f : expected) {
            assertArrayEquals(Files.readAllBytes(fresh.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
    }

    private static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino");
    }

    @Test
    void pagesWrittenOverAreExactlyThoseOfANewBuild() throws IOException {
        Path out = tmp.resolve("site/out");
        String longAnswer = """
                ## What is overfitting?
                A model that fits the noise of its training data as well as the signal: it does well on what it has
                seen and badly on anything new. More data, a simpler model, regularization and early stopping help;
                so does checking the model on data it was not trained on, which shows the problem in the first place.
                """;
        String shortAnswer = """
                ## What is overfitting?
                Fitting the noise along with the signal.
                """;

        buildAndCompare(content(longAnswer + BAGGING + DROPOUT), out);
        Path overfitting = out.resolve("topics/overfitting.html");
        assertTrue(Files.isRegularFile(overfitting), files(out).toString());
        Object firstInode = inode(overfitting);
        long longPage = Files.size(overfitting);

        // the next build leaves those pages for the one after it, which writes over them
        buildAndCompare(content(longAnswer + BAGGING), out);
        buildAndCompare(content(shortAnswer + "## What is boosting?\nModels trained one after another.\n"), out);
        assertTrue(Files.size(overfitting) < longPage, "the page got shorter: no bytes of the longer one are left");
        assertEquals(firstInode, inode(overfitting), "the page was written over, not created anew");
        assertFalse(Files.exists(out.resolve("topics/dropout.html")), "a page two builds old is gone");
        assertFalse(Files.exists(out.resolve("topics/bagging.html")), "a page one build old is gone");
        assertTrue(Files.isRegularFile(out.resolve("topics/boosting.html")));
    }

    @Test
    void pagesWithAnotherNameAreNeverWrittenOver() throws IOException {
        Path out = tmp.resolve("site/out");
        buildAndCompare(content(BAGGING + DROPOUT), out);
        // a backup made with hard links (cp -al): writing over the site's files would change the backup too
        Path backup = Files.createDirectories(tmp.resolve("backup"));
        Path bagging = out.resolve("topics/bagging.html");
        Files.createLink(backup.resolve("bagging.html"), bagging);
        byte[] backedUp = Files.readAllBytes(bagging);

        buildAndCompare(content(BAGGING.replace("averages them", "votes")), out);
        buildAndCompare(content(BAGGING.replace("averages them", "takes their mean")), out);
        assertTrue(Files.readString(out.resolve("topics/bagging.html")).contains("takes their mean"));
        assertArrayEquals(backedUp, Files.readAllBytes(backup.resolve("bagging.html")), "the backup is untouched");
    }
}
