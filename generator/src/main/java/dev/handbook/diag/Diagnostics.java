package dev.handbook.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one build. Each run makes its own instance; stages report into it and carry on,
 * so one bad file never stops the rest of the handbook from building.
 */
public final class Diagnostics {
    private final List<Diagnostic> entries = new ArrayList<>();

    public synchronized void warn(String file, int line, String message, String hint) {
        entries.add(new Diagnostic(Diagnostic.Severity.WARNING, file, line, message, hint));
    }

    public synchronized void error(String file, int line, String message, String hint) {
        entries.add(new Diagnostic(Diagnostic.Severity.ERROR, file, line, message, hint));
    }

    public synchronized void info(String file, int line, String message) {
        entries.add(new Diagnostic(Diagnostic.Severity.INFO, file, line, message, ""));
    }

    /** Adds one made elsewhere: a stage that works in parallel reports what each part found in a fixed order. */
    public synchronized void add(Diagnostic diagnostic) {
        entries.add(diagnostic);
    }

    public synchronized List<Diagnostic> all() {
        return List.copyOf(entries);
    }

    public synchronized long count(Diagnostic.Severity severity) {
        return entries.stream().filter(d -> d.severity() == severity).count();
    }
}
