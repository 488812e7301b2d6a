package dev.handbook.clean;

import dev.handbook.extract.Item;

import java.util.List;
import java.util.Map;

/**
 * One source's items after cleaning, with what was repaired (counts by kind) and what was removed as boilerplate
 * (a short excerpt and the reason, for {@code check}).
 */
public record CleanResult(String sourceId, List<Item> items, Map<String, Integer> repairs, List<String> removed) {
    public CleanResult {
        items = List.copyOf(items);
        repairs = Map.copyOf(repairs);
        removed = List.copyOf(removed);
    }
}
