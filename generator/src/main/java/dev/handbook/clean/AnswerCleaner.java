package dev.handbook.clean;

import java.util.regex.Pattern;
import dev.handbook.extract.Item;
import dev.handbook.source.SourceDocument;
import dev.handbook.source.SourceFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The clean stage's entry point: every answer of a source becomes well-formed Markdown, with what extraction
 * broke repaired and what is not answer removed.
 *
 * <p>Example: {@code CleanResult r = new AnswerCleaner().clean(document, extraction.items());}
 */
public final class AnswerCleaner {
    private static final Pattern BULLET_SIGN = Pattern.compile("^(\\s*)[•◦▪●]\\s+");
    private static final Pattern CODE_TASK = Pattern.compile(
            "(?i)^(write|implement|code)\\b.*\\b(function|code|program|script|class|python|numpy)\\b.*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    static final String MISSING_CODE_NOTE = "The source's code sample is missing.";

    public CleanResult clean(SourceDocument doc, List<Item> items) {
        Boilerplate boilerplate = Boilerplate.forDocument(doc.lines());
        // A coding question without an answer lost its code only in a source that answers its questions.
        boolean answersItsQuestions = items.stream().filter(Item::answered).count() * 2 > items.size();
        // items are cleaned in parallel, and what each repaired and removed is gathered in item order
        List<CleanedItem> each = IntStream.range(0, items.size()).parallel()
                .mapToObj(i -> clean(items.get(i), i == items.size() - 1, boilerplate, answersItsQuestions)).toList();
        Map<String, Integer> repairs = new TreeMap<>();
        List<String> removed = new ArrayList<>();
        List<Item> cleaned = new ArrayList<>();
        for (CleanedItem c : each) {
            c.repairs().forEach((kind, n) -> count(repairs, kind, n));
            removed.addAll(c.removed());
            cleaned.add(c.item());
        }
        return new CleanResult(doc.id(), cleaned, repairs, removed);
    }

    private record CleanedItem(Item item, Map<String, Integer> repairs, List<String> removed) {
    }

    private static CleanedItem clean(Item item, boolean last, Boilerplate boilerplate, boolean answersItsQuestions) {
        Map<String, Integer> repairs = new TreeMap<>();
        List<String> removed = new ArrayList<>();
        List<String> notes = new ArrayList<>(item.notes());
        List<String> blocks = item.format() == SourceFormat.TEXT
                ? TextCleaner.toMarkdown(TextCleaner.blocks(item.body()), item.question())
                : markdownBlocks(item.body(), notes, repairs);
        if (item.format() == SourceFormat.TEXT) {
            count(repairs, "tables rebuilt", blocks.stream().filter(b -> b.startsWith("|")).count());
        }
        List<String> kept = new ArrayList<>();
        for (String block : blocks) {
            String reason = boilerplate.reason(block, kept.isEmpty());
            if (reason == null) {
                kept.add(block);
            } else {
                removed.add(item.ref() + ": " + reason + ": " + excerpt(block));
            }
        }
        // The article's closing words follow its last answer.
        while (last && kept.size() > 1 && Boilerplate.outro(kept.get(kept.size() - 1))) {
            removed.add(item.ref() + ": closing words: " + excerpt(kept.remove(kept.size() - 1)));
        }
        if (kept.isEmpty() && answersItsQuestions && item.answerLinks().isEmpty() && asksForCode(item.question())
                && !notes.contains(MISSING_CODE_NOTE)) {
            notes.add(MISSING_CODE_NOTE);
            count(repairs, "missing code samples flagged", 1);
        }
        return new CleanedItem(item.withBody(String.join("\n\n", kept), SourceFormat.MARKDOWN, notes), repairs,
                removed);
    }

    private static List<String> markdownBlocks(String body, List<String> notes, Map<String, Integer> repairs) {
        List<String> lines = new ArrayList<>(Arrays.asList(body.replace("\t", "    ").split("\n", -1)));
        lines.replaceAll(l -> BULLET_SIGN.matcher(l).replaceFirst("$1- "));
        if (MarkdownRepairs.endsWithMissingCode(lines)) {
            lines = MarkdownRepairs.withoutTrailingLabel(lines);
            notes.add(MISSING_CODE_NOTE);
            count(repairs, "missing code samples flagged", 1);
        }
        boolean loose = MarkdownRepairs.isLoose(lines);
        List<String> fenced = CodeRecovery.fence(lines);
        count(repairs, "code blocks restored", (fenced.size() - lines.size()) / 2);
        List<String> split = MarkdownRepairs.splitGluedBoldLabels(fenced);
        count(repairs, "run-together bold lists split", split.size() - fenced.size());
        List<String> headed = MarkdownRepairs.repairShiftedHeaders(split);
        count(repairs, "shifted table headers repaired", differences(split, headed));
        List<String> tables = MarkdownRepairs.typesetFormulaCells(headed);
        count(repairs, "plain-text formulas typeset", differences(headed, tables));
        List<String> nested = MarkdownRepairs.nestAnnouncedItems(tables);
        count(repairs, "nested lists restored", differences(tables, nested));
        List<String> result = loose
                ? MarkdownRepairs.separateLooseLines(
                        MarkdownRepairs.emphasizeLooseLabels(MarkdownRepairs.joinBrokenItems(nested)))
                : nested;
        return splitBlocks(result);
    }

    /** Blank-line separated blocks, never splitting inside a code fence. */
    static List<String> splitBlocks(List<String> lines) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            }
            if (line.isBlank() && !inFence) {
                if (current.length() > 0) {
                    blocks.add(current.toString().stripTrailing());
                    current.setLength(0);
                }
                continue;
            }
            current.append(line).append('\n');
        }
        if (current.length() > 0) {
            blocks.add(current.toString().stripTrailing());
        }
        return blocks;
    }

    /** "Write a Python function to ...", "Implement X in code": a question whose answer is code. */
    static boolean asksForCode(String question) {
        return CODE_TASK.matcher(question).matches();
    }

    private static int differences(List<String> a, List<String> b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                n++;
            }
        }
        return n;
    }

    private static void count(Map<String, Integer> repairs, String kind, long n) {
        if (n > 0) {
            repairs.merge(kind, (int) n, Integer::sum);
        }
    }

    private static String excerpt(String block) {
        String flat = SPACES.matcher(block).replaceAll(" ").strip();
        return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
    }
}
