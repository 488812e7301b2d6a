package dev.handbook.source;

import java.util.Locale;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Guesses a document's format from its extension and, when that says nothing, from its content. */
final class FormatDetector {
    private static final Pattern HTML_START = Pattern.compile("(?is)^\\s*(<!doctype html|<html|<head|<body)");
    private static final Pattern HTML_TAG = Pattern.compile("(?i)</?(p|div|h[1-6]|ul|ol|li|table|br|span|a)\\b[^>]*>");
    private static final Pattern MARKDOWN_MARK = Pattern.compile(
            "(?m)^(#{1,6} \\S|[-*+] \\S|\\|.*\\||```|\\d+\\. \\S)|\\*\\*\\S|\\[[^\\]]+\\]\\([^)]+\\)");

    private FormatDetector() {
    }

    static SourceFormat detect(String fileName, String text) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return SourceFormat.HTML;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return SourceFormat.MARKDOWN;
        }
        if (HTML_START.matcher(text).find()) {
            return SourceFormat.HTML;
        }
        long lines = text.lines().count();
        // counting stops as soon as the count decides: a long document need not be read to its end
        if (countsPast(HTML_TAG.matcher(text), tags -> tags > 5 && tags * 2 > lines)) {
            return SourceFormat.HTML;
        }
        return countsPast(MARKDOWN_MARK.matcher(text), marks -> marks * 20 > lines)
                ? SourceFormat.MARKDOWN : SourceFormat.TEXT;
    }

    /** Whether the number of matches reaches one that {@code enough} accepts (it only ever grows). */
    private static boolean countsPast(Matcher matcher, LongPredicate enough) {
        long count = 0;
        while (matcher.find()) {
            if (enough.test(++count)) {
                return true;
            }
        }
        return false;
    }
}
