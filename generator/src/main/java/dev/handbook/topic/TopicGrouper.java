package dev.handbook.topic;

import dev.handbook.extract.Item;
import dev.handbook.source.CategoryConfig;
import dev.handbook.source.HandbookConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The group stage's entry point: items asking the same question become one topic. For now "the same question"
 * means the same words once case, punctuation and spacing are ignored; real deduplication refines this.
 *
 * <p>Topics come back in category order, then in the order their first item appears in the sources.
 */
public final class TopicGrouper {
    private final HandbookConfig config;

    public TopicGrouper(HandbookConfig config) {
        this.config = config;
    }

    public List<Topic> group(List<Item> items) {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (Item item : items) {
            groups.computeIfAbsent(key(item.question()), k -> new ArrayList<>()).add(item);
        }
        Categorizer categorizer = new Categorizer(config);
        List<Topic> topics = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (List<Item> group : groups.values()) {
            String title = canonicalTitle(group);
            String category = majority(group.stream().map(categorizer::categoryOf).toList());
            String difficulty = group.stream().map(Item::difficulty).filter(d -> !d.isEmpty()).findFirst().orElse("");
            topics.add(new Topic(Slugs.unique(Slugs.of(title), slugs), title, category, group, List.of(), difficulty));
        }
        Map<String, Integer> order = new HashMap<>();
        List<CategoryConfig> categories = config.categories();
        for (int i = 0; i < categories.size(); i++) {
            order.put(categories.get(i).name(), i);
        }
        List<Topic> sorted = new ArrayList<>(topics);
        sorted.sort(Comparator.comparingInt((Topic t) -> order.getOrDefault(t.category(), Integer.MAX_VALUE)));
        return List.copyOf(sorted);
    }

    static String key(String question) {
        return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** A phrasing that is a question (ends in '?') when there is one, the shortest of those, else the first. */
    static String canonicalTitle(List<Item> group) {
        return group.stream()
                .map(Item::question)
                .filter(q -> q.endsWith("?"))
                .min(Comparator.comparingInt(String::length))
                .orElse(group.get(0).question());
    }

    private static String majority(List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
