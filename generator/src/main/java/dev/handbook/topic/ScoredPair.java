package dev.handbook.topic;

/** Two items and how alike grouping found their questions (0..1), for {@code check}'s merge report. */
public record ScoredPair(String a, String questionA, String b, String questionB, double score) {
}
