package dev.handbook.pipeline;

import dev.handbook.clean.CleanResult;
import dev.handbook.extract.Extraction;
import dev.handbook.source.SourceDocument;

/** One source's way through extract and clean, for the build summary and {@code check}. */
public record SourceReport(SourceDocument source, Extraction extraction, CleanResult cleaned) {
}
