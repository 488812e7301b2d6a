package dev.handbook.extract;

/**
 * Text of a source that is not part of any item, reported by {@code check} so a maintainer can see what was left
 * out and why.
 *
 * @param line   1-based line of the fragment's start
 * @param reason e.g. "possible question not extracted", "text between questions"
 */
public record Fragment(int line, String text, String reason) {
}
