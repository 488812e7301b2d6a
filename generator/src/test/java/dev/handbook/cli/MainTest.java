package dev.handbook.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path tmp;

    private String captureOut(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, Main.run("build", "--no-such-option"));
    }

    @Test
    void checkReportsItemsPerSource() {
        String out = captureOut(() -> assertEquals(0, Main.run("check")));
        assertTrue(out.contains("ml-article"), out);
        assertTrue(out.contains("items found: 36"), out);
        assertTrue(out.contains("items found: 284"), out);
        assertTrue(out.contains("fragments not understood"), out);
    }

    private Path contentWithABadFile() throws IOException {
        Path content = tmp.resolve("content");
        Path sources = Files.createDirectories(content.resolve("sources"));
        Files.writeString(sources.resolve("good.md"), "## What is a tensor?\nAn array.\n\n## What is a scalar?\nA number.\n");
        Files.write(sources.resolve("broken.txt"), new byte[]{0, 1, 2, 3, 0});
        return content;
    }

    @Test
    void badInputWarnsButTheRestBuilds() throws IOException {
        Path content = contentWithABadFile();
        Path out = tmp.resolve("out");
        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", out.toString()));
        assertTrue(Files.exists(out.resolve("topics/tensor.html")));
    }

    @Test
    void strictTurnsWarningsIntoAFailedBuildAndKeepsThePreviousSite() throws IOException {
        Path content = contentWithABadFile();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("index.html"), "previous");
        assertEquals(1, Main.run("build", "--strict", "--content", content.toString(), "--out", out.toString()));
        assertEquals("previous", Files.readString(out.resolve("index.html")));
        assertFalse(Files.exists(tmp.resolve("out.building")));
    }

    @Test
    void siteUrlAddsASitemapOfEveryPage() throws IOException {
        Path content = contentWithABadFile();
        Path out = tmp.resolve("out");
        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", out.toString(),
                "--site-url", "https://example.org/handbook"));
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://example.org/handbook/topics/tensor.html</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://example.org/handbook/index.html</loc>"), sitemap);
        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", out.toString()));
        assertFalse(Files.exists(out.resolve("sitemap.xml")), "no site URL, no sitemap");
    }
}
