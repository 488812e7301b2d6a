package dev.handbook.site;

import dev.handbook.link.GlossaryTerm;
import dev.handbook.source.HandbookConfig;
import dev.handbook.source.SourceDocument;
import dev.handbook.source.Vocabulary;
import dev.handbook.topic.Topic;

import java.util.List;
import java.util.Map;

/**
 * Everything an output needs, immutable: settings, sources (with how many items each gave), topics in order and
 * the glossary of concepts linked in answers, and the vocabulary search uses.
 *
 * @param siteUrl   absolute URL the site will be served from, or "" (then no sitemap)
 * @param date      the edition's date (ISO), from SOURCE_DATE_EPOCH, or "" when unknown: never the clock, so
 *                  builds stay reproducible
 * @param downloads the files under {@code downloads/} this build produces ("handbook.pdf", ...)
 */
public record SiteModel(String generator, HandbookConfig config, List<SourceDocument> sources,
                        Map<String, Integer> itemsPerSource, List<Topic> topics, List<GlossaryTerm> glossary,
                        Vocabulary vocabulary, String siteUrl, String date, List<String> downloads) {
    public SiteModel {
        glossary = List.copyOf(glossary);
        sources = List.copyOf(sources);
        itemsPerSource = Map.copyOf(itemsPerSource);
        topics = List.copyOf(topics);
        siteUrl = siteUrl == null ? "" : siteUrl;
        date = date == null ? "" : date;
        downloads = List.copyOf(downloads);
    }
}
