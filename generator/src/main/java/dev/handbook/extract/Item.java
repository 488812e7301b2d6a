package dev.handbook.extract;

import dev.handbook.source.SourceFormat;

import java.util.List;
import java.util.Objects;

/**
 * One question as one source asks it, with that source's answer.
 *
 * @param ordinal     1-based position among the source's items; with {@code sourceId} it names the item
 *                    ({@code source#ordinal}) in curation and the manifest
 * @param question    the question exactly as the source words it, numbering and Markdown markers removed
 * @param body        the answer: in {@code format} as extracted, Markdown after the clean stage
 * @param section     the source's own section heading above the question, or ""
 * @param difficulty  "basic", "intermediate", "advanced" or "FAANG+" when the source states it, else ""
 * @param notes       what a reader should know about this answer, e.g. that the source's code sample is missing
 */
public record Item(String sourceId, int ordinal, String question, String body, SourceFormat format, LineRange lines,
                   String section, String difficulty, List<AnswerLink> answerLinks, List<String> notes) {
    public Item {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(lines, "lines");
        body = body == null ? "" : body;
        section = section == null ? "" : section;
        difficulty = difficulty == null ? "" : difficulty;
        answerLinks = List.copyOf(answerLinks);
        notes = List.copyOf(notes);
    }

    /** True when the source answers the question, in text or by a link. */
    public boolean answered() {
        return !body.isBlank() || !answerLinks.isEmpty();
    }

    /** {@code source#ordinal}, the reference curation uses. */
    public String ref() {
        return sourceId + "#" + ordinal;
    }

    public Item withBody(String newBody, SourceFormat newFormat, List<String> newNotes) {
        return new Item(sourceId, ordinal, question, newBody, newFormat, lines, section, difficulty, answerLinks,
                newNotes);
    }
}
