package dev.handbook.source;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Finds known phrases in text in one pass, for {@link Vocabulary}: a character trie of the phrases' keys (lower
 * case, words separated by one space), walked from each word start. A space in a key matches any run of
 * whitespace and hyphens, letters match ignoring case, and a match must not touch a letter or digit on either
 * side. Where several keys match at one place the longest wins, and scanning goes on after it.
 *
 * <p>A single regular expression alternating every phrasing did the same, but tried each of the thousands of
 * alternatives at every character; on a 10,000-question handbook that was half of the whole build.
 * Immutable once built.
 */
final class PhraseMatcher {
    /**
     * A trie node. Children are kept in parallel arrays once the trie is built (a node has few; the root's ASCII
     * children sit in a table): looking one up must not hash or box a character, since it happens at every word
     * of every text the build reads.
     */
    private static final class Node {
        private Map<Character, Node> building = new HashMap<>(4);
        private char[] keys;
        private Node[] children;
        private Node[] ascii;
        String value;

        Node child(char c) {
            if (ascii != null && c < 128) {
                return ascii[c];
            }
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        /** Moves the children from the map used while building into the arrays used for matching. */
        void freeze(boolean asciiTable) {
            keys = new char[building.size()];
            children = new Node[building.size()];
            int i = 0;
            for (Map.Entry<Character, Node> e : building.entrySet()) {
                keys[i] = e.getKey();
                children[i] = e.getValue();
                e.getValue().freeze(false);
                if (asciiTable && keys[i] < 128) {
                    if (ascii == null) {
                        ascii = new Node[128];
                    }
                    ascii[keys[i]] = children[i];
                }
                i++;
            }
            if (ascii != null) {
                // the table answers for every ASCII character; the arrays for the rest
                int rest = 0;
                for (char k : keys) {
                    rest += k < 128 ? 0 : 1;
                }
                char[] otherKeys = new char[rest];
                Node[] otherChildren = new Node[rest];
                int j = 0;
                for (int k = 0; k < keys.length; k++) {
                    if (keys[k] >= 128) {
                        otherKeys[j] = keys[k];
                        otherChildren[j++] = children[k];
                    }
                }
                keys = otherKeys;
                children = otherChildren;
            }
            building = null;
        }
    }

    private final Node root = new Node();
    private boolean empty = true;

    /** @param values key → the value reported when the key matches; keys as {@link Vocabulary} makes them */
    PhraseMatcher(Map<String, String> values) {
        values.forEach((key, value) -> {
            if (key.isEmpty()) {
                return;
            }
            Node node = root;
            for (int i = 0; i < key.length(); i++) {
                node = node.building.computeIfAbsent(key.charAt(i), c -> new Node());
            }
            node.value = value;
            empty = false;
        });
        root.freeze(true);
    }

    boolean isEmpty() {
        return empty;
    }

    /** Calls {@code onMatch} for each match, left to right. */
    void forEachMatch(CharSequence text, MatchConsumer onMatch) {
        // the keys matching at a place come shortest first: the last is the longest
        int[] end = {-1};
        String[] value = {null};
        KeyConsumer longest = (matchEnd, matched) -> {
            end[0] = matchEnd;
            value[0] = matched;
        };
        int i = 0;
        while (i < text.length()) {
            if (i > 0 && Vocabulary.isWordChar(text.charAt(i - 1))) {
                i++;
                continue;
            }
            value[0] = null;
            walk(text, i, longest);
            if (value[0] != null) {
                onMatch.accept(i, end[0], value[0]);
                i = Math.max(end[0], i + 1);
            } else {
                i++;
            }
        }
    }

    /**
     * Calls {@code onValue} with the value of every key found anywhere in the text, overlapping ones included
     * (not only the longest at each place): a superset of where any one key's own pattern would match.
     */
    void forEachOccurrence(CharSequence text, java.util.function.Consumer<String> onValue) {
        for (int i = 0; i < text.length(); i++) {
            if (i == 0 || !Vocabulary.isWordChar(text.charAt(i - 1))) {
                walk(text, i, (end, value) -> onValue.accept(value));
            }
        }
    }

    /** Receives a key found by {@link #walk}: where it ends in the text, and its value. */
    @FunctionalInterface
    private interface KeyConsumer {
        void accept(int end, String value);
    }

    /**
     * Walks the trie along the text from {@code start}, reporting each key that matches there with nothing
     * word-like after it, shortest first.
     */
    private void walk(CharSequence text, int start, KeyConsumer onKey) {
        Node node = root;
        int j = start;
        while (node != null) {
            if (node.value != null && (j == text.length() || !Vocabulary.isWordChar(text.charAt(j)))) {
                onKey.accept(j, node.value);
            }
            if (j >= text.length()) {
                break;
            }
            Node space = node.child(' ');
            if (space != null && isSeparator(text.charAt(j))) {
                do {
                    j++;
                } while (j < text.length() && isSeparator(text.charAt(j)));
                node = space;
            } else {
                node = node.child(Character.toLowerCase(text.charAt(j)));
                j++;
            }
        }
    }

    /** Receives one match: its place in the text and the matched key's value. */
    @FunctionalInterface
    interface MatchConsumer {
        void accept(int start, int end, String value);
    }

    /** Text with every match replaced by {@code replacement(value)}, the rest unchanged. */
    String replaceAll(String text, BiConsumer<StringBuilder, String> replacement) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int[] last = {0};
        forEachMatch(text, (start, end, value) -> {
            out.append(text, last[0], start);
            replacement.accept(out, value);
            last[0] = end;
        });
        out.append(text, last[0], text.length());
        return out.toString();
    }

    /** As {@code [\s\-]}: what may stand between the words of a phrase. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }
}
