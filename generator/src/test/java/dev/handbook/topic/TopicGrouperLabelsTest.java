package dev.handbook.topic;

import dev.handbook.clean.AnswerCleaner;
import dev.handbook.diag.Diagnostics;
import dev.handbook.extract.Item;
import dev.handbook.extract.ItemExtractor;
import dev.handbook.extract.RealSources;
import dev.handbook.source.HandbookConfig;
import dev.handbook.source.SourceDocument;
import dev.handbook.source.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grouping measured on hand-labelled pairs from the real sources: groups of items that ask the same question
 * (every pair in a group must merge) and look-alike pairs that must never merge.
 */
class TopicGrouperLabelsTest {
    static final Path LABELS = Path.of("generator/src/test/resources/labels");
    static Map<String, String> topicOf = new HashMap<>();
    static Map<String, String> questionOf = new HashMap<>();

    @BeforeAll
    static void group() {
        Diagnostics diagnostics = new Diagnostics();
        List<Item> items = new ArrayList<>();
        for (SourceDocument doc : RealSources.all()) {
            items.addAll(new AnswerCleaner().clean(doc, new ItemExtractor().extract(doc).items()).items());
        }
        Path content = Path.of("content");
        try (TextAnalyzer analyzer = new TextAnalyzer(Vocabulary.load(content, diagnostics))) {
            Grouping grouping = new TopicGrouper(HandbookConfig.load(content, diagnostics), analyzer,
                    Curation.none(), diagnostics).group(items);
            for (Topic t : grouping.topics()) {
                for (Item i : t.items()) {
                    topicOf.put(i.ref(), t.slug());
                    questionOf.put(i.ref(), i.question());
                }
            }
        }
    }

    /** Pairs from a label file: every pair of references on a line (text after "  #" is a note). */
    static List<String[]> pairs(String file) throws IOException {
        List<String[]> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(LABELS.resolve(file))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] refs = line.split("  #")[0].trim().split("\\s+");
            for (int i = 0; i < refs.length; i++) {
                for (int j = i + 1; j < refs.length; j++) {
                    pairs.add(new String[]{refs[i], refs[j]});
                }
            }
        }
        return pairs;
    }

    private static boolean merged(String[] pair) {
        assertTrue(topicOf.containsKey(pair[0]), "unknown item " + pair[0]);
        assertTrue(topicOf.containsKey(pair[1]), "unknown item " + pair[1]);
        return topicOf.get(pair[0]).equals(topicOf.get(pair[1]));
    }

    @Test
    void lookAlikesAreNeverMerged() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String[] p : pairs("different-question.txt")) {
            if (merged(p)) {
                wrong.add(questionOf.get(p[0]) + "  ==  " + questionOf.get(p[1]));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void sameQuestionsAreMergedWithHighPrecisionAndRecall() throws IOException {
        List<String[]> same = pairs("same-question.txt");
        List<String[]> different = pairs("different-question.txt");
        int truePositives = 0;
        List<String> missed = new ArrayList<>();
        for (String[] p : same) {
            if (merged(p)) {
                truePositives++;
            } else {
                missed.add(questionOf.get(p[0]) + "  /  " + questionOf.get(p[1]));
            }
        }
        int falsePositives = (int) different.stream().filter(TopicGrouperLabelsTest::merged).count();
        double precision = truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        double recall = (double) truePositives / same.size();
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf(Locale.ROOT, "grouping on %d labelled pairs (%d same, %d different): precision %.3f, "
                + "recall %.3f, F1 %.3f%n", same.size() + different.size(), same.size(), different.size(),
                precision, recall, f1);
        missed.forEach(m -> System.out.println("  not merged: " + m));
        assertTrue(same.size() + different.size() >= 80, "at least 80 labelled pairs");
        assertTrue(f1 >= 0.95, "F1 " + f1 + "; missed: " + missed);
    }
}
