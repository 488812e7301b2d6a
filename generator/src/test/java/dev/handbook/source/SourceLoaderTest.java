package dev.handbook.source;

import dev.handbook.diag.Diagnostic;
import dev.handbook.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceLoaderTest {
    @TempDir
    Path content;

    private Path sources() throws IOException {
        return Files.createDirectories(content.resolve("sources"));
    }

    private static boolean warned(Diagnostics d, String file, int line, String words) {
        return d.all().stream().anyMatch(x -> x.severity() != Diagnostic.Severity.INFO && x.file().endsWith(file)
                && x.line() == line && x.message().contains(words));
    }

    @Test
    void badFilesAreSkippedWithAWarningAndTheRestLoads() throws IOException {
        Path dir = sources();
        Files.writeString(dir.resolve("good.md"), "## What is a tensor?\nAn array.\n");
        Files.writeString(dir.resolve("empty.txt"), "");
        Files.write(dir.resolve("binary.txt"), new byte[]{'P', 'K', 3, 4, 0, 0, 1, 2, 0, 9});
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new SourceLoader(d).load(content);
        assertEquals(List.of("good"), docs.stream().map(SourceDocument::id).toList());
        assertTrue(warned(d, "empty.txt", 0, "empty"), d.all().toString());
        assertTrue(warned(d, "binary.txt", 0, "binary"), d.all().toString());
    }

    @Test
    void invalidUtf8IsDecodedWithReplacementAndItsLineNamed() throws IOException {
        Path dir = sources();
        byte[] latin1 = "What is a caf\u00e9 model?\nok\nna\u00efve Bayes?\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("latin1.txt"), latin1);
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new SourceLoader(d).load(content);
        assertEquals(1, docs.size(), "the text is kept, not dropped");
        assertTrue(docs.get(0).lines().get(0).contains("\uFFFD"));
        assertTrue(warned(d, "latin1.txt", 1, "invalid UTF-8"), d.all().toString());
    }

    @Test
    void metadataComesFromSourcesYamlAndDuplicateIdsAreMadeUnique() throws IOException {
        Path dir = sources();
        Files.writeString(dir.resolve("a.md"), "# A\n## What is A?\nA.\n");
        Files.writeString(dir.resolve("b.md"), "# B\n## What is B?\nB.\n");
        Files.writeString(content.resolve("sources.yaml"), """
                sources:
                  - id: same
                    file: b.md
                    title: Bee
                    license: CC-BY-4.0
                  - id: same
                    file: a.md
                    title: Ay
                """);
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new SourceLoader(d).load(content);
        assertEquals(List.of("same", "same-2"), docs.stream().map(SourceDocument::id).toList(),
                "sources.yaml's order, ids unique");
        assertEquals("Bee", docs.get(0).title());
        assertEquals("CC-BY-4.0", docs.get(0).license());
        assertTrue(warned(d, "a.md", 0, "duplicate source id"));
    }

    @Test
    void aBrokenSourcesYamlIsAnErrorWithItsLineAndSourcesStillLoad() throws IOException {
        Path dir = sources();
        Files.writeString(dir.resolve("a.md"), "## What is A?\nA.\n");
        Files.writeString(content.resolve("sources.yaml"), "sources:\n  - id: a\n    file: [unclosed\n");
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new SourceLoader(d).load(content);
        assertEquals(1, docs.size());
        assertTrue(d.all().stream().anyMatch(x -> x.severity() == Diagnostic.Severity.ERROR
                && x.file().endsWith("sources.yaml") && x.line() > 0), d.all().toString());
    }

    @Test
    void htmlSourcesArriveAsMarkdown() throws IOException {
        Path dir = sources();
        Files.writeString(dir.resolve("page.html"), """
                <html><head><script>alert(1)</script></head><body>
                <nav><a href="/">Home</a></nav>
                <h2>What is gradient descent?</h2><p>An <b>iterative</b> optimiser.</p>
                <h2>What is momentum?</h2><p>A running average of gradients.</p>
                </body></html>
                """);
        Diagnostics d = new Diagnostics();
        SourceDocument doc = new SourceLoader(d).load(content).get(0);
        assertEquals(SourceFormat.MARKDOWN, doc.format());
        String text = String.join("\n", doc.lines());
        assertTrue(text.contains("## What is gradient descent?"), "headings stay ATX headings: " + text);
        assertTrue(text.contains("**iterative**"));
        assertTrue(!text.contains("alert") && !text.contains("Home"), text);
    }

    @Test
    void anUnclosedFenceAndAHugeLineAreNamedWithTheirLines() throws IOException {
        Path dir = sources();
        Files.writeString(dir.resolve("fence.md"), "## What is x?\n```python\nx = 1\n\n## What is y?\ny\n");
        Files.writeString(dir.resolve("long.txt"), "What is long?\n" + "word ".repeat(30_000) + "\n");
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new SourceLoader(d).load(content);
        assertEquals(2, docs.size(), "both still load");
        assertTrue(warned(d, "fence.md", 2, "never closed"), d.all().toString());
        assertTrue(warned(d, "long.txt", 2, "150000 characters"), d.all().toString());
    }

    @Test
    void filesLoadedTogetherReportInTheFilesOrderAndComeBackInIt() throws IOException {
        Path dir = sources();
        // the large file first: read alone it would finish last, and its messages must still come first
        Files.writeString(dir.resolve("a-long.txt"), "What is long?\n" + "word ".repeat(200_000) + "\n");
        Files.writeString(dir.resolve("b-empty.txt"), "");
        Files.writeString(dir.resolve("c-fence.md"), "## What is x?\n```python\nx = 1\n");
        Files.writeString(dir.resolve("d-good.md"), "## What is d?\nD.\n");
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new SourceLoader(d).load(content);
        assertEquals(List.of("a-long", "c-fence", "d-good"), docs.stream().map(SourceDocument::id).toList());
        List<String> warnedFiles = d.all().stream().filter(x -> x.severity() != Diagnostic.Severity.INFO)
                .map(x -> Path.of(x.file()).getFileName().toString()).toList();
        assertEquals(List.of("a-long.txt", "b-empty.txt", "c-fence.md"), warnedFiles);
    }
}
