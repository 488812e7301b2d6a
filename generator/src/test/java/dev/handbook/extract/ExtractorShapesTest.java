package dev.handbook.extract;

import dev.handbook.source.SourceDocument;
import dev.handbook.source.SourceFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small documents in shapes not seen in the real sources: a new document must need no code. */
class ExtractorShapesTest {

    private static Extraction extract(SourceFormat format, String text) {
        return new ItemExtractor().extract(new SourceDocument("doc", "doc.txt", "Doc", "", "", "", "", "", format,
                List.of(text.split("\n", -1))));
    }

    @Test
    void plainQuestionLinesWithAnswersBelow() {
        Extraction e = extract(SourceFormat.TEXT, """
                Some intro text about the list.

                What is a random forest?
                An ensemble of decision trees trained on bootstrap samples.

                Why does bagging reduce variance?
                Averaging many noisy models cancels their independent errors.
                """);
        assertEquals("generic", e.extractor());
        assertEquals(List.of("What is a random forest?", "Why does bagging reduce variance?"),
                e.items().stream().map(Item::question).toList());
        assertTrue(e.items().get(1).body().startsWith("Averaging"));
        assertEquals(6, e.items().get(1).lines().start());
    }

    @Test
    void boldQuestionsInMarkdown() {
        Extraction e = extract(SourceFormat.MARKDOWN, """
                # My notes

                **What is precision?**

                The share of predicted positives that are positive.

                **What is recall?**

                The share of positives that are found.

                **What is F1?**

                Their harmonic mean.
                """);
        assertEquals(3, e.items().size());
        assertEquals("What is recall?", e.items().get(1).question());
        assertEquals("The share of positives that are found.", e.items().get(1).body().strip());
    }

    @Test
    void numberedListInsideAnAnswerIsNotAQuestion() {
        Extraction e = extract(SourceFormat.TEXT, """
                1. What are the steps of k-means?
                The steps:
                1. pick k centroids
                2. assign points
                3. move centroids
                2. What is the elbow method?
                Plot inertia against k and pick the bend.
                3. What is silhouette score?
                A measure of cluster separation.
                """);
        assertEquals(List.of("What are the steps of k-means?", "What is the elbow method?",
                "What is silhouette score?"), e.items().stream().map(Item::question).toList());
        assertTrue(e.items().get(0).body().contains("3. move centroids"));
    }

    @Test
    void headingQuestionsWithSectionsAndSubheadings() {
        Extraction e = extract(SourceFormat.MARKDOWN, """
                ## Basic questions
                ### 1. What is a tensor?
                A multi-dimensional array.
                #### Example
                A 3x3 image is a rank-2 tensor.
                ### 2. Explain broadcasting
                Shapes are stretched to match.
                ## Advanced questions
                ### 3. What is autograd?
                Automatic differentiation.
                ## About the author
                Someone who writes.
                """);
        assertEquals(3, e.items().size());
        assertTrue(e.items().get(0).body().contains("rank-2 tensor"), "a deeper heading stays in the answer");
        assertEquals("basic", e.items().get(0).difficulty());
        assertEquals("advanced", e.items().get(2).difficulty());
        assertFalse(e.items().get(2).body().contains("Someone"), "a section heading ends the answer");
    }

    @Test
    void tableOfContentsEntriesAreNotItems() {
        Extraction e = extract(SourceFormat.MARKDOWN, """
                ## What is dropout?
                ## What is batch norm?

                ## What is dropout?
                Randomly zeroing activations during training.

                ## What is batch norm?
                Normalising activations per mini-batch.
                """);
        assertEquals(2, e.items().size());
        assertTrue(e.items().stream().allMatch(Item::answered));
    }

    @Test
    void textWithoutQuestionsGivesNoItemsAndReportsItsText() {
        Extraction e = extract(SourceFormat.TEXT, "Just a paragraph.\n\nAnother one.\n");
        assertTrue(e.items().isEmpty());
    }

    @Test
    void questionAndAnswerLabels() {
        Extraction e = extract(SourceFormat.TEXT, """
                Q: What is a tensor?
                A: A multi-dimensional array.

                Question: Why use autograd?
                Answer: To avoid deriving gradients by hand.
                """);
        assertEquals(List.of("What is a tensor?", "Why use autograd?"),
                e.items().stream().map(Item::question).toList());
        assertEquals("A multi-dimensional array.", e.items().get(0).body().strip());
        assertEquals("To avoid deriving gradients by hand.", e.items().get(1).body().strip());
    }

    @Test
    void boldQuestionWithItsAnswerOnTheSameLine() {
        Extraction e = extract(SourceFormat.MARKDOWN, """
                1. **What is a tensor?** A multi-dimensional array.
                2. **What is broadcasting?** Stretching shapes so they match.
                3. **What is autograd?** Automatic differentiation.
                """);
        assertEquals(List.of("What is a tensor?", "What is broadcasting?", "What is autograd?"),
                e.items().stream().map(Item::question).toList());
        assertEquals("Stretching shapes so they match.", e.items().get(1).body().strip());
    }

    @Test
    void questionsInATable() {
        Extraction e = extract(SourceFormat.MARKDOWN, """
                ## Metrics

                | # | Question | Answer | Level |
                |---|---|---|---|
                | 1 | What is precision? | TP / (TP + FP) | basic |
                | 2 | What is recall? | TP / (TP + FN) | basic |
                | 3 | What is AUC? | Area under the ROC curve | advanced |
                """);
        assertEquals("question-table", e.extractor());
        assertEquals(List.of("What is precision?", "What is recall?", "What is AUC?"),
                e.items().stream().map(Item::question).toList());
        assertTrue(e.items().get(2).body().startsWith("Area under the ROC curve"));
        assertTrue(e.items().get(2).body().contains("**Level:** advanced"));
        assertEquals("Metrics", e.items().get(0).section());
        assertEquals(6, e.items().get(1).lines().start());
    }
}
