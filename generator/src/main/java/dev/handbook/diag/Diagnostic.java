package dev.handbook.diag;

import java.util.Objects;

/**
 * A problem found in the input, pinned to a file and line so a maintainer can fix it.
 *
 * <p>Example: {@code new Diagnostic(Severity.WARNING, "content/sources/a.txt", 12, "invalid UTF-8", "re-save as UTF-8")}.
 * Line 0 means the problem concerns the whole file.
 */
public record Diagnostic(Severity severity, String file, int line, String message, String hint) {

    public enum Severity { INFO, WARNING, ERROR }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    /** {@code file:line: warning: message (hint)}, the shape editors and CI logs link from. */
    public String format() {
        String where = line > 0 ? file + ":" + line : file;
        String text = where + ": " + severity.name().toLowerCase() + ": " + message;
        return hint.isEmpty() ? text : text + " (" + hint + ")";
    }
}
