package dev.handbook.link;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The array scorer gives the links' scores exactly: a different last bit could reorder two related questions. */
class PairScorerTest {

    @Test
    void scoresEveryPairExactlyAsTheLinkerDefinesIt() {
        Random random = new Random(8);
        Map<String, Integer> dictionary = new HashMap<>();
        List<Linker.Profile> profiles = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // small vocabularies so that topics share terms; some topics without question or answer terms
            Map<String, Double> question = weights(random, random.nextInt(6), 40);
            Map<String, Double> answer = weights(random, random.nextInt(4) == 0 ? 0 : random.nextInt(60), 300);
            profiles.add(new Linker.Profile(null, question, Linker.norm(question), answer, Linker.norm(answer),
                    Linker.Terms.of(question, dictionary), Linker.Terms.of(answer, dictionary)));
        }
        PairScorer scorer = new PairScorer(dictionary.size());
        int positive = 0;
        for (Linker.Profile a : profiles) {
            scorer.focus(a);
            for (Linker.Profile b : profiles) {
                double expected = Linker.score(a, b);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(scorer.score(b)),
                        () -> a.question() + " / " + b.question() + ": " + expected);
                positive += expected > 0 ? 1 : 0;
            }
            scorer.release();
        }
        // the property is only worth something if many pairs share terms
        assertEquals(true, positive > profiles.size() * profiles.size() / 4, positive + " pairs scored above 0");
    }

    private static Map<String, Double> weights(Random random, int terms, int vocabulary) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int k = 0; k < terms; k++) {
            weights.put("t" + random.nextInt(vocabulary), random.nextDouble() * 3);
        }
        return weights;
    }
}
