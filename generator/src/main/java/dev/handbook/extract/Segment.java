package dev.handbook.extract;

import java.util.List;

/**
 * A question found by an extractor, before numbering: the question line, the last line of its answer, the answer's
 * lines (already stripped of what the extractor understood, e.g. answer links) and the section it sits in.
 */
record Segment(int startLine, int endLine, String question, List<String> body, String section,
               List<AnswerLink> links) {
    Segment {
        body = List.copyOf(body);
        links = List.copyOf(links);
    }
}
