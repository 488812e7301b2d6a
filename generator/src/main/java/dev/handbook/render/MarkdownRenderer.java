package dev.handbook.render;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.List;

/**
 * The render stage's entry point: Markdown from a source or a note becomes safe HTML for a page.
 *
 * <p>commonmark-java (with GFM tables) renders; jsoup then keeps only an allow-list of elements and attributes, so
 * raw HTML, scripts, event handlers and {@code javascript:} URLs in a source never reach a page. Headings inside
 * an answer are moved down to h4-h6, below the page's own headings; external links open normally but carry
 * {@code rel="nofollow noopener"}; tables are wrapped so wide ones scroll instead of overflowing.
 *
 * <p>Thread-safe: the parser and renderer are immutable and each call builds fresh state.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist;

    public MarkdownRenderer() {
        List<Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
        this.safelist = Safelist.relaxed()
                .addTags("figure", "figcaption", "del", "ins", "mark", "abbr")
                .addAttributes(":all", "class")
                .addAttributes("a", "rel")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .preserveRelativeLinks(true);
    }

    public String render(String markdown) {
        return render(markdown, link -> { });
    }

    /**
     * Renders, reporting each link or image that points inside a site the source does not belong to (a relative
     * path such as {@code ../../etc/passwd}): those keep their text but lose their target.
     */
    public String render(String markdown, java.util.function.Consumer<String> refused) {
        Node document = parser.parse(markdown);
        String html = renderer.render(document);
        // A base URI lets jsoup judge relative links; preserveRelativeLinks keeps them relative.
        Document dirty = Jsoup.parseBodyFragment(html, "https://handbook.invalid/");
        Document clean = new Cleaner(safelist).clean(dirty);
        for (Element h : clean.select("h1, h2, h3, h4, h5, h6")) {
            int level = Integer.parseInt(h.tagName().substring(1));
            h.tagName("h" + Math.min(6, level + 3));
        }
        for (Element a : clean.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
                a.attr("rel", "nofollow noopener");
            } else if (!href.startsWith("mailto:") && !href.startsWith("#")) {
                refused.accept(href);
                a.unwrap();
            }
        }
        for (Element img : clean.select("img[src]")) {
            String src = img.attr("src");
            if (!src.matches("(?i)^(https?:)?//.*") && !src.matches("(?i)^https?:.*")) {
                refused.accept(src);
                img.replaceWith(new Element("span").text("[image: " + (img.attr("alt").isBlank() ? src : img.attr("alt")) + "]"));
            }
        }
        for (Element table : clean.select("table")) {
            table.wrap("<div class=\"table-wrap\"></div>");
        }
        for (Element img : clean.select("img[src^=http], img[src^=//]")) {
            // No page may load anything from elsewhere: a foreign image becomes a link with its alt text.
            String alt = img.attr("alt").isBlank() ? "image" : img.attr("alt");
            Element link = new Element("a").attr("href", img.attr("src")).attr("rel", "nofollow noopener")
                    .text("[image: " + alt + "]");
            img.replaceWith(link);
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
