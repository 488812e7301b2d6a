package dev.handbook.site;

import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the link check needs of one page: the ids it defines and the links it makes ({@code a}/{@code link} href,
 * {@code script}/{@code img}/{@code iframe}/{@code source} src), in document order.
 *
 * <p>Read by scanning tags the way an HTML tokenizer does (comments, raw-text elements such as {@code script},
 * quoted and unquoted attribute values, character references), without building a tree: checking a large site
 * this way costs a tenth of parsing every page. {@code PageLinksTest} holds it to jsoup's reading of every page
 * of the handbook's own site.
 */
record PageLinks(Set<String> ids, List<String> links) {
    /** Elements whose content is text up to their end tag, never markup. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes", "plaintext");
    private static final Set<String> HREF = Set.of("a", "link");
    private static final Set<String> SRC = Set.of("script", "img", "iframe", "source");

    static PageLinks of(String html) {
        Set<String> ids = new HashSet<>();
        List<String> links = new ArrayList<>();
        int n = html.length();
        int i = html.indexOf('<');
        while (i >= 0 && i < n - 1) {
            char next = html.charAt(i + 1);
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
            } else if (next == '!' || next == '?' || next == '/') {
                int end = html.indexOf('>', i + 2);
                i = end < 0 ? n : end + 1;
            } else if (isAsciiLetter(next)) {
                i = tag(html, i + 1, ids, links);
            } else {
                i++;
            }
            i = i >= n ? -1 : html.indexOf('<', i);
        }
        return new PageLinks(ids, links);
    }

    /** Reads the start tag whose name begins at {@code at}; returns where scanning goes on. */
    private static int tag(String html, int at, Set<String> ids, List<String> links) {
        int n = html.length();
        int i = at;
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '/' && html.charAt(i) != '>') {
            i++;
        }
        String name = html.substring(at, i).toLowerCase(Locale.ROOT);
        String id = null;
        String href = null;
        String src = null;
        // only these three attributes matter: no other attribute's name or value is copied out of the page
        boolean idSeen = false;
        boolean hrefSeen = false;
        boolean srcSeen = false;
        while (i < n && html.charAt(i) != '>') {
            char c = html.charAt(i);
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            i++;   // an attribute name may begin with '=' or a quote
            while (i < n && !isSpace(html.charAt(i)) && "/>=".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            int nameEnd = i;
            while (i < n && isSpace(html.charAt(i))) {
                i++;
            }
            int valueStart = -1;
            int valueEnd = -1;
            if (i < n && html.charAt(i) == '=') {
                i++;
                while (i < n && isSpace(html.charAt(i))) {
                    i++;
                }
                if (i < n && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                    valueStart = i + 1;
                    valueEnd = html.indexOf(html.charAt(i), valueStart);
                    valueEnd = valueEnd < 0 ? n : valueEnd;
                    i = Math.min(n, valueEnd + 1);
                } else {
                    valueStart = i;
                    while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                        i++;
                    }
                    valueEnd = i;
                }
            }
            // a repeated attribute is ignored, as browsers do
            if (!idSeen && isName(html, nameStart, nameEnd, "id")) {
                idSeen = true;
                id = value(html, valueStart, valueEnd);
            } else if (!hrefSeen && isName(html, nameStart, nameEnd, "href")) {
                hrefSeen = true;
                href = value(html, valueStart, valueEnd);
            } else if (!srcSeen && isName(html, nameStart, nameEnd, "src")) {
                srcSeen = true;
                src = value(html, valueStart, valueEnd);
            }
        }
        if (i >= n) {
            return n;   // a tag cut off by the end of the file is no tag
        }
        if (id != null) {
            ids.add(id);
        }
        if (href != null && HREF.contains(name)) {
            links.add(href);
        } else if (src != null && SRC.contains(name)) {
            links.add(src);
        }
        int end = i + 1;
        if (RAW_TEXT.contains(name)) {   // "<script/>" too: the slash does not end a non-void element
            int close = indexOfIgnoreCase(html, "</" + name, end);
            return close < 0 ? n : close;
        }
        return end;
    }

    /** Whether the attribute name at [start, end) is {@code name} (lower-case ASCII) in any case. */
    private static boolean isName(String html, int start, int end, String name) {
        if (end - start != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            char c = html.charAt(start + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** An attribute's value, character references resolved; "" for an attribute without one. */
    private static String value(String html, int start, int end) {
        if (start < 0) {
            return "";
        }
        String value = html.substring(start, end);
        return value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value;
    }

    private static int indexOfIgnoreCase(String text, String what, int from) {
        for (int i = text.indexOf('<', from); i >= 0; i = text.indexOf('<', i + 1)) {
            if (text.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
