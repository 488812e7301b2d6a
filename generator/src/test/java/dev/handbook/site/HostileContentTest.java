package dev.handbook.site;

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
        Path content = tmp.resolve("content");
        Files.createDirectories(content.resolve("sources"));
        Files.writeString(content.resolve("sources/evil.md"), """
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
    }
}
