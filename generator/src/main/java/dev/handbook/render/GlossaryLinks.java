package dev.handbook.render;

import dev.handbook.link.GlossaryTerm;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Links the first mention of each glossary concept on a page to the topic that explains it. Text inside links,
 * code, headings and table headers is left alone; a page never links to itself.
 */
public final class GlossaryLinks {
    private static final Set<String> SKIP = Set.of("a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "th",
            "kbd", "samp");

    private GlossaryLinks() {
    }

    /**
     * @param linked concepts already linked on this page; updated with the ones linked here
     * @param root   the page's prefix to the site root, e.g. {@code ../}
     */
    public static String apply(String html, List<GlossaryTerm> terms, String root, String selfSlug,
                               Set<String> linked) {
        if (terms.isEmpty() || html.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && !inSkipped(text)) {
                    texts.add(text);
                }
            }
        }, doc.body());
        for (GlossaryTerm term : terms) {
            if (linked.contains(term.concept()) || term.slug().equals(selfSlug)) {
                continue;
            }
            for (TextNode text : texts) {
                if (text.parent() == null) {
                    continue;
                }
                Matcher m = term.phrases().matcher(text.getWholeText());
                if (m.find()) {
                    String whole = text.getWholeText();
                    TextNode before = new TextNode(whole.substring(0, m.start()));
                    Element link = new Element("a").attr("href", root + "topics/" + term.slug() + ".html")
                            .addClass("glossary").text(m.group());
                    TextNode after = new TextNode(whole.substring(m.end()));
                    text.before(before);
                    text.before(link);
                    text.before(after);
                    text.remove();
                    texts.set(texts.indexOf(text), after);
                    texts.add(before);
                    linked.add(term.concept());
                    break;
                }
            }
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    private static boolean inSkipped(TextNode text) {
        for (Node n = text.parent(); n != null; n = n.parent()) {
            if (n instanceof Element e && SKIP.contains(e.tagName())) {
                return true;
            }
        }
        return false;
    }
}
