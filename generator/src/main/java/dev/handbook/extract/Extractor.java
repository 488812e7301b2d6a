package dev.handbook.extract;

import dev.handbook.source.SourceDocument;

/**
 * Reads one document shape. {@link #score} says how well the shape fits (0 = not at all, 100 = certainly);
 * the best-scoring extractor reads the document. A new shape is one new implementation added to
 * {@link ItemExtractor}'s list.
 */
interface Extractor {
    String name();

    int score(SourceDocument doc);

    /** Question starts and body ranges; {@link Segmenter} turns them into items. */
    java.util.List<Segment> segment(SourceDocument doc);
}
