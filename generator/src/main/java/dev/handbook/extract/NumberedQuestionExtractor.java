package dev.handbook.extract;

import dev.handbook.source.SourceDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text whose questions are numbered lines: "Question 6: What is ...?" or "6. Explain ...", with the numbering
 * possibly restarting under bare section titles ("Core ML Concepts", "ML Coding Questions"). A numbered line is a
 * question when it continues the question numbering, or restarts it at 1 after a section title; numbered lists
 * inside answers (indented, or continuing another list) are not. Between sections, a title such as
 * "Design: X" or "Case study: Y" is a question too (a design exercise).
 */
final class NumberedQuestionExtractor implements Extractor {
    private static final Pattern MARKER = Pattern.compile(
            "^\\s{0,3}(?:#{1,6}\\s*)?(?:\\*\\*)?(?i:question|q)\\s*(\\d{1,4})\\s*[:.)\\-–—]\\s*(\\S.*)$");
    /** Numbered plain lines; numbered headings are the heading extractor's. */
    private static final Pattern NUMBERED = Pattern.compile("^(?:\\*\\*)?(\\d{1,4})[.)]\\s+(\\S.*)$");
    private static final Pattern TASK_TITLE = Pattern.compile(
            "^(?i:design|case study|case|exercise|problem|scenario|task)\\s*[:\\-–—]\\s*\\S.*");

    @Override
    public String name() {
        return "numbered-questions";
    }

    @Override
    public int score(SourceDocument doc) {
        int n = questionLines(doc.lines()).size();
        if (n < 3) {
            return 0;
        }
        return markerCount(doc.lines()) >= 3 ? 80 : 70;
    }

    private static long markerCount(List<String> lines) {
        return lines.stream().filter(l -> MARKER.matcher(l).matches()).count();
    }

    /** A question line; {@code restart} when its numbering starts again at 1 under a new section. */
    record Mark(int line, boolean restart) {
    }

    static List<Mark> questionLines(List<String> lines) {
        List<Mark> accepted = new ArrayList<>();
        if (markerCount(lines) >= 3) {
            for (int i = 0; i < lines.size(); i++) {
                if (MARKER.matcher(lines.get(i)).matches()) {
                    accepted.add(new Mark(i, false));
                }
            }
            return accepted;
        }
        int previousNumber = 0;
        int previousLine = -1;
        int lastNumberedLine = -1;
        int lastNumber = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = NUMBERED.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            // A numbered line right after a numbered line that was not a question continues that answer's list.
            boolean inOtherList = lastNumberedLine >= 0 && lastNumberedLine != previousLine
                    && lastNumber == n - 1 && onlyBlankBetween(lines, lastNumberedLine, i);
            boolean continues = n == previousNumber + 1 && !inOtherList;
            boolean restarts = n == 1 && (previousLine < 0 || sectionTitle(lines, previousLine + 1, i) >= 0);
            if (continues || restarts) {
                accepted.add(new Mark(i, restarts && previousLine >= 0));
                previousNumber = n;
                previousLine = i;
            }
            lastNumberedLine = i;
            lastNumber = n;
        }
        return accepted;
    }

    private static boolean onlyBlankBetween(List<String> lines, int from, int to) {
        for (int j = from + 1; j < to; j++) {
            if (!Lines.blank(lines.get(j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first section title in {@code [from, to)}: a title line followed directly by another title or by the
     * question, or -1.
     */
    private static int sectionTitle(List<String> lines, int from, int to) {
        List<Integer> titles = sectionTitles(lines, from, to);
        return titles.isEmpty() ? -1 : titles.get(0);
    }

    private static List<Integer> sectionTitles(List<String> lines, int from, int to) {
        List<Integer> titles = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!Lines.titleLike(lines.get(i)) && Lines.headingLevel(lines.get(i)) == 0) {
                continue;
            }
            int next = i + 1;
            while (next < to && Lines.blank(lines.get(next))) {
                next++;
            }
            if (next >= to || Lines.titleLike(lines.get(next)) || Lines.headingLevel(lines.get(next)) > 0) {
                titles.add(i);
            }
        }
        return titles;
    }

    @Override
    public List<Segment> segment(SourceDocument doc) {
        List<String> lines = doc.lines();
        List<Mark> marks = questionLines(lines);
        boolean markerMode = markerCount(lines) >= 3;
        List<int[]> starts = new ArrayList<>(); // {line, kind}: kind 0 question, 1 task title
        String[] sections = new String[lines.size()];
        String section = "";
        int[] bodyLimit = new int[lines.size()];
        for (int q = 0; q < marks.size(); q++) {
            int line = marks.get(q).line();
            int previous = q == 0 ? -1 : marks.get(q - 1).line();
            if (!markerMode && (marks.get(q).restart() || q == 0)) {
                // A restart: the previous answer ends at the first section title; tasks may sit in between.
                List<Integer> titles = sectionTitles(lines, previous + 1, line);
                if (!titles.isEmpty()) {
                    if (previous >= 0) {
                        bodyLimit[previous] = titles.get(0);
                    }
                    section = Lines.plain(Lines.headingText(lines.get(titles.get(0))));
                    String gapSection = section;
                    int gapStart = titles.get(0) + 1;
                    for (int i = gapStart; i < line; i++) {
                        if (titles.contains(i)) {
                            String t = lines.get(i).strip();
                            if (!TASK_TITLE.matcher(t).matches()) {
                                gapSection = Lines.plain(Lines.headingText(lines.get(i)));
                            }
                        }
                        if (TASK_TITLE.matcher(lines.get(i).strip()).matches() && Lines.titleLike(lines.get(i))) {
                            starts.add(new int[]{i, 1});
                            sections[i] = gapSection;
                        }
                    }
                    section = gapSection;
                    // A task's answer ends at the next section title.
                    for (int t : titles) {
                        if (t > titles.get(0) && !TASK_TITLE.matcher(lines.get(t).strip()).matches()) {
                            for (int[] s : starts) {
                                if (s[1] == 1 && s[0] < t && (bodyLimit[s[0]] == 0 || bodyLimit[s[0]] > t)) {
                                    bodyLimit[s[0]] = t;
                                }
                            }
                        }
                    }
                }
            }
            starts.add(new int[]{line, 0});
            sections[line] = section;
        }
        starts.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Segment> segments = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int start = starts.get(s)[0];
            int limit = s + 1 < starts.size() ? starts.get(s + 1)[0] : lines.size();
            if (bodyLimit[start] > start && bodyLimit[start] < limit) {
                limit = bodyLimit[start];
            }
            int end = HeadingQuestionExtractor.lastNonBlank(lines, start, limit);
            String question = starts.get(s)[1] == 1 ? lines.get(start).strip() : questionOf(lines.get(start));
            segments.add(new Segment(start + 1, end + 1, question, lines.subList(start + 1, end + 1),
                    sections[start] == null ? "" : sections[start], List.of()));
        }
        return segments;
    }

    private static String questionOf(String line) {
        Matcher m = MARKER.matcher(line);
        if (m.matches()) {
            return Lines.questionText(m.group(2));
        }
        return Lines.questionText(line);
    }
}
