package dev.handbook.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds TeX in Markdown before commonmark sees it: {@code $$...$$} (display, may span lines) and {@code $...$}
 * (inline, one line), never inside code spans or fenced code, never an escaped {@code \$}. A dollar is inline math
 * only when the text after it starts without a space and the text before the closing dollar ends without one, and
 * the closing dollar is not followed by a digit, and a dollar before a digit opens math only if no space follows
 * before the closing one, so prices ("costs $5 and $10") stay text. Each formula is replaced
 * by a placeholder word that Markdown leaves alone.
 */
final class MathSpans {
    static final String OPEN = "KATEXMATHQ";
    static final String CLOSE = "QEND";

    record Formula(String tex, boolean display, int line) {
    }

    record Result(String markdown, List<Formula> formulas) {
    }

    private MathSpans() {
    }

    static String placeholder(int index) {
        return OPEN + index + CLOSE;
    }

    static Result extract(String markdown) {
        List<Formula> formulas = new ArrayList<>();
        StringBuilder out = new StringBuilder(markdown.length());
        String[] lines = markdown.split("\n", -1);
        boolean inFence = false;
        String fence = "";
        StringBuilder display = null;
        int displayLine = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String trimmed = line.strip();
            if (display == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                String marker = trimmed.substring(0, 3);
                if (!inFence) {
                    inFence = true;
                    fence = marker;
                } else if (trimmed.startsWith(fence)) {
                    inFence = false;
                }
                out.append(line).append(n + 1 < lines.length ? "\n" : "");
                continue;
            }
            if (inFence || line.startsWith("    ") && display == null && trimmed.length() > 0 && isIndentedCode(lines, n)) {
                out.append(line).append(n + 1 < lines.length ? "\n" : "");
                continue;
            }
            StringBuilder rebuilt = new StringBuilder();
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (display != null) {
                    int end = line.indexOf("$$", i);
                    if (end < 0) {
                        display.append(line, i, line.length()).append('\n');
                        i = line.length();
                        continue;
                    }
                    display.append(line, i, end);
                    rebuilt.append(placeholder(formulas.size()));
                    formulas.add(new Formula(display.toString().strip(), true, displayLine));
                    display = null;
                    i = end + 2;
                    continue;
                }
                if (c == '\\' && i + 1 < line.length()) {
                    rebuilt.append(c).append(line.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '`') {
                    int ticks = 1;
                    while (i + ticks < line.length() && line.charAt(i + ticks) == '`') {
                        ticks++;
                    }
                    int close = line.indexOf("`".repeat(ticks), i + ticks);
                    int end = close < 0 ? i + ticks : close + ticks;
                    rebuilt.append(line, i, end);
                    i = end;
                    continue;
                }
                if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '$') {
                    display = new StringBuilder();
                    displayLine = n + 1;
                    i += 2;
                    continue;
                }
                if (c == '$') {
                    int close = closingDollar(line, i);
                    if (close > 0) {
                        rebuilt.append(placeholder(formulas.size()));
                        formulas.add(new Formula(line.substring(i + 1, close), false, n + 1));
                        i = close + 1;
                        continue;
                    }
                }
                rebuilt.append(c);
                i++;
            }
            out.append(rebuilt);
            if (display == null) {
                out.append(n + 1 < lines.length ? "\n" : "");
            }
        }
        if (display != null) {
            // unbalanced $$: keep the text as it was written
            out.append("\\$\\$").append(display.toString().replace("$", "\\$"));
        }
        return new Result(out.toString(), formulas);
    }

    private static boolean isIndentedCode(String[] lines, int n) {
        return n == 0 || lines[n - 1].isBlank() || lines[n - 1].startsWith("    ");
    }

    /** Index of the dollar closing an inline formula opened at {@code open}, or -1 when this is not math. */
    static int closingDollar(String line, int open) {
        if (open + 1 >= line.length() || Character.isWhitespace(line.charAt(open + 1))) {
            return -1;
        }
        boolean price = Character.isDigit(line.charAt(open + 1));
        for (int j = open + 1; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '`' || price && Character.isWhitespace(c)) {
                return -1; // math never spans code, and "$10 and ..." is money
            }
            if (c == '$') {
                boolean spaceBefore = Character.isWhitespace(line.charAt(j - 1));
                boolean digitAfter = j + 1 < line.length() && Character.isDigit(line.charAt(j + 1));
                if (spaceBefore || digitAfter || j == open + 1) {
                    return -1;
                }
                return j;
            }
        }
        return -1;
    }
}
