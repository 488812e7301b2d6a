package dev.handbook.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handbook.extract.Item;
import dev.handbook.source.SourceDocument;
import dev.handbook.topic.Topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code manifest.json}: the sources and every topic with the items it holds (the contract in DESIGN.md). */
final class ManifestWriter {
    private ManifestWriter() {
    }

    static String json(SiteModel model) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", model.generator());
        List<Object> sources = new ArrayList<>();
        for (SourceDocument s : model.sources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("file", s.file());
            m.put("title", s.title());
            m.put("url", s.url());
            m.put("items", model.itemsPerSource().getOrDefault(s.id(), 0));
            sources.add(m);
        }
        root.put("sources", sources);
        List<Object> topics = new ArrayList<>();
        for (Topic t : model.topics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", t.slug());
            m.put("title", t.title());
            m.put("category", t.category());
            m.put("path", HtmlSite.topicPath(t));
            List<Object> items = new ArrayList<>();
            for (Item i : t.items()) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("source", i.sourceId());
                im.put("ordinal", i.ordinal());
                im.put("question", i.question());
                im.put("answered", i.answered());
                items.add(im);
            }
            m.put("items", items);
            m.put("related", t.related());
            topics.add(m);
        }
        root.put("topics", topics);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest is not serialisable", e);
        }
    }
}
