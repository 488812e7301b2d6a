package dev.handbook.extract;

import java.util.regex.Pattern;
import dev.handbook.source.SourceDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A list of questions, one per top-level bullet, grouped under headings (a README-style collection). A nested
 * bullet "Answer: [title](url)" is an answer given as a link; other nested lines are the answer's text. Bullets
 * that are only a link (tables of contents, social links) are not questions.
 */
final class QuestionListExtractor implements Extractor {
    private static final Pattern LINK_LABEL_LINE = Pattern.compile("^(answer|solution|video|read)\\s*:.*");
    private static final Pattern LINK_LABEL = Pattern.compile("(?i)^(answer|solution|video|read)\\s*:\\s*");

    @Override
    public String name() {
        return "question-list";
    }

    @Override
    public int score(SourceDocument doc) {
        int questions = 0;
        int nonBlank = 0;
        for (String line : doc.lines()) {
            if (!Lines.blank(line)) {
                nonBlank++;
            }
            if (isQuestionBullet(line)) {
                questions++;
            }
        }
        if (questions < 10) {
            return 0;
        }
        return questions * 100 >= nonBlank * 30 ? 80 : 30;
    }

    private static boolean isQuestionBullet(String line) {
        Matcher m = Lines.bullet(line);
        if (m == null || m.group(1).length() > 1 || !"-*+•".contains(m.group(2))) {
            return false;
        }
        String text = m.group(3).strip();
        return !Lines.onlyLink(text) && !text.isEmpty() && !isAnswerLink(text);
    }

    private static boolean isAnswerLink(String text) {
        return LINK_LABEL_LINE.matcher(text.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public List<Segment> segment(SourceDocument doc) {
        List<Segment> segments = new ArrayList<>();
        List<String> lines = doc.lines();
        String section = "";
        boolean inFence = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                i++;
                continue;
            }
            if (inFence) {
                i++;
                continue;
            }
            if (Lines.headingLevel(line) > 0) {
                section = Lines.plain(Lines.headingText(line));
                i++;
                continue;
            }
            if (!isQuestionBullet(line)) {
                i++;
                continue;
            }
            int start = i;
            List<String> body = new ArrayList<>();
            List<AnswerLink> links = new ArrayList<>();
            int end = i;
            int j = i + 1;
            while (j < lines.size()) {
                String child = lines.get(j);
                if (Lines.blank(child)) {
                    j++;
                    continue;
                }
                if (Lines.indent(child) < 2) {
                    break;
                }
                Matcher cb = Lines.bullet(child);
                String text = cb != null ? cb.group(3).strip() : child.strip();
                AnswerLink link = answerLink(text);
                if (link != null) {
                    links.add(link);
                } else {
                    body.add(cb != null ? "- " + text : text);
                }
                end = j;
                j++;
            }
            segments.add(new Segment(start + 1, end + 1, Lines.questionText(Lines.bullet(line).group(3)), body,
                    section, links));
            i = j;
        }
        return segments;
    }

    /** "Answer: [title](url)" (or a bare link under a question) as an answer link. */
    private static AnswerLink answerLink(String text) {
        String t = LINK_LABEL.matcher(text).replaceFirst("");
        if (!Lines.onlyLink(t)) {
            return null;
        }
        Matcher m = Lines.links(t);
        if (!m.find()) {
            return null;
        }
        String title = Lines.plain(m.group(1));
        return new AnswerLink(title.isEmpty() ? m.group(2) : title, m.group(2));
    }
}
