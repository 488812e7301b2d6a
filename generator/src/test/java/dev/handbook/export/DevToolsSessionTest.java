package dev.handbook.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Either engine the build finds prints the book: the headless shell it prefers, and the browser it falls back on.
 * CI installs both; elsewhere a missing one is skipped.
 */
class DevToolsSessionTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"chromium-headless-shell", "chromium"})
    void printsATaggedPdfWhoseLinksNameTheirTargets(String name) throws IOException {
        Path executable = onPath(name);
        Assumptions.assumeTrue(executable != null || requiredHere(name), name + " is not installed");
        Path page = tmp.resolve("page.html");
        Files.writeString(page, """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>
                <style>@page { size: A4; } h1 { break-before: page; }</style></head>
                <body><p><a href="#second">To the second part</a></p>
                <h1 id="second">Second part</h1><p>Text after the break.</p></body></html>""");
        byte[] pdf;
        try (DevToolsSession browser = DevToolsSession.start(executable)) {
            browser.load(page);
            pdf = browser.printToPdf();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages());
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked(), "tagged");
            assertTrue(doc.getDocumentCatalog().getStructureTreeRoot() != null, "a structure tree");
            PDAnnotationLink link = (PDAnnotationLink) doc.getPage(0).getAnnotations().get(0);
            PDNamedDestination target = assertInstanceOf(PDNamedDestination.class, link.getDestination());
            assertEquals("second", target.getNamedDestination());
            assertEquals(Map.of("second", 1), PdfBook.destinationPages(doc));
            assertTrue(new PDFTextStripper().getText(doc).contains("Text after the break."));
        }
    }

    @Test
    void aBrowserThatExitsAtStartFailsTheSessionInsteadOfLeavingItWaiting() throws IOException {
        Path broken = tmp.resolve("chromium");
        Files.writeString(broken, "#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n");
        assertTrue(broken.toFile().setExecutable(true));
        // a reply that never comes would otherwise be waited for the full timeout (minutes)
        IOException failure = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(IOException.class, () -> DevToolsSession.start(broken)));
        assertTrue(failure.getMessage().contains("Chromium closed its DevTools pipe: it exited with status 3"),
                failure.getMessage());
    }

    /** On CI (browser tests required) both engines are installed, so neither may be skipped. */
    private static boolean requiredHere(String name) {
        if ("required".equals(System.getenv("HANDBOOK_BROWSER_TESTS"))) {
            throw new IllegalStateException(name + " is required here: apt-get install " + name);
        }
        return false;
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
