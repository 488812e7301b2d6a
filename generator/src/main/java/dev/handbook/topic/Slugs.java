package dev.handbook.topic;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** File-name stems from titles: lower-case ASCII words joined by hyphens, at most 60 characters. */
public final class Slugs {
    private Slugs() {
    }

    public static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
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
