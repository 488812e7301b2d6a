package dev.handbook.clean;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores the indentation of Python code whose leading whitespace was lost. Python's block structure is only
 * partly recoverable, so this infers it: a line ending in ':' opens a block; the next statement is inside it; a
 * later statement stays inside a loop or condition only while it uses a name the block binds (its loop variable,
 * its condition's names, or a name assigned in it); {@code return}, {@code break} and friends close a block;
 * {@code def} with {@code self} is a method of the enclosing class; {@code class} starts at the top level;
 * {@code elif}/{@code else}/{@code except}/{@code finally} align with their opener; lines inside open brackets are
 * continuation lines; comments take the indentation of the code after them.
 */
final class PythonIndenter {
    private static final Pattern CLOSING_BRACKET = Pattern.compile("^[\\])}].*");
    private static final Pattern METHOD_DEF = Pattern.compile("^def\\s+\\w+\\s*\\(\\s*(self|cls)\\b.*");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final String UNIT = "    ";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COMPREHENSION_VAR = Pattern.compile("\\bfor\\s+([A-Za-z_][\\w, ]*?)\\s+in\\b");
    private static final Pattern ASSIGNED = Pattern.compile("^([A-Za-z_][\\w, ]*?)\\s*(?:=(?!=)|\\+=|-=|\\*=|/=)");
    private static final Set<String> OPENERS = Set.of("def", "class", "if", "elif", "else", "for", "while", "with",
            "try", "except", "finally", "async");
    private static final Set<String> CLOSERS = Set.of("return", "break", "continue", "raise", "pass");

    private static final class Block {
        final String kind;
        final int level;
        final Set<String> bound = new HashSet<>();
        boolean hasBody;
        boolean closed;
        /** A block whose header binds nothing (for _ in ..., while True, try) has no names to track, so only
         * a closing statement or a new def/class ends it. */
        boolean sticky;

        Block(String kind, int level) {
            this.kind = kind;
            this.level = level;
        }

        boolean isControl() {
            return !kind.equals("def") && !kind.equals("class");
        }
    }

    private PythonIndenter() {
    }

    /** True when no line is indented but some line opens a block: the shape of code that lost its indentation. */
    static boolean lostIndentation(List<String> code) {
        boolean opens = false;
        for (String line : code) {
            if (!line.isBlank() && Character.isWhitespace(line.charAt(0))) {
                return false;
            }
            opens |= opensBlock(line.strip());
        }
        return opens;
    }

    static List<String> indent(List<String> code) {
        Deque<Block> stack = new ArrayDeque<>();
        List<String> out = new ArrayList<>();
        List<Integer> pendingComments = new ArrayList<>();
        Set<String> topLevelNames = new HashSet<>();
        int bracketDepth = 0;
        int bracketBase = 0;
        int lastLevel = 0;
        for (String raw : code) {
            String line = raw.strip();
            if (line.isEmpty()) {
                out.add("");
                continue;
            }
            if (bracketDepth > 0) {
                int level = CLOSING_BRACKET.matcher(line).matches() ? bracketBase : bracketBase + 1;
                out.add(UNIT.repeat(level) + line);
                bracketDepth = Math.max(0, bracketDepth + depthChange(line));
                continue;
            }
            if (line.startsWith("#")) {
                pendingComments.add(out.size());
                out.add(line);
                continue;
            }
            String first = firstWord(line);
            int level = placeStatement(stack, line, first);
            for (int c : pendingComments) {
                out.set(c, UNIT.repeat(level) + out.get(c));
            }
            pendingComments.clear();
            out.add(UNIT.repeat(level) + line);
            lastLevel = level;
            Block top = stack.peek();
            if (top != null) {
                top.hasBody = true;
            }
            // A name first assigned inside a block belongs to it and the blocks around it up to the function
            // (Python's scope); a name known before, e.g. an accumulator set up before a loop, says nothing
            // about where the loop ends.
            List<Block> scope = new ArrayList<>();
            for (Block b : stack) {
                scope.add(b);
                if (b.kind.equals("def")) {
                    break;
                }
            }
            boolean inFunction = scope.stream().anyMatch(b -> b.kind.equals("def"));
            for (String name : assignedNames(line, first)) {
                boolean known = (!inFunction && topLevelNames.contains(name))
                        || scope.stream().anyMatch(b -> b.bound.contains(name));
                if (!known) {
                    if (!inFunction) {
                        topLevelNames.add(name);
                    }
                    scope.stream().filter(b -> !b.kind.equals("class")).forEach(b -> b.bound.add(name));
                }
            }
            int change = depthChange(line);
            if (change > 0) {
                bracketDepth = change;
                bracketBase = level;
            }
            if (opensBlock(line)) {
                Block block = new Block(first, level);
                block.bound.addAll(headerNames(line, first));
                block.sticky = block.bound.isEmpty();
                stack.push(block);
            } else if (CLOSERS.contains(first) && top != null) {
                if (first.equals("return")) {
                    while (stack.peek() != null && stack.peek().isControl()) {
                        stack.pop();
                    }
                    if (stack.peek() != null) {
                        stack.peek().closed = true;
                    }
                } else {
                    top.closed = true;
                }
            }
        }
        for (int c : pendingComments) {
            out.set(c, UNIT.repeat(lastLevel) + out.get(c));
        }
        return out;
    }

    /** Pops the blocks this statement is outside of and returns its indentation level. */
    private static int placeStatement(Deque<Block> stack, String line, String first) {
        switch (first) {
            case "class" -> stack.clear();
            case "def" -> {
                boolean method = METHOD_DEF.matcher(line).matches();
                if (method && stack.stream().anyMatch(b -> b.kind.equals("class"))) {
                    while (!stack.peek().kind.equals("class")) {
                        stack.pop();
                    }
                } else {
                    stack.clear();
                }
            }
            case "elif", "else", "except", "finally" -> {
                Set<String> partners = first.equals("elif") ? Set.of("if", "elif")
                        : first.equals("else") ? Set.of("if", "elif", "for", "while", "try", "except")
                        : Set.of("try", "except");
                while (!stack.isEmpty() && !partners.contains(stack.peek().kind)) {
                    stack.pop();
                }
                if (!stack.isEmpty()) {
                    return stack.pop().level;
                }
            }
            case "@" -> {
                // a decorator sits where the def after it will
            }
            case "return", "yield" -> {
                // only ever inside a function: leave the blocks above it that are closed or done
                while (!stack.isEmpty() && stack.peek().isControl() && stack.peek().closed) {
                    stack.pop();
                }
                if (stack.stream().noneMatch(b -> b.kind.equals("def"))) {
                    return stack.isEmpty() ? 0 : stack.peek().level + 1;
                }
                Set<String> used = usedNames(line);
                while (stack.peek().isControl() && stack.peek().hasBody && !stack.peek().sticky
                        && disjoint(stack.peek().bound, used)) {
                    stack.pop();
                }
            }
            default -> {
                Set<String> used = usedNames(line);
                while (!stack.isEmpty()) {
                    Block top = stack.peek();
                    boolean leave = top.closed
                            || (top.kind.equals("class") && top.hasBody && !first.equals("@"))
                            || (top.hasBody && !top.sticky && !top.kind.equals("class") && disjoint(top.bound, used));
                    if (!leave) {
                        break;
                    }
                    stack.pop();
                }
            }
        }
        return stack.isEmpty() ? 0 : stack.peek().level + 1;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        for (String s : b) {
            if (a.contains(s)) {
                return false;
            }
        }
        return true;
    }

    static boolean opensBlock(String line) {
        String code = withoutComment(line).strip();
        return code.endsWith(":") && OPENERS.contains(firstWord(code));
    }

    private static String firstWord(String line) {
        if (line.startsWith("@")) {
            return "@";
        }
        Matcher m = IDENTIFIER.matcher(line);
        return m.lookingAt() ? m.group() : "";
    }

    private static Set<String> headerNames(String line, String first) {
        String header = withoutComment(line).strip();
        header = header.substring(first.length(), header.length() - 1);
        Set<String> names = new HashSet<>();
        switch (first) {
            case "for" -> {
                int in = header.indexOf(" in ");
                names.addAll(identifiers(in > 0 ? header.substring(0, in) : header));
            }
            case "with" -> {
                Matcher m = Pattern.compile("\\bas\\s+(\\w+)").matcher(header);
                while (m.find()) {
                    names.add(m.group(1));
                }
                names.addAll(identifiers(header));
            }
            case "def" -> {
                int open = header.indexOf('(');
                names.addAll(identifiers(open >= 0 ? header.substring(open) : ""));
            }
            default -> names.addAll(identifiers(header));
        }
        names.removeAll(Set.of("in", "not", "and", "or", "is", "None", "True", "False", "as", "len", "range", "_"));
        if (!first.equals("def")) {
            names.remove("self"); // every line of a method uses self: it says nothing about a loop or condition
        }
        return names;
    }

    private static Set<String> assignedNames(String line, String first) {
        Set<String> names = new HashSet<>();
        if (OPENERS.contains(first) && !first.equals("for")) {
            return names;
        }
        Matcher m = ASSIGNED.matcher(withoutComment(line));
        if (m.find()) {
            names.addAll(identifiers(m.group(1)));
        }
        return names;
    }

    /** Identifiers the line reads, without strings, comments, and names a comprehension binds. */
    private static Set<String> usedNames(String line) {
        String code = STRING_LITERAL.matcher(withoutComment(line)).replaceAll("\"\"");
        Set<String> names = identifiers(code);
        Matcher m = COMPREHENSION_VAR.matcher(code);
        while (m.find()) {
            names.removeAll(identifiers(m.group(1)));
        }
        return names;
    }

    private static Set<String> identifiers(String text) {
        Set<String> names = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static String withoutComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static int depthChange(String line) {
        String code = STRING_LITERAL.matcher(withoutComment(line)).replaceAll("\"\"");
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return depth;
    }
}
