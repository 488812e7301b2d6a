package dev.handbook.topic;

import java.util.List;

/**
 * The group stage's result: the topics, the merges made (each pair that joined two groups, with its score) and the
 * near misses (pairs scored just under the threshold), so a maintainer can review both.
 */
public record Grouping(List<Topic> topics, List<ScoredPair> merges, List<ScoredPair> nearMisses) {
    public Grouping {
        topics = List.copyOf(topics);
        merges = List.copyOf(merges);
        nearMisses = List.copyOf(nearMisses);
    }
}
