package dev.handbook.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds a comparison table that a text capture flattened into one cell per line. In such captures cells are
 * separated by one blank line and an empty cell shows up as an extra blank line, so the cell grid survives even
 * when labels were lost. A run of cells is a table when, for some column count, every row after the header has
 * its value cells filled, empty cells occur only in the label column or the header, and labels are short.
 * A lost header of a two-way comparison is recovered from the question ("difference between X and Y").
 */
final class FlatTableRebuilder {
    private static final int MAX_LABEL_WORDS = 6;
    private static final Pattern BETWEEN = Pattern.compile(
            "(?i)\\bbetween\\s+(?:the\\s+)?(.{1,40}?)\\s+and\\s+(?:the\\s+)?(.{1,40}?)"
                    + "(?:\\s+(?:algorithms?|models?|methods?|techniques?))?\\s*[?.]?$");
    private static final Pattern VERSUS = Pattern.compile(
            "(?i)^(?:explain\\s+|compare\\s+)?(.{1,40}?)\\s+(?:vs\\.?|versus)\\s+(.{1,40}?)\\s*[?.]?$");

    record Table(List<List<String>> rows, int consumed) {
    }

    private FlatTableRebuilder() {
    }

    /** A table starting at {@code blocks.get(start)}, if the blocks there form one. */
    static Optional<Table> rebuild(List<TextBlock> blocks, int start, String question) {
        if (start >= blocks.size() || blocks.get(start).blanksBefore() < 2) {
            return Optional.empty(); // a flattened table announces itself with an empty cell
        }
        List<String> cells = new ArrayList<>();
        List<Integer> blockOfCell = new ArrayList<>();
        for (int b = start; b < blocks.size(); b++) {
            TextBlock block = blocks.get(b);
            if (TextCleaner.isBullet(block.text())) {
                break;
            }
            int empties = b == start ? block.blanksBefore() - 1 : block.blanksBefore() - 1;
            for (int e = 0; e < empties; e++) {
                cells.add("");
                blockOfCell.add(b);
            }
            cells.add(block.text().strip());
            blockOfCell.add(b);
        }
        Table best = null;
        for (int columns : new int[]{3, 2, 4, 5}) {
            Table t = tryColumns(cells, blockOfCell, start, columns);
            if (t != null && (best == null || t.rows().size() * columns > best.rows().size() * best.rows().get(0).size())) {
                best = t;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<String> header = best.rows().get(0);
        if (header.stream().allMatch(String::isEmpty) && header.size() == 3) {
            Matcher m = BETWEEN.matcher(question.strip());
            if (!m.find()) {
                m = VERSUS.matcher(question.strip());
            }
            if (m.find(0)) {
                header.set(1, capitalize(m.group(1).strip()));
                header.set(2, capitalize(m.group(2).strip()));
            }
        }
        return Optional.of(best);
    }

    private static Table tryColumns(List<String> cells, List<Integer> blockOfCell, int start, int columns) {
        List<List<String>> rows = new ArrayList<>();
        int used = 0;
        for (int r = 0; (r + 1) * columns <= cells.size(); r++) {
            List<String> row = new ArrayList<>(cells.subList(r * columns, (r + 1) * columns));
            if (r > 0 && !validRow(row)) {
                break;
            }
            if (r == 0 && !validHeader(row)) {
                return null;
            }
            rows.add(row);
            used = (r + 1) * columns;
        }
        if (rows.size() < 3) {
            return null;
        }
        // The table must end at a block boundary, and its empty cells must all be the label's or the header's.
        int lastBlock = blockOfCell.get(used - 1);
        if (used < cells.size() && blockOfCell.get(used).equals(lastBlock)) {
            return null;
        }
        return new Table(rows, lastBlock - start + 1);
    }

    private static boolean validHeader(List<String> row) {
        for (String c : row) {
            if (!c.isEmpty() && !labelLike(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validRow(List<String> row) {
        if (!row.get(0).isEmpty() && !labelLike(row.get(0))) {
            return false;
        }
        for (int c = 1; c < row.size(); c++) {
            String cell = row.get(c);
            if (cell.isEmpty() || cell.length() > 300 || cell.endsWith(":")) {
                return false;
            }
        }
        return true;
    }

    private static boolean labelLike(String cell) {
        return cell.split("\\s+").length <= MAX_LABEL_WORDS && !cell.endsWith(".") && !cell.endsWith(":");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String toMarkdown(Table table) {
        StringBuilder sb = new StringBuilder();
        List<List<String>> rows = table.rows();
        for (int r = 0; r < rows.size(); r++) {
            sb.append('|');
            for (String cell : rows.get(r)) {
                String text = TextCleaner.escape(cell).replace("|", "\\|");
                sb.append(' ').append(text).append(text.isEmpty() ? "" : " ").append('|');
            }
            sb.append('\n');
            if (r == 0) {
                sb.append("|").append(" --- |".repeat(rows.get(0).size())).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }
}
