package dev.handbook.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a formula written in plain text ("TP / (TP + FP)", "2 × (Precision × Recall) / (Precision + Recall)")
 * and writes it in TeX, so it is typeset like the rest. Only unambiguous text qualifies: the whole text must parse
 * as arithmetic over names and numbers (+ − × ÷ / * and parentheses), with at least one operator and one name,
 * no prose words between names. A division becomes a fraction.
 */
final class PlainFormula {
    private static final Pattern WORD_TOKEN = Pattern.compile("[A-Za-z].*");
    private static final Pattern NUMBER_TOKEN = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\\d+(?:\\.\\d+)?)|([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*)|([-+−×÷/*()=]))");

    private final List<String> tokens;
    private int at;
    private boolean operator;

    private PlainFormula(List<String> tokens) {
        this.tokens = tokens;
    }

    static Optional<String> toTex(String text) {
        String t = text.strip();
        if (t.length() > 80 || t.isEmpty()) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        int end = 0;
        while (m.lookingAt()) {
            tokens.add(m.group().strip());
            end = m.end();
            m.region(end, t.length());
        }
        if (end != t.length() || tokens.stream().noneMatch(x -> WORD_TOKEN.matcher(x).matches())) {
            return Optional.empty();
        }
        PlainFormula parser = new PlainFormula(tokens);
        try {
            String tex = parser.equation();
            return parser.at == tokens.size() && parser.operator ? Optional.of(tex) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : "";
    }

    private String equation() {
        String left = sum();
        if (peek().equals("=")) {
            at++;
            operator = true;
            return left + " = " + sum();
        }
        return left;
    }

    private String sum() {
        StringBuilder tex = new StringBuilder(product());
        while (peek().equals("+") || peek().equals("-") || peek().equals("−")) {
            String op = tokens.get(at++);
            operator = true;
            tex.append(op.equals("+") ? " + " : " - ").append(product());
        }
        return tex.toString();
    }

    private String product() {
        String left = factor();
        while (peek().equals("×") || peek().equals("*") || peek().equals("/") || peek().equals("÷")) {
            String op = tokens.get(at++);
            operator = true;
            String right = factor();
            left = op.equals("/") ? "\\frac{" + strip(left) + "}{" + strip(right) + "}"
                    : left + (op.equals("÷") ? " \\div " : " \\times ") + right;
        }
        return left;
    }

    private String factor() {
        String token = peek();
        if (token.equals("(")) {
            at++;
            String inner = sum();
            if (!peek().equals(")")) {
                throw new IllegalArgumentException("unclosed parenthesis");
            }
            at++;
            return "(" + inner + ")";
        }
        if (NUMBER_TOKEN.matcher(token).matches()) {
            at++;
            return token;
        }
        if (WORD_TOKEN.matcher(token).matches()) {
            at++;
            if (WORD_TOKEN.matcher(peek()).matches()) {
                throw new IllegalArgumentException("two words in a row: prose, not a formula");
            }
            if (token.length() == 1) {
                return token;
            }
            return token.equals(token.toUpperCase()) ? "\\mathrm{" + token + "}" : "\\text{" + token + "}";
        }
        throw new IllegalArgumentException("unexpected " + token);
    }

    /** The operand of a fraction needs no outer parentheses: the bar groups it. */
    private static String strip(String operand) {
        if (operand.startsWith("(") && operand.endsWith(")")) {
            int depth = 0;
            for (int i = 0; i < operand.length(); i++) {
                char c = operand.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0 && i < operand.length() - 1) {
                    return operand;
                }
            }
            return operand.substring(1, operand.length() - 1);
        }
        return operand;
    }
}
