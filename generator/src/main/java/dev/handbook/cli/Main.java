package dev.handbook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar handbook.jar build|check}: see the CLI contract in DESIGN.md. */
@Command(name = "handbook", mixinStandardHelpOptions = true, version = "handbook 0.1.0",
        description = "Builds a deduplicated, searchable interview handbook from the documents in content/.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 success, 1 failed build, 2 usage error. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
