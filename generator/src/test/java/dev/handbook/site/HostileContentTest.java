package dev.handbook.site;

import dev.handbook.Trees;
import dev.handbook.diag.Diagnostic;
import dev.handbook.diag.Diagnostics;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.Pipeline;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A source written to attack readers: everything it carries reaches the pages as inert text. */
class HostileContentTest {
    @TempDir
    Path tmp;

    @Test
    void scriptsHandlersAndForeignUrlsNeverReachAPage() throws IOException {
        Path content = Trees.oneSource(tmp.resolve("content"), "evil.md", """
                ## 1. What is XSS?
                Answer <script>alert('x')</script> with <img src=x onerror="alert(1)"> and <iframe src="https://evil.example"></iframe>.

                A [link](javascript:alert(2)), a [data link](data:text/html,hi), ![pic](https://evil.example/p.png), [up](../../etc/passwd).

                ## 2. What is <b onmouseover="alert(4)">bold</b>?
                <style>body{display:none}</style> Text.
                """);
        Diagnostics diagnostics = new Diagnostics();
        Path site = tmp.resolve("site");
        new Pipeline(diagnostics).build(new BuildOptions(content, Path.of("theme"), site, ""));
        assertTrue(diagnostics.all().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.WARNING
                && d.file().endsWith("evil.md") && d.message().contains("etc/passwd")), diagnostics.all().toString());
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            for (Element script : doc.select("script")) {
                assertTrue(script.attr("src").matches("(.*/)?assets/(theme|search|study)\\.js") && script.data().isEmpty(),
                        "only the site's own script: " + page + " " + script);
            }
            assertTrue(doc.select("iframe, object, embed, style").isEmpty(), page.toString());
            for (Element el : doc.getAllElements()) {
                for (Attribute a : el.attributes()) {
                    assertFalse(a.getKey().toLowerCase().startsWith("on"), page + ": " + el);
                    assertFalse(a.getValue().trim().toLowerCase().matches("^(javascript|data|vbscript):.*"), page + ": " + el);
                }
            }
            for (Element img : doc.select("img")) {
                assertFalse(img.attr("src").matches("(?i)^(https?:)?//.*"), "foreign image loaded: " + page);
            }
            String csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
            assertTrue(csp.contains("script-src 'self'"), page.toString());
        }
        inTheBrowser(site, pages);
    }

    /** Opened in Chromium, no page of the hostile source runs anything, opens a dialog or loads from elsewhere. */
    private static void inTheBrowser(Path site, List<Path> pages) throws IOException {
        org.openqa.selenium.chrome.ChromeDriver browser = dev.handbook.browser.BrowserAccess.start();
        try {
            for (Path page : pages) {
                browser.get(page.toUri().toString());
                try {
                    String text = browser.switchTo().alert().getText();
                    throw new AssertionError("a dialog opened on " + page + ": " + text);
                } catch (org.openqa.selenium.NoAlertPresentException expected) {
                    // no dialog: good
                }
                browser.executeScript("document.querySelectorAll('*').forEach(function (e) {"
                        + " ['mouseover', 'mouseenter', 'focus', 'error', 'load'].forEach(function (t) {"
                        + "  e.dispatchEvent(new Event(t)); }); });");
                try {
                    browser.switchTo().alert();
                    throw new AssertionError("an event handler ran on " + page);
                } catch (org.openqa.selenium.NoAlertPresentException expected) {
                    // handlers from the source never reached the page
                }
                @SuppressWarnings("unchecked")
                List<String> loaded = (List<String>) browser.executeScript(
                        "return Array.from(document.querySelectorAll('script[src], link[href], img[src], iframe, "
                                + "object, embed')).map(function (e) { return e.src || e.href || e.tagName; });");
                for (String url : loaded) {
                    assertTrue(url.startsWith("file:"), "foreign request from " + page + ": " + url);
                }
            }
        } finally {
            browser.quit();
        }
    }
}
