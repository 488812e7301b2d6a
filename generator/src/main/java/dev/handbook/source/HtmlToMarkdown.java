package dev.handbook.source;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns an HTML source into Markdown so the extractors only ever read text or Markdown. Page chrome that is
 * never content (scripts, styles, navigation, headers, footers, forms) is removed first.
 */
final class HtmlToMarkdown {
    private HtmlToMarkdown() {
    }

    static String convert(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, nav, header, footer, form, iframe, aside, svg, button").remove();
        String body = doc.body() == null ? doc.html() : doc.body().html();
        // ATX headings ("## What is X?"), which the heading extractor reads, rather than underlined ones
        MutableDataSet options = new MutableDataSet().set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
        return FlexmarkHtmlConverter.builder(options).build().convert(body);
    }
}
