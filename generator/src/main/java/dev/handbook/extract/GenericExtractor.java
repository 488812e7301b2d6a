package dev.handbook.extract;

import java.util.regex.Pattern;
import dev.handbook.source.SourceDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * The fallback for shapes no other extractor knows: any line that starts a block (a heading, a bold line, a
 * numbered or top-level bulleted line, or a line after a blank) and ends with a question mark is a question; its
 * answer runs to the next question or the next heading that is not a question.
 */
final class GenericExtractor implements Extractor {
    private static final Pattern Q_LABEL = Pattern.compile("^(?i:q\\d*|question\\s*\\d*)\\s*[:.)].*");

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public int score(SourceDocument doc) {
        return 10;
    }

    static boolean isQuestionLine(List<String> lines, int i) {
        String line = lines.get(i);
        if (Lines.blank(line) || Lines.indent(line) > 3 || line.strip().startsWith("|")) {
            return false;
        }
        String question = Lines.questionText(stripBullet(line));
        if (!question.endsWith("?") || question.length() > 300 || question.length() < 8) {
            return false;
        }
        String t = line.strip();
        boolean marked = Lines.headingLevel(line) > 0 || t.startsWith("**") || Lines.bullet(line) != null
                || Q_LABEL.matcher(t).matches();
        boolean blockStart = i == 0 || Lines.blank(lines.get(i - 1)) || Lines.headingLevel(lines.get(i - 1)) > 0;
        return marked || blockStart;
    }

    private static String stripBullet(String line) {
        var m = Lines.bullet(line);
        return m != null ? m.group(3) : line;
    }

    @Override
    public List<Segment> segment(SourceDocument doc) {
        List<String> lines = doc.lines();
        List<Segment> segments = new ArrayList<>();
        String section = "";
        boolean inFence = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            }
            if (inFence || !isQuestionLine(lines, i)) {
                if (!inFence && Lines.headingLevel(line) > 0) {
                    section = Lines.plain(Lines.headingText(line));
                }
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
                if (!fence && (isQuestionLine(lines, j) || Lines.headingLevel(next) > 0)) {
                    break;
                }
                j++;
            }
            int end = HeadingQuestionExtractor.lastNonBlank(lines, i, j);
            segments.add(new Segment(i + 1, end + 1, Lines.questionText(stripBullet(line)),
                    lines.subList(i + 1, end + 1), section, List.of()));
            i = j;
        }
        return segments;
    }
}
