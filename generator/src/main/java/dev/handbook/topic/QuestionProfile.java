package dev.handbook.topic;

import dev.handbook.extract.Item;

import java.util.Map;
import java.util.Set;

/**
 * What grouping knows about one item: its kind, the terms naming its subject with their share of weight (1 for
 * the question's head, less for context such as "in neural networks"), and the term counts of its answer (text,
 * answer-link titles and link addresses). {@code aspects} are what it asks besides its subject (see
 * {@link SubjectReader#aspects}).
 */
record QuestionProfile(int index, Item item, QuestionKind kind, Map<String, Double> subject,
                       Set<String> aspects, Map<String, Integer> answer) {

    boolean isHead(String term) {
        Double share = subject.get(term);
        return share != null && share >= 1.0;
    }
}
