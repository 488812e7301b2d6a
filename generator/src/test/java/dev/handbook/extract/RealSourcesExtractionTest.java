package dev.handbook.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden tests on the five real sources: how many questions, which extractor, and a few exact items. */
class RealSourcesExtractionTest {

    @ParameterizedTest(name = "{0}: {1} items by {2}")
    @CsvSource({
            "ml-article, 36, numbered-questions",
            "coach-top30, 36, labelled-answers",
            "epam-anywhere, 42, heading-questions",
            "extended-reference, 42, numbered-questions",
            "outcome-school, 284, question-list"})
    void everyQuestionOfEverySourceIsAnItem(String source, int count, String extractor) {
        Extraction e = RealSources.extract(source);
        assertEquals(extractor, e.extractor());
        assertEquals(count, e.items().size());
        Set<String> refs = new HashSet<>();
        for (Item item : e.items()) {
            assertTrue(refs.add(item.ref()), "ordinals are unique");
            assertFalse(item.question().isBlank());
            assertTrue(item.lines().tracked(), "every item knows its lines");
        }
    }

    private static Item item(String source, int ordinal) {
        return RealSources.extract(source).items().get(ordinal - 1);
    }

    @Test
    void webArticleQuestionsLoseTheirQuestionNumberOnly() {
        Item first = item("ml-article", 1);
        assertEquals("What are different types of Machine learning?", first.question());
        assertEquals(15, first.lines().start());
        assertEquals("Difference between L1 and L2 regularization", item("ml-article", 10).question());
        assertEquals("Explain the backpropagation process in a Neural Network.", item("ml-article", 36).question());
    }

    @Test
    void coachingArticleSkipsThePreviewListAndKeepsTheFaq() {
        List<Item> items = RealSources.extract("coach-top30").items();
        assertEquals("What are the different types of machine learning?", items.get(0).question());
        assertEquals(41, items.get(0).lines().start(), "the preview list above is not the question");
        assertTrue(items.get(0).body().contains("Why you might get asked this:"));
        assertTrue(items.get(0).body().contains("Example answer:"));
        Item faq = items.get(30);
        assertEquals("How deep should my answers be for machine learning interview questions?", faq.question());
        assertTrue(faq.body().startsWith("Aim for conciseness"), "the A1: marker is not part of the answer");
        assertEquals("Are behavioral questions common in ML interviews?", items.get(35).question());
        assertFalse(items.get(29).body().contains("Verve"), "the tips section after Q30 is not its answer");
    }

    @Test
    void jobBoardArticleKnowsItsDifficultyAndEmptyAnswers() {
        List<Item> items = RealSources.extract("epam-anywhere").items();
        assertEquals("Explain the bias-variance trade-off in machine learning", items.get(1).question());
        assertEquals("basic", items.get(0).difficulty());
        assertEquals("advanced", items.get(33).difficulty());
        assertFalse(items.get(9).answered(), "Q10 has no answer in the source");
        assertTrue(items.get(41).question().startsWith("What is a capsule network"));
        assertFalse(items.get(41).body().contains("Conclusion"));
        assertFalse(items.get(41).body().contains("Gayane"));
    }

    @Test
    void extendedReferenceRestartsNumberingPerSection() {
        List<Item> items = RealSources.extract("extended-reference").items();
        assertEquals("Explain ETL.", items.get(24).question());
        assertEquals("Pre-process a dataset for ML", items.get(25).question());
        assertEquals("ML Coding Questions", items.get(25).section());
        assertEquals("Design: Spotify Recommendation System", items.get(31).question());
        assertEquals("ML System Design", items.get(31).section());
        assertEquals("What is the ROC AUC?", items.get(34).question());
        assertEquals("FAANG+", items.get(34).difficulty());
        assertFalse(items.get(24).body().contains("ML Coding Questions"), "a section title ends the answer above");
    }

    @Test
    void readmeBulletsAreQuestionsAndAnswerLinksAreLinks() {
        List<Item> items = RealSources.extract("outcome-school").items();
        Item first = items.get(0);
        assertEquals("Explain Epoch, Batch, Batch Size, and Iteration.", first.question());
        assertEquals("Fundamentals of Machine Learning", first.section());
        assertEquals(1, first.answerLinks().size());
        assertEquals("https://www.youtube.com/watch?v=NFLlXE-6vno", first.answerLinks().get(0).url());
        assertTrue(first.body().isBlank());
        assertTrue(items.stream().noneMatch(i -> i.question().contains("Twitter") || i.question().contains("LinkedIn")),
                "social links are not questions");
        assertEquals("Eigenvalues and Eigenvectors", items.stream().filter(i -> i.section().equals("Maths"))
                .findFirst().orElseThrow().question());
        assertEquals(14, items.stream().map(Item::section).distinct().count(), "14 categories");
    }
}
