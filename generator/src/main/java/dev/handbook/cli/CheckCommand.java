package dev.handbook.cli;

import dev.handbook.diag.Diagnostics;
import dev.handbook.extract.Fragment;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.BuildResult;
import dev.handbook.pipeline.Pipeline;
import dev.handbook.pipeline.SourceReport;
import dev.handbook.topic.ScoredPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Reads every source and reports what was found; changes nothing.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--content", defaultValue = "content", description = "content directory (default: ${DEFAULT-VALUE})")
    Path content;

    @Option(names = "--verbose", description = "also list every item and every removed paragraph")
    boolean verbose;

    @Override
    public Integer call() {
        Diagnostics diagnostics = new Diagnostics();
        BuildResult result = new Pipeline(diagnostics).analyze(new BuildOptions(content, Path.of("theme"),
                Path.of("site-out"), ""));
        for (SourceReport r : result.sources()) {
            var ex = r.extraction();
            long answered = r.cleaned().items().stream().filter(i -> i.answered()).count();
            System.out.printf("%s (%s)%n", r.source().id(), r.source().file());
            System.out.printf("  items found: %d (%d answered) by the %s extractor%n", ex.items().size(), answered,
                    ex.extractor());
            if (!r.cleaned().repairs().isEmpty()) {
                System.out.println("  repaired: " + r.cleaned().repairs());
            }
            if (!r.cleaned().removed().isEmpty()) {
                System.out.println("  removed as not answer: " + r.cleaned().removed().size() + " paragraph(s)");
                if (verbose) {
                    r.cleaned().removed().forEach(s -> System.out.println("    " + s));
                }
            }
            for (var item : r.cleaned().items()) {
                var images = java.util.regex.Pattern.compile("!\\[([^\\]]*)\\]\\((https?://[^)\\s]+)").matcher(item.body());
                while (images.find()) {
                    System.out.printf("  image from elsewhere, shown as a link: %s:%d: %s (%s)%n", r.source().file(),
                            item.lines().start(), images.group(2), images.group(1));
                }
            }
            long notUnderstood = ex.fragments().stream().filter(f -> !f.reason().startsWith("introduction")).count();
            System.out.println("  fragments not understood: " + notUnderstood);
            for (Fragment f : ex.fragments()) {
                if (verbose || !f.reason().startsWith("introduction")) {
                    System.out.printf("    %s:%d: %s: %s%n", r.source().file(), f.line(), f.reason(), f.text());
                }
            }
            if (verbose) {
                r.cleaned().items().forEach(i -> System.out.printf("    #%d %s (%s)%s%n", i.ordinal(), i.question(),
                        i.lines(), i.answered() ? "" : " [no answer]"));
            }
        }
        System.out.printf("merges (%d), each with its confidence:%n", result.merges().size());
        for (ScoredPair m : result.merges()) {
            System.out.printf(Locale.ROOT, "  %.2f  %s \"%s\"  +  %s \"%s\"%n", m.score(), m.a(), m.questionA(),
                    m.b(), m.questionB());
        }
        System.out.printf("near misses, scored just under the merge threshold (%d):%n", result.nearMisses().size());
        for (ScoredPair m : result.nearMisses()) {
            System.out.printf(Locale.ROOT, "  %.2f  %s \"%s\"  |  %s \"%s\"%n", m.score(), m.a(), m.questionA(),
                    m.b(), m.questionB());
        }
        System.out.println("to correct a merge or a miss, list the items under merge: or split: in content/curation.yaml");
        Reporter.print(diagnostics, System.out, true);
        System.out.printf("%d sources, %d items, %d topics%n", result.sources().size(), result.itemCount(),
                result.topics().size());
        return 0;
    }
}
