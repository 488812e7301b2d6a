package dev.handbook.extract;

import dev.handbook.source.SourceDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Articles whose answers come in labelled parts that repeat for every question ("Why you might get asked this:",
 * "How to answer:", "Example answer:"), and FAQ pairs "Q1: ... / A1: ...". A label is any short line ending in a
 * colon that recurs at least three times, so the extractor knows no particular article's wording.
 */
final class LabelledAnswerExtractor implements Extractor {
    private static final Pattern LABEL = Pattern.compile("^\\s*([A-Z][^:?.!]{2,60}):\\s*$");
    private static final Pattern FAQ_Q = Pattern.compile("^\\s*(?:\\*\\*)?Q(\\d{1,4})\\s*[:.)]\\s*(.+)$");
    private static final Pattern FAQ_A = Pattern.compile("^\\s*(?:\\*\\*)?A(\\d{1,4})\\s*[:.)]\\s*(?:\\*\\*)?\\s*(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:#{1,6}\\s*)?(?:\\*\\*)?\\d{1,4}[.)]\\s+\\S.*$");

    @Override
    public String name() {
        return "labelled-answers";
    }

    @Override
    public int score(SourceDocument doc) {
        return repeatedLabels(doc.lines()).size() >= 2 ? 95 : 0;
    }

    static Set<String> repeatedLabels(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            Matcher m = LABEL.matcher(line);
            if (m.matches()) {
                counts.merge(m.group(1).strip(), 1, Integer::sum);
            }
        }
        Set<String> labels = new HashSet<>();
        counts.forEach((label, n) -> {
            if (n >= 3) {
                labels.add(label);
            }
        });
        return labels;
    }

    @Override
    public List<Segment> segment(SourceDocument doc) {
        List<String> lines = doc.lines();
        Set<String> labels = repeatedLabels(lines);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (isLabel(lines.get(i), labels) || afterLabel(lines, i, labels)) {
                continue; // a label's own text, however much it reads like a question
            }
            int next = nextNonBlank(lines, i + 1);
            boolean beforeLabel = next >= 0 && isLabel(lines.get(next), labels);
            boolean questionLine = NUMBERED.matcher(lines.get(i)).matches() || Lines.questionLike(lines.get(i));
            boolean faq = FAQ_Q.matcher(lines.get(i)).matches() && next >= 0 && FAQ_A.matcher(lines.get(next)).matches();
            if ((beforeLabel && questionLine) || faq) {
                starts.add(i);
            }
        }
        List<Segment> segments = new ArrayList<>();
        String section = "";
        int previousEnd = -1;
        for (int s = 0; s < starts.size(); s++) {
            int start = starts.get(s);
            section = sectionBetween(lines, previousEnd + 1, start, section);
            int limit = s + 1 < starts.size() ? starts.get(s + 1) : lines.size();
            List<String> body = new ArrayList<>();
            int end = start;
            boolean sawContent = false;
            for (int j = start + 1; j < limit; j++) {
                String line = lines.get(j);
                if (Lines.blank(line)) {
                    body.add("");
                    continue;
                }
                // After the answer's parts, a bare title line starts something else (tips, FAQ, ...).
                if (sawContent && !isLabel(line, labels) && Lines.titleLike(line)) {
                    break;
                }
                Matcher a = FAQ_A.matcher(line);
                String text = a.matches() ? a.group(2) : line;
                body.add(text);
                sawContent = true;
                end = j;
            }
            while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
                body.remove(body.size() - 1);
            }
            Matcher q = FAQ_Q.matcher(lines.get(start));
            String question = q.matches() ? Lines.plain(q.group(2)) : Lines.questionText(lines.get(start));
            segments.add(new Segment(start + 1, end + 1, question, body, section, List.of()));
            previousEnd = end;
        }
        return segments;
    }

    /**
     * A title line shortly before a question (at most two lines of intro between) names the section the question
     * is in; a title followed by more text (a preview list, an essay) does not.
     */
    private static String sectionBetween(List<String> lines, int from, int to, String current) {
        int between = 0;
        for (int i = to - 1; i >= Math.max(0, from) && between <= 2; i--) {
            String line = lines.get(i);
            if (Lines.blank(line)) {
                continue;
            }
            if (Lines.titleLike(line) || Lines.headingLevel(line) > 0) {
                return Lines.plain(Lines.headingText(line));
            }
            between++;
        }
        return current;
    }

    private static boolean isLabel(String line, Set<String> labels) {
        Matcher m = LABEL.matcher(line);
        return m.matches() && labels.contains(m.group(1).strip());
    }

    private static boolean afterLabel(List<String> lines, int i, Set<String> labels) {
        for (int j = i - 1; j >= 0; j--) {
            if (!Lines.blank(lines.get(j))) {
                return isLabel(lines.get(j), labels);
            }
        }
        return false;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!Lines.blank(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
