package dev.handbook.link;

import dev.handbook.diag.Diagnostics;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.BuildResult;
import dev.handbook.pipeline.Pipeline;
import dev.handbook.topic.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Related questions on the real handbook: the pairs a reader expects to find next to each other. */
class LinkerTest {
    static List<Topic> topics;
    static Map<String, Topic> byItem = new HashMap<>();

    @BeforeAll
    static void analyze() {
        BuildResult result = new Pipeline(new Diagnostics()).analyze(BuildOptions.defaults());
        topics = result.topics();
        for (Topic t : topics) {
            t.items().forEach(i -> byItem.put(i.ref(), t));
        }
    }

    private static boolean related(String itemA, String itemB) {
        Topic a = byItem.get(itemA);
        Topic b = byItem.get(itemB);
        return a.related().contains(b.slug()) || b.related().contains(a.slug());
    }

    @Test
    void everyTopicHasRelatedQuestionsButNeverItself() {
        long withFour = topics.stream().filter(t -> t.related().size() >= 4).count();
        assertTrue(withFour * 10 >= topics.size() * 8, withFour + " of " + topics.size() + " have 4+ related");
        for (Topic t : topics) {
            assertFalse(t.related().contains(t.slug()), t.slug());
            assertTrue(t.related().size() <= 8, t.slug());
        }
    }

    @Test
    void expectedNeighboursAreLinked() {
        // L1/L2 regularization ~ L1/L2 loss ~ overfitting ~ dropout
        assertTrue(related("ml-article#10", "outcome-school#10"), "L1/L2 regularization ~ L1/L2 loss");
        assertTrue(related("ml-article#10", "ml-article#6"), "L1/L2 regularization ~ overfitting");
        assertTrue(related("ml-article#6", "epam-anywhere#17"), "overfitting ~ dropout");
        // bagging vs boosting ~ boosting methods
        assertTrue(related("coach-top30#24", "epam-anywhere#28"), "bagging vs boosting ~ AdaBoost");
        // KNN ~ "KNN vs k-means" ~ k-means
        assertTrue(related("coach-top30#4", "ml-article#28"), "KNN ~ KNN vs k-means");
        assertTrue(related("epam-anywhere#6", "ml-article#28"), "k-means ~ KNN vs k-means");
    }

    @Test
    void relatedLinksAreMostlySymmetric() {
        Map<String, Topic> bySlug = new HashMap<>();
        topics.forEach(t -> bySlug.put(t.slug(), t));
        long links = 0;
        long mutual = 0;
        for (Topic t : topics) {
            for (String r : t.related()) {
                links++;
                if (bySlug.get(r).related().contains(t.slug())) {
                    mutual++;
                }
            }
        }
        assertTrue(mutual * 10 >= links * 7, mutual + " of " + links + " links are mutual");
    }
}
