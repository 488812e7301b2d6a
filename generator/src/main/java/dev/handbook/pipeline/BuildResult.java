package dev.handbook.pipeline;

import dev.handbook.topic.ScoredPair;
import dev.handbook.topic.Topic;

import java.util.List;
import java.util.Map;

/**
 * What a run produced: per-source reports, topics with the merges that made them and the near misses, and the
 * time each stage took (in run order).
 *
 * @param pages   HTML pages written
 * @param written false when no output was written (check, or a failed build)
 */
public record BuildResult(List<SourceReport> sources, List<Topic> topics, List<ScoredPair> merges,
                          List<ScoredPair> nearMisses, Map<String, Long> stageMillis, int pages, boolean written) {
    public BuildResult {
        sources = List.copyOf(sources);
        topics = List.copyOf(topics);
        merges = List.copyOf(merges);
        nearMisses = List.copyOf(nearMisses);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
    }

    public int itemCount() {
        return sources.stream().mapToInt(s -> s.cleaned().items().size()).sum();
    }
}
