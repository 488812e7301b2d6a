package dev.handbook.extract;

import java.util.List;

/** What one source yielded: its items, the extractor that read it, and the fragments it did not place. */
public record Extraction(String sourceId, String extractor, List<Item> items, List<Fragment> fragments) {
    public Extraction {
        items = List.copyOf(items);
        fragments = List.copyOf(fragments);
    }
}
