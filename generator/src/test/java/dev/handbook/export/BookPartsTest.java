package dev.handbook.export;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookPartsTest {
    private static final String BOOK = """
            <html><head><link rel="stylesheet" href="assets/print.css"></head><body class="book">
            <section class="cover"><h1>Handbook</h1></section>
            <nav class="toc" id="contents"><h2>Contents</h2>
              <div class="toc-chapter"><a href="#c-basics"><span class="toc-title">Basics</span><span class="toc-page" data-for="c-basics"></span></a></div>
              <ol class="toc-topics">
                <li><a href="#t-knn"><span class="toc-title">KNN</span><span class="toc-page" data-for="t-knn"></span></a></li>
                <li><a href="#t-kmeans"><span class="toc-title">k-means</span><span class="toc-page" data-for="t-kmeans"></span></a></li>
              </ol>
            </nav>
            <section class="chapter" id="c-basics"><h1 class="chapter-title">Basics</h1>
              <article class="book-topic" id="t-knn"><h2>KNN</h2><p>See <a href="#t-kmeans">k-means</a>.</p></article>
              <article class="book-topic" id="t-kmeans"><h2>k-means</h2></article>
            </section>
            </body></html>""";

    @Test
    void theBodyIsTheChaptersWithTheContentsHiddenSoEveryTopicIsStillALinkTarget() {
        Document body = BookParts.body(Jsoup.parse(BOOK));
        assertTrue(body.select("section.cover").isEmpty(), "no cover");
        assertEquals(2, body.select("article.book-topic").size());
        assertTrue(body.selectFirst("nav.toc").hasAttr("hidden"), "contents hidden, not removed");
        assertEquals(3, body.select("nav.toc a[href^=#]").size());
        assertNotNull(body.selectFirst("link[href=assets/print.css]"), "the same stylesheets");
    }

    @Test
    void theFrontMatterListsTheBodysPageNumbersFromOneAndKeepsItsLinksTargets() {
        Document book = Jsoup.parse(BOOK);
        Document front = BookParts.front(book, Map.of("c-basics", 0, "t-knn", 0, "t-kmeans", 2));
        assertTrue(front.select("section.chapter, article").isEmpty(), "no chapters");
        assertEquals("Handbook", front.selectFirst("section.cover h1").text());
        assertEquals(List.of("1", "1", "3"), front.select(".toc-page").eachText());
        // a stand-in per target, inside the contents (a page of their own would follow otherwise)
        assertEquals(List.of("c-basics", "t-knn", "t-kmeans"),
                front.select("nav.toc [aria-hidden=true] > div[id]").eachAttr("id"));
        assertNotNull(front.selectFirst("nav.toc a[href=#" + BookParts.CONTENTS + "][hidden]"));
        assertTrue(book.select("section.chapter").size() == 1 && book.select(".toc-page").eachText().isEmpty(),
                "the book page itself is left as it was");
    }

    @Test
    void anEntryWhosePageIsUnknownShowsNoNumber() {
        Document front = BookParts.front(Jsoup.parse(BOOK), Map.of("t-knn", 4));
        assertEquals(List.of("5"), front.select(".toc-page").eachText());
    }
}
