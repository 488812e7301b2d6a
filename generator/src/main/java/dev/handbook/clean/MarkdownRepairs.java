package dev.handbook.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Repairs for Markdown that lost its structure in copying. Each method takes lines and returns new lines. */
final class MarkdownRepairs {
    private static final Pattern BOLD_BEFORE_WORD = Pattern.compile("^(\\*\\*[^*]+?\\*\\*)(?=[\\p{L}\\p{N}(])");
    private static final Pattern HAS_OPERATOR = Pattern.compile(".*[/×÷*].*");
    private static final Pattern LABEL_LINE = Pattern.compile("^[A-Z][^.!?:]{0,60}:$");
    private static final Pattern TITLE_LINE = Pattern.compile("^[A-Z][^.!?:;,]{0,60}[^.!?:;,\\s]$");
    private static final Pattern LABELLED_TEXT = Pattern.compile("^[A-Z][\\w/ -]{0,30}:\\s+\\S.*");
    private static final Pattern ENDS_IN_WORD = Pattern.compile(".*[\\p{L}\\p{N}]$");
    private static final Pattern LOWER_START = Pattern.compile("^[a-z_`].*");
    private static final Pattern ANNOUNCING_ITEM = Pattern.compile("^[-*+]\\s+.*:$");
    /** A bold label glued to the text before it: "...example.**Boosting:**Trains". */
    private static final Pattern GLUED_BOLD = Pattern.compile("(?<=[^\\s*])\\*\\*(?=[^*\\s][^*]{0,80}?\\*\\*)");
    private static final Pattern LEADING_BOLD = Pattern.compile("^\\*\\*[^*]{1,80}?\\*\\*");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern DELIMITER_ROW = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d{1,3}[.)])\\s+.*");
    private static final Pattern TERM_ITEM = Pattern.compile("^([-*+])\\s+[^:]{2,60}:\\s+\\S.*");
    private static final Pattern MISSING_CODE_LABEL = Pattern.compile(
            "(?i)^\\s*(\\*\\*)?(code sample|code example|sample code|example code|code|solution|implementation)s?"
                    + "\\s*:?\\s*(\\*\\*)?\\s*:?\\s*$");

    private MarkdownRepairs() {
    }

    /**
     * "**Bagging:**Combines ... bagging.**Boosting:**Trains ..." becomes a list with one item per bold label.
     * Only a line that starts with a bold label and has another bold label glued to preceding text is split.
     */
    static List<String> splitGluedBoldLabels(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            boolean startsBold = LEADING_BOLD.matcher(t).find();
            Matcher glued = GLUED_BOLD.matcher(t);
            if (!startsBold || !glued.find()) {
                out.add(line);
                continue;
            }
            List<String> parts = new ArrayList<>();
            int from = 0;
            glued.reset();
            while (glued.find()) {
                // only split where a bold *opens*: count the ** before this point
                String before = t.substring(0, glued.start());
                if (countMarks(before) % 2 == 0) {
                    parts.add(t.substring(from, glued.start()));
                    from = glued.start();
                }
            }
            parts.add(t.substring(from));
            for (String part : parts) {
                out.add("- " + spaceAfterBold(part.strip()));
            }
        }
        return out;
    }

    /** "**Label:**Text" gets its missing space: "**Label:** Text". */
    static String spaceAfterBold(String text) {
        return BOLD_BEFORE_WORD.matcher(text).replaceFirst("$1 ");
    }

    private static int countMarks(String s) {
        int n = 0;
        int i = s.indexOf("**");
        while (i >= 0) {
            n++;
            i = s.indexOf("**", i + 2);
        }
        return n;
    }

    /**
     * A table whose header has its empty corner cell at the end instead of the start ("| Bias | Variance | |"
     * over rows "| Definition | ... | ... |") gets the corner moved to the front, so the headers sit over their
     * columns.
     */
    static List<String> repairShiftedHeaders(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i + 2 < out.size(); i++) {
            if (!TABLE_ROW.matcher(out.get(i)).matches() || !DELIMITER_ROW.matcher(out.get(i + 1)).matches()) {
                continue;
            }
            List<String> header = cells(out.get(i));
            if (header.size() < 3 || !header.get(header.size() - 1).isEmpty() || header.get(0).isEmpty()) {
                continue;
            }
            boolean bodyFull = true;
            int rows = 0;
            for (int j = i + 2; j < out.size() && TABLE_ROW.matcher(out.get(j)).matches(); j++) {
                List<String> row = cells(out.get(j));
                bodyFull &= row.size() == header.size() && row.stream().noneMatch(String::isEmpty);
                rows++;
            }
            if (bodyFull && rows > 0) {
                List<String> fixed = new ArrayList<>();
                fixed.add("");
                fixed.addAll(header.subList(0, header.size() - 1));
                out.set(i, row(fixed));
            }
        }
        return out;
    }

    /** Table cells holding a plain-text formula ("TP / (TP + FP)") get it in TeX, to be typeset. */
    static List<String> typesetFormulaCells(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean inBody = false;
        for (String line : lines) {
            boolean row = TABLE_ROW.matcher(line).matches();
            if (row && DELIMITER_ROW.matcher(line).matches()) {
                inBody = true;
                out.add(line);
                continue;
            }
            inBody &= row;
            if (!inBody) {
                out.add(line);
                continue;
            }
            List<String> cells = cells(line);
            boolean changed = false;
            for (int c = 0; c < cells.size(); c++) {
                java.util.Optional<String> tex = PlainFormula.toTex(cells.get(c));
                if (tex.isPresent() && HAS_OPERATOR.matcher(cells.get(c)).matches()) {
                    cells.set(c, "$" + tex.get() + "$");
                    changed = true;
                }
            }
            out.add(changed ? row(cells) : line);
        }
        return out;
    }

    static List<String> cells(String row) {
        String t = row.strip();
        if (t.startsWith("|")) {
            t = t.substring(1);
        }
        if (t.endsWith("|") && !t.endsWith("\\|")) {
            t = t.substring(0, t.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String c : t.split("(?<!\\\\)\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(c).append(c.isEmpty() ? "" : " ").append('|');
        }
        return sb.toString();
    }

    /**
     * In loose Markdown every line is a block of its own (a title, a sentence, a label), but Markdown would join
     * consecutive lines into one paragraph. Blank lines are put between lines unless both belong to the same list,
     * table or code block.
     */
    static List<String> separateLooseLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean fenceMark = line.strip().startsWith("```");
            if (i > 0 && !inFence && !fenceMark && !line.isBlank() && !lines.get(i - 1).isBlank()) {
                String prev = lines.get(i - 1);
                boolean sameList = LIST_ITEM.matcher(prev).matches() && LIST_ITEM.matcher(line).matches();
                boolean sameTable = TABLE_ROW.matcher(prev).matches() && TABLE_ROW.matcher(line).matches();
                boolean prevFenceEnd = prev.strip().startsWith("```");
                if (!sameList && !sameTable || prevFenceEnd) {
                    out.add("");
                }
            } else if (fenceMark && !inFence && i > 0 && !lines.get(i - 1).isBlank()) {
                out.add("");
            }
            out.add(line);
            if (fenceMark) {
                inFence = !inFence;
            }
        }
        return out;
    }

    /**
     * In loose Markdown, a bare title line ("Monitoring Strategy") or a short label ("Pipeline:") becomes bold,
     * and a leading term ("Signs: ...") is set in bold, so the structure the writer meant stays visible.
     */
    static List<String> emphasizeLooseLabels(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            }
            boolean plain = !inFence && !line.isBlank() && line.equals(line.strip()) && !LIST_ITEM.matcher(line).matches()
                    && !TABLE_ROW.matcher(line).matches() && !line.startsWith("#") && !line.startsWith("*")
                    && !line.startsWith(">") && !line.startsWith("```");
            boolean hasNext = i + 1 < lines.size() && !lines.get(i + 1).isBlank();
            if (plain && LABEL_LINE.matcher(line).matches() && words(line) <= 5) {
                out.add("**" + line + "**");
            } else if (plain && hasNext && TITLE_LINE.matcher(line).matches() && words(line) <= 6) {
                out.add("**" + line + "**");
            } else if (plain && LABELLED_TEXT.matcher(line).matches()
                    && words(line.substring(0, line.indexOf(':'))) <= 3) {
                int colon = line.indexOf(':');
                out.add("**" + line.substring(0, colon + 1) + "**" + line.substring(colon + 1));
            } else {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * A list item cut in two ("- Create" / "record_table mapping ...") is joined again: the item ends without
     * punctuation and the next line is plain text starting in lower case.
     */
    static List<String> joinBrokenItems(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int last = out.size() - 1;
            if (last >= 0 && LIST_ITEM.matcher(out.get(last)).matches() && ENDS_IN_WORD.matcher(out.get(last)).matches()
                    && LOWER_START.matcher(line).matches() && !LIST_ITEM.matcher(line).matches()) {
                out.set(last, out.get(last) + " " + line.strip());
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private static int words(String s) {
        return s.strip().split("\\s+").length;
    }

    /** True when a body has several lines and no blank line: written one block per line. */
    static boolean isLoose(List<String> lines) {
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        return nonBlank > 1 && lines.stream().noneMatch(String::isBlank);
    }

    /**
     * "- Builds profiles via:" followed by "- Term: text" items lost their nesting; the term items are indented
     * under the item that announced them with a colon.
     */
    static List<String> nestAnnouncedItems(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean nesting = false;
        for (String line : lines) {
            String t = line.strip();
            if (nesting && TERM_ITEM.matcher(t).matches() && line.equals(t)) {
                out.add("  " + line);
                continue;
            }
            nesting = ANNOUNCING_ITEM.matcher(t).matches() && line.equals(t);
            out.add(line);
        }
        return out;
    }

    /** A trailing "Code sample:" with no code after it: the source lost its code. */
    static boolean endsWithMissingCode(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return MISSING_CODE_LABEL.matcher(lines.get(i)).matches();
            }
        }
        return false;
    }

    static List<String> withoutTrailingLabel(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        if (!out.isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
