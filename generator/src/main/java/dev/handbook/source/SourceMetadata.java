package dev.handbook.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of {@code content/sources.yaml}. Every field but {@code file} is optional. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SourceMetadata(String id, String file, String title, String author, String publisher, String url,
                      String license, String notice, String format) {
}
