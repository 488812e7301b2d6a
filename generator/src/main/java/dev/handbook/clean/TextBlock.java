package dev.handbook.clean;

/** A non-blank line of captured plain text and the number of blank lines before it. */
record TextBlock(String text, int indent, int blanksBefore) {
}
