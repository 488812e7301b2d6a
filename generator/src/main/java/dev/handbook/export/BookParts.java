package dev.handbook.export;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The book page ({@code print.html}) cut in the two parts that are printed apart: the body (the chapters), printed
 * first, and the front matter (cover and contents), printed once the body's page numbers are known. The body's
 * pages are numbered 1, 2, ... and the front matter's i, ii, ... as in most books, so the contents never change
 * the numbers they list, and the long body is printed once instead of twice.
 */
final class BookParts {
    /** The id of the contents, which the outline points at. */
    static final String CONTENTS = "contents";

    private BookParts() {
    }

    /**
     * The chapters alone. The contents stay in the page, hidden: Chromium names a destination in the PDF only for
     * an element that a link of the page points at, and the contents link to every chapter and topic.
     */
    static Document body(Document book) {
        Document body = book.clone();
        body.select("section.cover").remove();
        for (Element contents : body.select("nav.toc")) {
            contents.attr("hidden", true);
        }
        return body;
    }

    /**
     * The cover and the contents, each entry with the page of the body where its chapter or topic starts
     * (BODY_PAGES: element id -> 0-based page of the body). The contents' links need their targets in the page
     * for Chromium to keep them: an empty, hidden element stands for each, and the PDF's links, which name their
     * destinations, are pointed at the body once both parts are one document.
     */
    static Document front(Document book, Map<String, Integer> bodyPages) {
        Document front = book.clone();
        front.select("section.chapter").remove();
        for (Element number : front.select(".toc-page[data-for]")) {
            Integer page = bodyPages.get(number.attr("data-for"));
            number.text(page == null ? "" : String.valueOf(page + 1));
        }
        Element contents = front.selectFirst("nav.toc");
        if (contents != null) {
            Set<String> targets = new LinkedHashSet<>();
            for (Element link : contents.select("a[href^=#]")) {
                targets.add(link.attr("href").substring(1));
            }
            Element stand = contents.appendElement("div").attr("aria-hidden", "true");
            for (String target : targets) {
                stand.appendElement("div").id(target);
            }
            // a link to the contents, so that they are a named destination too (the outline's first entry)
            stand.appendElement("a").attr("href", "#" + contents.id()).attr("hidden", true);
        }
        return front;
    }
}
