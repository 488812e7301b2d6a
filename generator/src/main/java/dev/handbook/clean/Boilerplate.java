package dev.handbook.clean;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which answer paragraphs are not answer: page chrome, text the document repeats (bios, banners),
 * promotion (sales vocabulary, links to products), navigation (link lists), author bios, and the article's closing
 * words after its last question. General rules only: no sentence of any particular document is listed here.
 */
final class Boilerplate {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKUP_CHARS = Pattern.compile("[*_`\\\\]");
    private static final Pattern CHROME = Pattern.compile(
            "(?i)^(top of (the )?page|bottom of (the )?page|back to top|skip to (main )?content|advertisement|"
                    + "sponsored( content)?|share (this|on \\w+)|print this page|table of contents|menu|"
                    + "previous( article)?|next( article)?|related (posts|articles)|cookie settings|accept cookies)\\W*$");
    private static final List<String> PROMOTION = List.of(
            "sign up", "subscribe", "free trial", "mock interview", "copilot", "send your cv", "our jobs",
            "job search", "we'll match", "click here", "check out our", "download our", "enroll", "discount",
            "coupon", "limited time", "book a demo", "consider using a tool", "personalized feedback", "newsletter",
            "join our", "follow us", "use code", "get started for free", "try it free", "start your free",
            "landing your dream job", "apply now", "our platform", "our course", "our bootcamp");
    static final Pattern URL = Pattern.compile("https?://|www\\.|\\b[\\w-]+\\.(com|io|ai|co|net|org)\\b");
    static final Pattern BIO = Pattern.compile(
            "(?i)^(about the author|written by\\b)|\\b[A-Z][a-z]+ (shares|writes about|has written|is a (writer|"
                    + "content|journalist|editor|freelance))\\b|career advice that");
    private static final Pattern OUTRO = Pattern.compile(
            "(?i)\\b(in conclusion|good luck|to sum up|hope (this|you)|mastering (these|the|machine)|"
                    + "this (article|guide|post) (covered|has|was)|thanks for reading|happy learning)\\b");
    private static final Pattern LINK_ONLY_LIST = Pattern.compile(
            "(?s)^(\\s*[-*+]\\s*\\[[^\\]]*\\]\\([^)]*\\)\\s*\\n?){2,}$");

    /** A repeated line this long (as its key) is a banner or a bio, not a short phrase answers share. */
    private static final int REPEATED_KEY_LENGTH = 60;
    private final Set<String> repeated;

    private Boilerplate(Set<String> repeated) {
        this.repeated = repeated;
    }

    /** Knows which long lines the whole document repeats, the usual mark of a bio or a banner. */
    static Boilerplate forDocument(List<String> documentLines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : documentLines) {
            if (line.length() < REPEATED_KEY_LENGTH && isAscii(line)) {
                continue;   // its key is no longer than the line
            }
            // keyed as a paragraph is when it is judged: emphasis and code marks are not text
            String key = key(withoutMarkup(line));
            if (key.length() >= REPEATED_KEY_LENGTH) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        return new Boilerplate(Set.copyOf(counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).toList()));
    }

    /** Lower-case letters and digits, each run of anything else one space, trimmed. */
    static String key(String text) {
        if (!isAscii(text)) {
            return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        }
        StringBuilder key = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            if (upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                key.append(upper ? (char) (c + ('a' - 'A')) : c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return key.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Why this paragraph is boilerplate, or null when it is answer. */
    String reason(String block, boolean first) {
        String plain = withoutMarkup(block).strip();
        if (CHROME.matcher(plain).matches()) {
            return "page chrome";
        }
        if (LINK_ONLY_LIST.matcher(block).matches()) {
            return "link list";
        }
        if (first) {
            return null; // the answer's opening paragraph is answer, however it is worded
        }
        // only long lines are remembered, and a key is never longer than its text
        if (!repeated.isEmpty() && plain.length() >= REPEATED_KEY_LENGTH && repeated.contains(key(plain))) {
            return "repeated text";
        }
        String lower = plain.toLowerCase(Locale.ROOT);
        int promotion = 0;
        for (String phrase : PROMOTION) {
            if (lower.contains(phrase)) {
                promotion++;
            }
        }
        if (mayHoldUrl(lower) && URL.matcher(lower).find()) {
            promotion++;
        }
        if (promotion >= 2) {
            return "promotion";
        }
        if (mayBeBio(lower) && BIO.matcher(plain).find()) {
            return "author bio";
        }
        return null;
    }

    /**
     * Whether {@link #URL} can match {@code lower}: each of its branches needs one of these strings, and most
     * paragraphs hold none of them, so the expression is not run over every word of every answer.
     */
    static boolean mayHoldUrl(String lower) {
        return lower.contains("http") || lower.contains("www.") || lower.contains(".co") || lower.contains(".io")
                || lower.contains(".ai") || lower.contains(".net") || lower.contains(".org");
    }

    /** Whether {@link #BIO} can match a text whose lower case is {@code lower}: each branch needs one of these. */
    static boolean mayBeBio(String lower) {
        return lower.contains("about the author") || lower.contains("written by") || lower.contains(" shares")
                || lower.contains(" writes about") || lower.contains(" has written")
                || lower.contains(" is a ") || lower.contains("career advice that");
    }

    /** The text without emphasis and code marks ({@link #MARKUP_CHARS}). */
    private static String withoutMarkup(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '_' || c == '`' || c == '\\') {
                return MARKUP_CHARS.matcher(text).replaceAll("");
            }
        }
        return text;
    }

    /** Closing words of an article ("Mastering these questions ...", "Good luck!") after its last answer. */
    static boolean outro(String block) {
        String plain = withoutMarkup(block);
        return OUTRO.matcher(plain).find()
                && (plain.toLowerCase(Locale.ROOT).contains("interview") || plain.length() < 40);
    }
}
