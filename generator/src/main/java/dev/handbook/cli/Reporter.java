package dev.handbook.cli;

import dev.handbook.diag.Diagnostic;
import dev.handbook.diag.Diagnostics;

import java.io.PrintStream;

/** Prints diagnostics in the {@code file:line: severity: message (hint)} shape, errors and warnings first. */
final class Reporter {
    private Reporter() {
    }

    static void print(Diagnostics diagnostics, PrintStream out, boolean withInfo) {
        for (Diagnostic d : diagnostics.all()) {
            if (d.severity() != Diagnostic.Severity.INFO || withInfo) {
                out.println(d.format());
            }
        }
    }
}
