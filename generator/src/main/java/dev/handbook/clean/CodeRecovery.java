package dev.handbook.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds source code that lost its fence (and often its indentation) and fences it again: a run of lines that look
 * like code (assignments, calls, imports, keywords, comments, brackets), with at least two code lines or one
 * unmistakable one (import, def, class). Python that lost its indentation gets it back from {@link PythonIndenter}.
 */
final class CodeRecovery {
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(import\\s+[\\w.]+.*|from\\s+[\\w.]+\\s+import\\b.*|def\\s+\\w+\\s*\\(.*|class\\s+\\w+\\s*[(:].*"
                    + "|return\\b.*|print\\s*\\(.*|for\\s+[\\w, ()]+\\s+in\\s+.+:\\s*(#.*)?|while\\s+.+:\\s*"
                    + "|if\\s+.+:\\s*|elif\\s+.+:\\s*|else\\s*:\\s*|try\\s*:\\s*|except\\b.*:\\s*|with\\s+.+:\\s*"
                    + "|[A-Za-z_][\\w.\\[\\]\"', ]*\\s*(=|\\+=|-=|\\*=|/=)\\s*\\S.*|[A-Za-z_][\\w.]*\\(.*\\)\\s*(#.*)?"
                    + "|[\\])}]+[,;)]*\\s*|#\\s.*|@\\w+.*|pass\\s*|break\\s*|continue\\s*|raise\\b.*)$");
    private static final Pattern STRONG = Pattern.compile(
            "^\\s*(import\\s+[\\w.]+|from\\s+[\\w.]+\\s+import\\b|def\\s+\\w+\\s*\\(|class\\s+\\w+\\s*[(:]).*");
    private static final Pattern PYTHON = Pattern.compile(
            "^\\s*(import\\s|from\\s+\\S+\\s+import|def\\s|class\\s.*:|print\\(|for\\s.+\\sin\\s.+:|elif\\s|self\\.).*");
    /** Prose that merely contains '=' or parentheses: a capitalised sentence of several plain words. */
    private static final Pattern PROSE = Pattern.compile("^[A-Z][a-z]+(\\s+[a-z][a-z'-]*){3,}.*");

    private CodeRecovery() {
    }

    static boolean codeLike(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("|") || t.startsWith("- ") || t.startsWith("* ") || PROSE.matcher(t).matches()) {
            return false;
        }
        return CODE_LINE.matcher(t).matches();
    }

    /** The lines with every unfenced run of code fenced. */
    static List<String> fence(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                inFence = !inFence;
                out.add(line);
                i++;
                continue;
            }
            if (inFence || !codeLike(line)) {
                out.add(line);
                i++;
                continue;
            }
            int end = runEnd(lines, i);
            List<String> run = lines.subList(i, end);
            long codeLines = run.stream().filter(l -> !l.isBlank()).count();
            boolean strong = run.stream().anyMatch(l -> STRONG.matcher(l).matches());
            if (codeLines >= 2 && (strong || codeLines >= 3 || run.stream().anyMatch(l -> l.strip().endsWith(":")))) {
                boolean python = run.stream().anyMatch(l -> PYTHON.matcher(l).matches());
                List<String> code = python && PythonIndenter.lostIndentation(run) ? PythonIndenter.indent(run) : run;
                out.add("```" + (python ? "python" : ""));
                out.addAll(code);
                out.add("```");
                i = end;
            } else {
                out.add(line);
                i++;
            }
        }
        return out;
    }

    /** End (exclusive) of the code run starting at {@code start}: code lines and lines inside open brackets. */
    private static int runEnd(List<String> lines, int start) {
        int depth = 0;
        int i = start;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                break;
            }
            if (depth <= 0 && !codeLike(line)) {
                break;
            }
            depth += PythonIndenter.depthChange(line);
            i++;
        }
        return i;
    }
}
