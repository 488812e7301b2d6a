import dev.handbook.diag.Diagnostics;
import dev.handbook.extract.Item;
import dev.handbook.extract.LineRange;
import dev.handbook.source.HandbookConfig;
import dev.handbook.source.SourceFormat;
import dev.handbook.source.Vocabulary;
import dev.handbook.topic.Curation;
import dev.handbook.topic.Grouping;
import dev.handbook.topic.TextAnalyzer;
import dev.handbook.topic.TopicGrouper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times the group stage on synthetic items: N questions over 5 sources, about N/3 distinct subjects, each asked
 * by one to four sources in different phrasings, with look-alike subjects that share words, and answers of about
 * 60 words. Deterministic (seeded). Run from the repository root after {@code mvn -q -B package -DskipTests}:
 * {@code java -cp generator/target/handbook.jar bench/GroupingBenchmark.java 1000 10000 100000}
 */
public class GroupingBenchmark {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ten", "vo", "zu", "pex", "dor", "quin",
            "sa", "bel", "tor", "ny", "gra", "fi", "mo", "cle", "ust", "ar"};
    private static final String[] KINDS = {"regression", "clustering", "network", "encoder", "sampling",
            "optimizer", "kernel", "metric", "embedding", "tree"};
    private static final String[] PHRASINGS = {"What is %s?", "Explain %s.", "How does %s work?",
            "Can you describe %s?", "What do you know about %s?", "Explain the concept of %s in machine learning"};
    private static final String[] FILLER = ("the model data training features learning value error loss set "
            + "weights gradient prediction input output layer sample class label test validation accuracy bias "
            + "variance step rate function parameter distribution average iteration batch").split(" ");

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[]{1000, 10000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Diagnostics diagnostics = new Diagnostics();
        Path content = Path.of("content");
        HandbookConfig config = HandbookConfig.load(content, diagnostics);
        Vocabulary vocabulary = Vocabulary.load(content, diagnostics);
        double previousMillis = 0;
        int previousSize = 0;
        System.out.println("items\ttopics\tgroup ms\titems/s\tgrowth exponent");
        for (int n : sizes) {
            List<Item> items = synthetic(n, new Random(42));
            long best = Long.MAX_VALUE;
            int topics = 0;
            int repeats = n <= 10000 ? 3 : 1;
            for (int r = 0; r < repeats; r++) {
                try (TextAnalyzer analyzer = new TextAnalyzer(vocabulary)) {
                    long start = System.nanoTime();
                    Grouping g = new TopicGrouper(config, analyzer, Curation.none(), diagnostics).group(items);
                    best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
                    topics = g.topics().size();
                }
            }
            String growth = previousSize == 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                    Math.log(best / previousMillis) / Math.log((double) n / previousSize));
            System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%.0f\t%s%n", n, topics, best, n * 1000.0 / Math.max(1, best),
                    growth);
            previousMillis = Math.max(1, best);
            previousSize = n;
        }
    }

    static List<Item> synthetic(int n, Random random) {
        List<Item> items = new ArrayList<>();
        int[] ordinals = new int[5];
        int subject = 0;
        while (items.size() < n) {
            String name = name(random) + " " + KINDS[subject % KINDS.length];
            int askers = 1 + random.nextInt(4);
            for (int s = 0; s < askers && items.size() < n; s++) {
                int source = (subject + s) % 5;
                String question = String.format(PHRASINGS[random.nextInt(PHRASINGS.length)], name);
                StringBuilder answer = new StringBuilder(name).append(" is ");
                for (int w = 0; w < 60; w++) {
                    answer.append(w % 9 == 0 ? name : FILLER[random.nextInt(FILLER.length)]).append(' ');
                }
                items.add(new Item("source-" + source, ++ordinals[source], question, answer.toString(),
                        SourceFormat.MARKDOWN, new LineRange(1, 1), "", "", List.of(), List.of()));
            }
            subject++;
        }
        return items;
    }

    private static String name(Random random) {
        StringBuilder sb = new StringBuilder();
        int parts = 3 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return sb.toString();
    }
}
