package dev.handbook.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The directories a build reads and writes, shared by {@code build} and {@code serve}. */
final class SiteDirs {
    @Option(names = "--content", defaultValue = "content", description = "content directory (default: ${DEFAULT-VALUE})")
    Path content;

    @Option(names = "--theme", defaultValue = "theme", description = "theme directory (default: ${DEFAULT-VALUE})")
    Path theme;

    @Option(names = "--out", defaultValue = "site-out", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;
}
