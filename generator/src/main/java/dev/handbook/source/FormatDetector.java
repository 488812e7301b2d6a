package dev.handbook.source;

import java.util.Locale;
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
        long tags = HTML_TAG.matcher(text).results().count();
        long lines = text.lines().count();
        if (tags > 5 && tags * 2 > lines) {
            return SourceFormat.HTML;
        }
        long marks = MARKDOWN_MARK.matcher(text).results().count();
        return marks * 20 > lines ? SourceFormat.MARKDOWN : SourceFormat.TEXT;
    }
}
