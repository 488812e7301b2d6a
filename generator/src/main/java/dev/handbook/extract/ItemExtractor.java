package dev.handbook.extract;

import java.util.regex.Pattern;
import dev.handbook.source.SourceDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The extract stage's entry point: picks the extractor whose shape fits the document best, numbers its items and
 * reports the text it left out.
 *
 * <p>Example: {@code Extraction e = new ItemExtractor().extract(document);}
 */
public final class ItemExtractor {
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^([-*_]\\s*){3,}$");
    private final List<Extractor> extractors = List.of(
            new LabelledAnswerExtractor(),
            new HeadingQuestionExtractor(),
            new QuestionListExtractor(),
            new TableQuestionExtractor(),
            new NumberedQuestionExtractor(),
            new GenericExtractor());

    public Extraction extract(SourceDocument doc) {
        // every extractor scores the whole document: they do so in parallel; the first best-scoring one is chosen
        int[] scores = extractors.parallelStream().mapToInt(e -> e.score(doc)).toArray();
        Extractor chosen = extractors.get(0);
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[extractors.indexOf(chosen)]) {
                chosen = extractors.get(i);
            }
        }
        List<Segment> segments = withoutTableOfContents(chosen.segment(doc).stream()
                .map(s -> withInlineAnswer(doc, s)).map(ItemExtractor::withoutAnswerLabel).toList());
        List<Item> items = new ArrayList<>();
        for (Segment s : segments) {
            // Leading blank lines are kept: in captured text an extra blank line is an empty table cell.
            String body = String.join("\n", s.body()).stripTrailing();
            items.add(new Item(doc.id(), items.size() + 1, s.question(), body.isBlank() ? "" : body,
                    doc.format(), new LineRange(s.startLine(), Math.max(s.startLine(), s.endLine())), s.section(),
                    Lines.difficultyOf(s.section()), s.links(), List.of()));
        }
        return new Extraction(doc.id(), chosen.name(), items, fragments(doc, segments));
    }

    /** "1. **What is X?** It is ..." holds question and answer on one line: split them. */
    private static Segment withInlineAnswer(SourceDocument doc, Segment s) {
        String line = doc.line(s.startLine());
        String rest = Lines.inlineAnswer(line);
        if (rest == null) {
            return s;
        }
        List<String> body = new ArrayList<>();
        body.add(rest);
        body.addAll(s.body());
        return new Segment(s.startLine(), s.endLine(), Lines.boldQuestion(line), body, s.section(), s.links());
    }

    /** An answer that opens with "A:" or "Answer:" loses the label; the extractor already knows it is the answer. */
    private static Segment withoutAnswerLabel(Segment s) {
        List<String> body = new ArrayList<>(s.body());
        for (int i = 0; i < body.size(); i++) {
            if (!Lines.blank(body.get(i))) {
                body.set(i, Lines.withoutAnswerLabel(body.get(i)));
                break;
            }
        }
        return new Segment(s.startLine(), s.endLine(), s.question(), body, s.section(), s.links());
    }

    /**
     * A question with no answer that the same document asks again later with an answer is a table-of-contents or
     * preview entry, not an item of its own.
     */
    static List<Segment> withoutTableOfContents(List<Segment> segments) {
        // the last position at which each question is asked with an answer
        Map<String, Integer> lastAnswered = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String key = Lines.normalized(segments.get(i).question());
            keys.add(key);
            if (hasAnswer(segments.get(i))) {
                lastAnswered.put(key, i);
            }
        }
        List<Segment> kept = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            boolean askedLaterWithAnswer = !hasAnswer(segments.get(i)) && lastAnswered.getOrDefault(keys.get(i), -1) > i;
            if (!askedLaterWithAnswer) {
                kept.add(segments.get(i));
            }
        }
        return kept;
    }

    private static boolean hasAnswer(Segment s) {
        return !s.body().stream().allMatch(Lines::blank) || !s.links().isEmpty();
    }

    /** Headings, rules and fences structure a document; alone they are nothing a maintainer needs to review. */
    private static boolean structural(String line) {
        String t = line.strip();
        return Lines.headingLevel(line) > 0 || THEMATIC_BREAK.matcher(t).matches() || t.startsWith("```");
    }

    /** Runs of non-blank lines that no item covers, with what they probably are. */
    static List<Fragment> fragments(SourceDocument doc, List<Segment> segments) {
        Set<Integer> covered = new HashSet<>();
        for (Segment s : segments) {
            for (int l = s.startLine(); l <= s.endLine(); l++) {
                covered.add(l);
            }
        }
        int first = segments.isEmpty() ? Integer.MAX_VALUE : segments.get(0).startLine();
        int last = segments.isEmpty() ? 0 : segments.get(segments.size() - 1).endLine();
        List<Fragment> fragments = new ArrayList<>();
        int runStart = -1;
        StringBuilder run = new StringBuilder();
        for (int l = 1; l <= doc.lines().size() + 1; l++) {
            String line = l <= doc.lines().size() ? doc.line(l) : "";
            boolean outside = l <= doc.lines().size() && !covered.contains(l) && !Lines.blank(line)
                    && !structural(line);
            if (outside) {
                if (runStart < 0) {
                    runStart = l;
                }
                run.append(run.length() == 0 ? "" : " ").append(line.strip());
            } else if (runStart >= 0) {
                String text = run.toString();
                boolean sectionTitle = runStart == l - 1 && Lines.titleLike(doc.line(runStart));
                String reason = runStart < first ? "introduction before the first question"
                        : runStart > last ? "text after the last question" : "text between questions";
                if (text.contains("?") && runStart >= first) {
                    reason = "possible question not extracted";
                }
                if (!sectionTitle) {
                    fragments.add(new Fragment(runStart, text.length() > 160 ? text.substring(0, 157) + "..." : text,
                            reason));
                }
                runStart = -1;
                run.setLength(0);
            }
        }
        return fragments;
    }
}
