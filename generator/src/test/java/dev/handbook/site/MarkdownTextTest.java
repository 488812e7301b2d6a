package dev.handbook.site;

import dev.handbook.BuiltSite;
import dev.handbook.extract.Item;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text the search index reads from an answer is the text its rendered HTML shows. */
class MarkdownTextTest {
    /** What a reader sees of the Markdown: rendered (raw HTML escaped, as the index renders it), then read as text. */
    private static String shown(String markdown) {
        String html = HtmlRenderer.builder().escapeHtml(true).build().render(Parser.builder().build().parse(markdown));
        return Jsoup.parse(html).text().replaceAll("[\\s\u00a0]+", " ").strip();
    }

    @Test
    void readsMarkdownAsItsRenderedPageReads() {
        for (String markdown : List.of(
                "**Bias**: error from *wrong* assumptions.\nSecond line  \nhard break",
                "- one\n- two\n\n  nested paragraph\n\n1. first\n2. `code` span",
                "Text with ![an image](x.png) and [a link](http://example.org \"title\") and <http://auto.link>",
                "```python\ndef f(x):\n    return x\n```\n\nafter the fence",
                "    indented code\n\n> quoted *words*\n\n# Heading\n\n---\n\nA&nbsp;B &amp; C &lt;tag&gt;",
                "Raw <span>inline html</span> here\n\n<div>\nblock html\n</div>",
                "| a | b |\n|---|---|\n| 1 | 2 |", "")) {
            assertEquals(shown(markdown), MarkdownText.of(markdown), markdown);
        }
    }

    @Test
    void readsEveryAnswerOfTheHandbookAsItsRenderedPageReads() {
        List<String> answers = BuiltSite.result().topics().stream().flatMap(t -> t.items().stream())
                .map(Item::body).filter(b -> !b.isBlank()).toList();
        assertTrue(answers.size() > 100, "answers: " + answers.size());
        for (String markdown : answers) {
            assertEquals(shown(markdown), MarkdownText.of(markdown), markdown);
        }
    }
}
