package dev.handbook.site;

import java.util.Map;

/**
 * The client-side search index as files under {@code search/}: a small {@code meta.js} (vocabulary phrases,
 * stop words, shard names), term shards {@code t-*.js} (surface words to terms, postings with precomputed scores)
 * and document chunks {@code d-*.js} (title, path, category, snippet). Every file is a classic script that
 * registers its data, so the index loads from {@code file://}; a query loads only the shards its words need.
 *
 * @param files file name (relative to {@code search/}) to content
 */
record SearchIndex(Map<String, String> files) {
    SearchIndex {
        files = Map.copyOf(files);
    }
}
