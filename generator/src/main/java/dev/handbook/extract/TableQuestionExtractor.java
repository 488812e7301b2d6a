package dev.handbook.extract;

import java.util.regex.Pattern;
import dev.handbook.source.SourceDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Questions kept in a Markdown table with a question column and an answer column ("| Question | Answer |").
 * Each row is an item; other columns (e.g. "Difficulty") are kept with the answer.
 */
final class TableQuestionExtractor implements Extractor {
    private static final Pattern DELIMITER_ROW = Pattern.compile("^\\|?\\s*:?-{2,}.*");
    private static final List<String> QUESTION_HEADERS = List.of("question", "questions", "q", "term", "concept",
            "topic", "prompt");
    private static final List<String> ANSWER_HEADERS = List.of("answer", "answers", "a", "definition",
            "explanation", "solution", "response", "meaning", "description");

    @Override
    public String name() {
        return "question-table";
    }

    @Override
    public int score(SourceDocument doc) {
        int rows = 0;
        for (Table t : tables(doc.lines())) {
            rows += t.rows().size();
        }
        return rows >= 3 ? 75 : 0;
    }

    private record Table(int headerLine, int questionColumn, int answerColumn, List<String> headers,
                         List<Integer> rows) {
    }

    private static List<String> cells(String row) {
        String t = row.strip();
        t = t.startsWith("|") ? t.substring(1) : t;
        t = t.endsWith("|") ? t.substring(0, t.length() - 1) : t;
        List<String> cells = new ArrayList<>();
        for (String c : t.split("(?<!\\\\)\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    private static boolean isRow(String line) {
        String t = line.strip();
        return t.startsWith("|") && t.endsWith("|") && t.length() > 2;
    }

    private static List<Table> tables(List<String> lines) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!isRow(lines.get(i)) || !DELIMITER_ROW.matcher(lines.get(i + 1).strip()).matches()) {
                continue;
            }
            List<String> headers = cells(lines.get(i));
            int q = -1;
            int a = -1;
            for (int c = 0; c < headers.size(); c++) {
                String h = Lines.plain(headers.get(c)).toLowerCase(Locale.ROOT);
                if (q < 0 && QUESTION_HEADERS.contains(h)) {
                    q = c;
                } else if (a < 0 && ANSWER_HEADERS.contains(h)) {
                    a = c;
                }
            }
            if (q < 0 || a < 0) {
                continue;
            }
            List<Integer> rows = new ArrayList<>();
            int j = i + 2;
            for (; j < lines.size() && isRow(lines.get(j)); j++) {
                rows.add(j);
            }
            tables.add(new Table(i, q, a, headers, rows));
            i = j - 1;
        }
        return tables;
    }

    @Override
    public List<Segment> segment(SourceDocument doc) {
        List<Segment> segments = new ArrayList<>();
        String section = "";
        int next = 0;
        for (Table t : tables(doc.lines())) {
            for (int i = next; i < t.headerLine(); i++) {
                if (Lines.headingLevel(doc.lines().get(i)) > 0) {
                    section = Lines.plain(Lines.headingText(doc.lines().get(i)));
                }
            }
            for (int row : t.rows()) {
                List<String> cells = cells(doc.lines().get(row));
                if (cells.size() <= Math.max(t.questionColumn(), t.answerColumn())) {
                    continue;
                }
                List<String> body = new ArrayList<>();
                body.add(cells.get(t.answerColumn()).replace("<br>", "\n").replace("<br/>", "\n"));
                for (int c = 0; c < cells.size() && c < t.headers().size(); c++) {
                    if (c != t.questionColumn() && c != t.answerColumn() && !cells.get(c).isBlank()) {
                        body.add("");
                        body.add("**" + Lines.plain(t.headers().get(c)) + ":** " + cells.get(c));
                    }
                }
                segments.add(new Segment(row + 1, row + 1, Lines.questionText(cells.get(t.questionColumn())),
                        body, section, List.of()));
            }
            next = t.rows().isEmpty() ? t.headerLine() + 2 : t.rows().get(t.rows().size() - 1) + 1;
        }
        return segments;
    }
}
