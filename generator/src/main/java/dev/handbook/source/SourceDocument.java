package dev.handbook.source;

import java.util.List;
import java.util.Objects;

/**
 * One input document with its provenance, as loaded from {@code content/sources/} and {@code content/sources.yaml}.
 *
 * @param id        short stable id used in links, the manifest and curation ({@code source#ordinal})
 * @param file      path as shown to maintainers, e.g. {@code content/sources/a.txt}
 * @param format    format of {@link #lines()}: HTML sources arrive here already converted to Markdown
 * @param lines     the document's text split into lines (line 1 is index 0); provenance line numbers refer to
 *                  the original file for TEXT and MARKDOWN sources
 */
public record SourceDocument(String id, String file, String title, String author, String publisher, String url,
                             String license, String notice, SourceFormat format, List<String> lines) {
    public SourceDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        title = nullToEmpty(title);
        author = nullToEmpty(author);
        publisher = nullToEmpty(publisher);
        url = nullToEmpty(url);
        license = nullToEmpty(license);
        notice = nullToEmpty(notice);
        lines = List.copyOf(lines);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The 1-based line, or "" past the end. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }
}
