package dev.handbook.topic;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File-name stems from titles: lower-case ASCII words joined by hyphens, at most 60 characters, without the
 * question's opening words ("What is the difference between deep learning and machine learning?" becomes
 * {@code deep-learning-vs-machine-learning}).
 */
public final class Slugs {
    private static final Pattern DIFFERENCE = Pattern.compile(
            "(?i)^(?:what(?:'s| is| are)?\\s+(?:are\\s+)?(?:some\\s+of\\s+)?(?:the\\s+)?(?:key\\s+|main\\s+)?|"
                    + "(?:explain|describe|discuss)\\s+(?:the\\s+)?(?:key\\s+|main\\s+)?)?"
                    + "differences?\\s+between\\s+(.+?)\\s+and\\s+(.+?)[?.!]*$");
    private static final Pattern OPENING = Pattern.compile(
            "(?i)^(?:(?:what|which|why|how|when|where|who)(?:'s|\\s+(?:is|are|was|were|do|does|did|can|could|would|should|will))?"
                    + "(?:\\s+(?:some of the|the|a|an|you|we|some))?"
                    + "|(?:can|could|would)\\s+you(?:\\s+briefly)?\\s+(?:explain|describe)(?:\\s+(?:the|a|an))?"
                    + "|(?:briefly\\s+)?(?:explain|describe|define|discuss|elaborate on|tell me about)(?:\\s+(?:the|a|an|what|how))?"
                    + "(?:\\s+(?:concept|idea)\\s+of(?:\\s+(?:the|a|an))?)?)\\s+");

    private Slugs() {
    }

    public static String of(String title) {
        String text = title.strip();
        Matcher difference = DIFFERENCE.matcher(text);
        if (difference.matches()) {
            text = difference.group(1) + " vs " + difference.group(2);
        } else {
            String stripped = OPENING.matcher(text).replaceFirst("");
            if (stripped.replaceAll("[^\\p{L}\\p{N}]+", "").length() >= 3) {
                text = stripped;
            }
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replace("+", " plus ")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60);
            int cut = slug.lastIndexOf('-');
            if (cut > 30) {
                slug = slug.substring(0, cut);
            }
        }
        return slug.isEmpty() ? "topic" : slug;
    }

    /** {@code slug}, or {@code slug-2}, {@code slug-3} ... the first not yet taken; the result is then taken. */
    public static String unique(String slug, Set<String> taken) {
        String candidate = slug;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = slug + "-" + n;
        }
        taken.add(candidate);
        return candidate;
    }
}
