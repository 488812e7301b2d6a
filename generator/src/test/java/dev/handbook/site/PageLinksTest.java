package dev.handbook.site;

import dev.handbook.BuiltSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The link check's reading of a page: the same ids and links an HTML parser finds. */
class PageLinksTest {
    @Test
    void readsLinksAndIdsAsAParserDoes() {
        PageLinks page = PageLinks.of("""
                <!DOCTYPE html><html><head><title>a <a href="title.html"> b</title>
                <link rel=stylesheet href=style.css><script src='app.js'></script>
                <script>document.write('<a href="in-script.html" id="no">')</script>
                <style>a[href="in-style.html"] { }</style></head>
                <body><!-- <a href="commented.html"> --><A HREF="Upper.html?x=1&amp;y=2#f" ID="Top">x</A>
                <p id = "spaced" >text with <b>a href="not-a-tag.html"</b> 1 < 2 and <3</p>
                <img alt="a > b" src="i.png"><img src="first.png" src="second.png">
                <a id="anchor-only">no link</a><span id=''></span><div data-href="x.html"></div>
                <textarea><a href="in-textarea.html"></textarea><a href=last.html>end</a></body></html>
                """);
        assertEquals(List.of("style.css", "app.js", "Upper.html?x=1&y=2#f", "i.png", "first.png", "last.html"),
                page.links());
        assertEquals(Set.of("Top", "spaced", "anchor-only", ""), page.ids());
    }

    @Test
    void anUnclosedScriptCommentOrTagHidesTheRestOfThePage() {
        assertEquals(List.of("a.html"), PageLinks.of("<a href=a.html></a><script><a href=b.html>").links());
        assertEquals(List.of(), PageLinks.of("<!-- <a href=a.html>").links());
        assertEquals(List.of("a.html"), PageLinks.of("<a href=a.html>x</a><a href=\"b.html").links());
    }

    @Test
    void everyPageOfTheHandbookReadsAsJsoupReadsIt() throws IOException {
        Path site = BuiltSite.path();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 300, "the whole site: " + pages.size());
        for (Path file : pages) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            Set<String> ids = new HashSet<>();
            doc.select("[id]").forEach(e -> ids.add(e.id()));
            List<String> links = new ArrayList<>();
            for (Element el : doc.select("a[href], link[href], script[src], img[src], iframe[src], source[src]")) {
                links.add(el.hasAttr("href") ? el.attr("href") : el.attr("src"));
            }
            PageLinks scanned = PageLinks.of(Files.readString(file));
            assertEquals(ids, scanned.ids(), "ids of " + file);
            assertEquals(links, scanned.links(), "links of " + file);
        }
    }
}
