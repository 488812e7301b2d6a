package dev.handbook.topic;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlugsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "What is Overfitting and how can you avoid it? | overfitting-and-how-can-you-avoid-it",
            "What is the difference between Deep Learning and Machine Learning? | deep-learning-vs-machine-learning",
            "Explain the differences between L1 and L2 regularization | l1-vs-l2-regularization",
            "Difference between L1 and L2 regularization | l1-vs-l2-regularization",
            "Explain the bias-variance tradeoff. | bias-variance-tradeoff",
            "How does a decision tree work? | decision-tree-work",
            "Explain the concept of dropout in neural networks | dropout-in-neural-networks",
            "What is Bias? | bias",
            "What is C++? | what-is-c-plus-plus",
            "Eigenvalues and Eigenvectors | eigenvalues-and-eigenvectors",
            "What is it? | what-is-it"})
    void readableSlugs(String title, String slug) {
        assertEquals(slug, Slugs.of(title));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"overfitting"})
    void takenSlugsGetANumber(String slug) {
        Set<String> taken = new HashSet<>();
        assertEquals(slug, Slugs.unique(slug, taken));
        assertEquals(slug + "-2", Slugs.unique(slug, taken));
        assertEquals(slug + "-3", Slugs.unique(slug, taken));
    }
}
