package dev.handbook.site;

import java.nio.charset.StandardCharsets;

/**
 * ASCII searched for in UTF-8 bytes, without decoding them: an ASCII byte never occurs inside a multi-byte
 * character, so a match in the bytes is a match in the text. The link check scans pages this way, and the offline
 * bundle looks for its own name.
 */
public final class AsciiBytes {
    private AsciiBytes() {
    }

    /** The bytes of ASCII {@code text}. */
    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Where ASCII {@code c} first occurs in {@code bytes} at or after {@code from}, or -1. */
    public static int indexOf(byte[] bytes, char c, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Where {@code what} (ASCII, not empty) first occurs in {@code bytes} at or after {@code from}, or -1. */
    public static int indexOf(byte[] bytes, byte[] what, int from) {
        for (int i = indexOf(bytes, (char) what[0], from); i >= 0; i = indexOf(bytes, (char) what[0], i + 1)) {
            if (startsWith(bytes, what, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code bytes} hold {@code what} at {@code at}. */
    public static boolean startsWith(byte[] bytes, byte[] what, int at) {
        if (at + what.length > bytes.length) {
            return false;
        }
        for (int k = 0; k < what.length; k++) {
            if (bytes[at + k] != what[k]) {
                return false;
            }
        }
        return true;
    }
}
