package dev.handbook.topic;

import dev.handbook.extract.Item;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a question asks for. Questions of different kinds are never the same question: explaining k-means is not
 * coding it, and comparing KNN with k-means is neither explaining KNN nor explaining k-means.
 */
public enum QuestionKind {
    CONCEPT, COMPARISON, CODE, DESIGN;

    private static final Pattern CODING = Pattern.compile(".*\\bcod(e|ing)\\b.*");
    private static final Pattern COMPARISON_WORDS = Pattern.compile(
            "\\b(vs\\.?|versus|difference|differences|differ|differs|differentiate|distinguish|compare|compared|"
                    + "comparison|contrast|similarities|over|than)\\b|\\bdifferent from\\b");
    private static final Pattern CODE_START = Pattern.compile(
            "^(write|implement|code|program|coding)\\b|\\bfrom scratch\\b|\\bwrite (a |some )?(python |sql )?"
                    + "(code|function|program|script)\\b|\\b(python|numpy|pandas|sql) (function|code|script)\\b");
    private static final Pattern DESIGN_START = Pattern.compile("^(design|architect)\\b");

    public static QuestionKind of(Item item) {
        String q = item.question().toLowerCase(Locale.ROOT).strip();
        String section = item.section().toLowerCase(Locale.ROOT);
        boolean codingSection = CODING.matcher(section).matches();
        if (CODE_START.matcher(q).find() || codingSection) {
            return CODE;
        }
        if (DESIGN_START.matcher(q).find()) {
            return DESIGN;
        }
        if (COMPARISON_WORDS.matcher(q).find()) {
            return COMPARISON;
        }
        return CONCEPT;
    }
}
