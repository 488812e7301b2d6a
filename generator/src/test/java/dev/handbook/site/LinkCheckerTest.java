package dev.handbook.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkCheckerTest {
    @TempDir
    Path site;

    @Test
    void reportsMissingFilesAnchorsAndAbsoluteLinksWithTheirPage() throws IOException {
        Files.createDirectories(site.resolve("topics"));
        Files.writeString(site.resolve("index.html"), """
                <a href="topics/a.html">ok</a> <a href="topics/a.html#answer">anchor ok</a>
                <a href="topics/missing.html">missing</a> <a href="topics/a.html#nope">bad anchor</a>
                <a href="/topics/a.html">absolute</a> <a href="https://example.org/x">external is fine</a>
                <a href="#top">self</a><span id="top"></span> <img src="javascript:alert(1)">
                <a href="topics/.././topics/a.html#answer">roundabout ok</a> <a href="../index.html">outside</a>
                """);
        Files.writeString(site.resolve("topics/a.html"), "<h2 id=\"answer\">A</h2><a href=\"../index.html\">up</a>");
        List<String> broken = LinkChecker.check(site).stream().map(LinkChecker.Broken::toString).toList();
        assertEquals(List.of(
                "index.html: topics/missing.html (no such file)",
                "index.html: topics/a.html#nope (no such anchor)",
                "index.html: /topics/a.html (absolute path; links must be relative)",
                "index.html: javascript:alert(1) (not a link within the site)",
                "index.html: ../index.html (no such file)"), broken);
    }
}
