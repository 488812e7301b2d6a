package dev.handbook.source;

/** The shape a document's text is written in, which decides how its answers are read. */
public enum SourceFormat {
    /** Plain text, e.g. a web page captured as text: no Markdown syntax is trusted. */
    TEXT,
    /** Markdown, possibly broken or loose. */
    MARKDOWN,
    /** HTML; converted to Markdown when loaded, so later stages never see it. */
    HTML
}
