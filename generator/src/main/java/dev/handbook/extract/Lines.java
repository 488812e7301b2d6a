package dev.handbook.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small, shared judgements about single lines of a source. */
final class Lines {
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])");
    private static final Pattern QUOTE_MARK = Pattern.compile("^\\s*>\\s?");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_MARKS = Pattern.compile("^[*_]+|[*_]+$");
    private static final Pattern PROSE_SENTENCE = Pattern.compile("^[A-Z][a-z]+( [a-z]+){3,}.*[.]$");
    private static final Pattern ADVANCED = Pattern.compile(".*\\b(advanced|senior|expert|hard)\\b.*");
    private static final Pattern INTERMEDIATE = Pattern.compile(".*\\b(intermediate|medium)\\b.*");
    private static final Pattern BASIC = Pattern.compile(
            ".*\\b(basic|basics|beginner|beginners|common|entry[- ]level|easy|junior|fundamental)\\b.*");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)([-*+•◦▪●]|\\d{1,4}[.)])\\s+(.*)$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern ONLY_LINK = Pattern.compile("^\\s*!?\\[[^\\]]*\\]\\([^)]*\\)\\s*$");
    private static final Pattern NUMBERING = Pattern.compile(
            "^(?i:(?:question|q)\\s*(?:\\d+\\s*[:.)\\-–—]|:)\\s*|\\d{1,4}\\s*[.):]\\s+)");
    /** "A:", "A1.", "Ans:", "Answer:" (possibly bold) opening an answer. */
    private static final Pattern ANSWER_LABEL = Pattern.compile(
            "^\\s*(?:\\*\\*)?(?:(?i:a|ans|answer)\\s*\\d*\\s*:|(?i:a|ans|answer)\\s*\\d+\\s*[.)])(?:\\*\\*)?\\s*");
    /** A question in bold with its answer after it on the same line: "1. **What is X?** It is ...". */
    private static final Pattern BOLD_THEN_TEXT = Pattern.compile(
            "^\\s*(?:[-*+]\\s+|\\d{1,4}[.)]\\s+|#{1,6}\\s+)?(?:(?i:question|q)\\s*\\d*\\s*[:.)]\\s*)?"
                    + "\\*\\*([^*]{3,300}?)\\*\\*\\s*[:\\-–—]?\\s+(\\S.*)$");
    private static final Pattern LEADING_WORD = Pattern.compile("^[\\p{L}']+");
    /** Words that open a question or an interview task, in the imperative or interrogative. */
    private static final List<String> QUESTION_WORDS = List.of(
            "what", "what's", "whats", "how", "why", "when", "where", "which", "who", "whom", "whose", "is", "are",
            "was", "were", "do", "does", "did", "can", "could", "should", "would", "will", "have", "has", "explain",
            "describe", "define", "discuss", "compare", "contrast", "differentiate", "distinguish", "elaborate",
            "give", "list", "name", "implement", "write", "design", "build", "code", "derive", "prove", "tell",
            "walk", "outline", "summarize", "illustrate", "state", "calculate", "compute", "suppose", "imagine",
            "difference", "briefly");
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(import\\s+[\\w.]+|from\\s+[\\w.]+\\s+import\\b|def\\s+\\w+\\s*\\(|class\\s+\\w+\\s*[(:]"
                    + "|return\\b|print\\s*\\(|for\\s+[\\w, ()]+\\s+in\\s+.+:\\s*$|while\\s+.+:\\s*$|if\\s+.+:\\s*$"
                    + "|elif\\s+.+:\\s*$|else\\s*:\\s*$|try\\s*:\\s*$|except\\b.*:\\s*$|with\\s+.+:\\s*$"
                    + "|[\\w.\\[\\]\"', ]+\\s*(=|\\+=|-=|\\*=|/=)\\s*\\S.*|[\\w.]+\\(.*\\)\\s*(#.*)?$"
                    + "|[\\])}]+[,;)]*\\s*$|#\\s.*|@\\w+.*|pass\\s*$|break\\s*$|continue\\s*$|raise\\b.*"
                    + "|(const|let|var|function|public|private|static|int|double|std::)\\b.*[;{}]\\s*$)");

    private Lines() {
    }

    static boolean blank(String line) {
        return line == null || line.isBlank();
    }

    /** Markdown ATX heading level 1-6, or 0. */
    static int headingLevel(String line) {
        Matcher m = HEADING.matcher(line);
        return m.matches() ? m.group(1).length() : 0;
    }

    static String headingText(String line) {
        Matcher m = HEADING.matcher(line);
        return m.matches() ? m.group(2) : line.strip();
    }

    static Matcher bullet(String line) {
        Matcher m = BULLET.matcher(line);
        return m.matches() ? m : null;
    }

    static int indent(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                n++;
            } else if (c == '\t') {
                n += 4;
            } else {
                break;
            }
        }
        return n;
    }

    static boolean onlyLink(String text) {
        return ONLY_LINK.matcher(text).matches();
    }

    static Matcher links(String text) {
        return LINK.matcher(text);
    }

    /** The text a reader sees: Markdown emphasis, code marks and link syntax removed, spaces collapsed. */
    static String plain(String text) {
        String t = LINK.matcher(text).replaceAll("$1");
        t = STRONG.matcher(t).replaceAll("$2");
        t = EMPHASIS.matcher(t).replaceAll("$1");
        t = t.replace("`", "");
        t = QUOTE_MARK.matcher(t).replaceAll("");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /**
     * The question as the source words it: heading marks, bold wrapping and numbering such as "Question 6:",
     * "6." or "Q6:" removed; nothing else changed.
     */
    static String questionText(String line) {
        String t = plain(headingText(line));
        t = NUMBERING.matcher(t).replaceFirst("");
        t = EDGE_MARKS.matcher(t).replaceAll("").strip();
        return t;
    }

    /** The text after a bold question on its own line, or null when the line holds only the question. */
    static String inlineAnswer(String line) {
        Matcher m = BOLD_THEN_TEXT.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String question = m.group(1).strip();
        return question.endsWith("?") || questionLike(question) ? m.group(2) : null;
    }

    static String boldQuestion(String line) {
        Matcher m = BOLD_THEN_TEXT.matcher(line);
        return m.matches() ? m.group(1).strip() : questionText(line);
    }

    /** The line without an answer label such as "A:" or "Answer:". */
    static String withoutAnswerLabel(String line) {
        return ANSWER_LABEL.matcher(line).replaceFirst("");
    }

    /** Starts with a question or task word, or ends with a question mark. */
    static boolean questionLike(String text) {
        String t = text.strip();
        if (t.endsWith("?")) {
            return true;
        }
        Matcher m = LEADING_WORD.matcher(t);
        return m.find() && QUESTION_WORDS.contains(m.group().toLowerCase(Locale.ROOT));
    }

    /**
     * A bare title line: short, no sentence punctuation at the end, not a list item, table row or code.
     * Used for section titles and sub-headings in text without Markdown headings.
     */
    static boolean titleLike(String line) {
        if (blank(line) || indent(line) > 3) {
            return false;
        }
        String t = line.strip();
        if (t.length() > 80 || bullet(line) != null || t.startsWith("|") || t.startsWith(">")
                || t.startsWith("<") || looksLikeCode(line)) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (".?!:;,".indexOf(last) >= 0) {
            return false;
        }
        char first = t.charAt(0);
        if (!Character.isUpperCase(first) && !Character.isDigit(first)) {
            return false;
        }
        int words = t.split("\\s+").length;
        return words <= 10;
    }

    static boolean looksLikeCode(String line) {
        if (blank(line)) {
            return false;
        }
        String t = line.strip();
        // Prose sentences with a colon or '=' in them are not code: require code punctuation or keywords.
        if (PROSE_SENTENCE.matcher(t).matches()) {
            return false;
        }
        return CODE_LINE.matcher(t).matches();
    }

    /** "basic", "advanced", ... when a section title states a difficulty, else "". */
    static String difficultyOf(String section) {
        String s = section.toLowerCase(Locale.ROOT);
        if (s.contains("faang")) {
            return "FAANG+";
        }
        if (ADVANCED.matcher(s).matches()) {
            return "advanced";
        }
        if (INTERMEDIATE.matcher(s).matches()) {
            return "intermediate";
        }
        if (BASIC.matcher(s).matches()) {
            return "basic";
        }
        return "";
    }

    /** Lower-case words only: the key under which two phrasings count as the same text. */
    static String normalized(String text) {
        return NON_WORD.matcher(plain(text).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
