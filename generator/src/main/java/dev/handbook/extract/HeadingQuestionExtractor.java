package dev.handbook.extract;

import java.util.regex.Pattern;
import dev.handbook.source.SourceDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown whose questions are headings ("### 4. Discuss ..." or "## What is ...?"), possibly at mixed levels.
 * A heading that is not a question starts a section and ends the answer above it, unless it is deeper than the
 * question heading (then it is a sub-heading of the answer).
 */
final class HeadingQuestionExtractor implements Extractor {
    private static final Pattern NUMBERED_TEXT = Pattern.compile("^(?i:question\\s*|q)?\\d{1,4}\\s*[.):]\\s+.+");

    @Override
    public String name() {
        return "heading-questions";
    }

    @Override
    public int score(SourceDocument doc) {
        int questions = 0;
        int headings = 0;
        for (String line : doc.lines()) {
            if (Lines.headingLevel(line) > 0) {
                headings++;
                if (isQuestionHeading(line)) {
                    questions++;
                }
            }
        }
        if (questions < 3) {
            return 0;
        }
        return questions * 3 >= headings ? 85 : 40;
    }

    static boolean isQuestionHeading(String line) {
        String text = Lines.plain(Lines.headingText(line));
        if (NUMBERED_TEXT.matcher(text).matches()) {
            return true;
        }
        return Lines.questionLike(Lines.questionText(line)) && text.length() <= 300;
    }

    @Override
    public List<Segment> segment(SourceDocument doc) {
        List<Segment> segments = new ArrayList<>();
        List<String> lines = doc.lines();
        String section = "";
        int i = 0;
        boolean inFence = false;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            }
            int level = inFence ? 0 : Lines.headingLevel(line);
            if (level == 0) {
                i++;
                continue;
            }
            if (!isQuestionHeading(line)) {
                section = Lines.plain(Lines.headingText(line));
                i++;
                continue;
            }
            int j = i + 1;
            boolean fence = false;
            while (j < lines.size()) {
                String next = lines.get(j);
                if (next.strip().startsWith("```")) {
                    fence = !fence;
                }
                int nextLevel = fence ? 0 : Lines.headingLevel(next);
                if (nextLevel > 0 && (nextLevel <= level || isQuestionHeading(next))) {
                    break;
                }
                j++;
            }
            int end = lastNonBlank(lines, i, j);
            segments.add(new Segment(i + 1, end + 1, Lines.questionText(line), lines.subList(i + 1, end + 1),
                    section, List.of()));
            i = j;
        }
        return segments;
    }

    static int lastNonBlank(List<String> lines, int start, int endExclusive) {
        int end = endExclusive - 1;
        while (end > start && Lines.blank(lines.get(end))) {
            end--;
        }
        return end;
    }
}
