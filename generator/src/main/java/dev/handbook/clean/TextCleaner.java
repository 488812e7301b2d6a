package dev.handbook.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an answer captured as plain text into Markdown: every line is a block; "•" and indented numbers become
 * list items; a short line ending in a colon becomes a bold label; a bare title line becomes a bold sub-heading;
 * flattened tables are rebuilt; everything else is escaped so no character is misread as Markdown.
 */
final class TextCleaner {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)([.)])(?=\\s|$)");
    private static final Pattern LEADING_MARK = Pattern.compile("^(#|=|\\+|-(?=\\s|$))");
    private static final Pattern BULLET = Pattern.compile("^\\s*([•◦▪●‣∙·*+-]|\\d{1,3}[.)]|[a-z][.)])\\s+(.*)$");
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,3}[.)]$");
    private static final Pattern LABEL = Pattern.compile("^[^.!?]{1,80}:$");
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|~$])");

    private TextCleaner() {
    }

    static boolean isBullet(String text) {
        return BULLET.matcher(text).matches();
    }

    static String escape(String text) {
        String escaped = MARKDOWN_SPECIAL.matcher(text).replaceAll("\\\\$1");
        // a line that would start a heading, quote, list or rule must not
        escaped = LEADING_NUMBER.matcher(escaped).replaceFirst("$1\\\\$2");
        return LEADING_MARK.matcher(escaped).replaceFirst("\\\\$1");
    }

    static List<TextBlock> blocks(String body) {
        List<TextBlock> blocks = new ArrayList<>();
        int blanks = 0;
        for (String line : body.split("\n", -1)) {
            if (line.isBlank()) {
                blanks++;
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            blocks.add(new TextBlock(line.strip(), indent, blanks));
            blanks = 0;
        }
        return blocks;
    }

    /** The blocks of the answer as Markdown blocks (one string per paragraph, list or table). */
    static List<String> toMarkdown(List<TextBlock> blocks, String question) {
        List<String> out = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        boolean dash = true;
        int i = 0;
        while (i < blocks.size()) {
            Optional<FlatTableRebuilder.Table> table = FlatTableRebuilder.rebuild(blocks, i, question);
            if (table.isPresent()) {
                flush(list, out);
                out.add(FlatTableRebuilder.toMarkdown(table.get()));
                i += table.get().consumed();
                continue;
            }
            String text = blocks.get(i).text();
            Matcher bullet = BULLET.matcher(text);
            if (bullet.matches() && !bullet.group(2).isBlank()) {
                if (list.length() > 0 && blocks.get(i).blanksBefore() >= 2) {
                    // An extra blank line between two bullets is where a heading was lost: start a new list,
                    // with the other bullet character so Markdown does not merge the two.
                    flush(list, out);
                    dash = !dash;
                }
                String marker = NUMBER.matcher(bullet.group(1)).matches() ? bullet.group(1).replace(')', '.')
                        : dash ? "-" : "*";
                list.append(marker).append(' ').append(inline(bullet.group(2))).append('\n');
            } else {
                flush(list, out);
                if (LABEL.matcher(text).matches() && text.split("\\s+").length <= 10) {
                    TextBlock next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                    if (next != null && !isBullet(next.text()) && !LABEL.matcher(next.text()).matches()
                            && next.blanksBefore() <= 1 && !titleLike(next.text())) {
                        // "Why you might get asked this:" followed by its text: one labelled paragraph
                        out.add("**" + escape(text) + "** " + inline(next.text()));
                        i += 2;
                        continue;
                    }
                    out.add("**" + escape(text) + "**");
                } else if (titleLike(text)) {
                    out.add("**" + escape(text) + "**");
                } else {
                    out.add(inline(text));
                }
            }
            i++;
        }
        flush(list, out);
        return out;
    }

    /** "Term: explanation" keeps its term visible as bold; the rest is escaped text. */
    private static String inline(String text) {
        Matcher m = Pattern.compile("^([^:.!?]{1,60}):\\s+(\\S.*)$").matcher(text);
        if (m.matches() && m.group(1).split("\\s+").length <= 6) {
            return "**" + escape(m.group(1)) + ":** " + escape(m.group(2));
        }
        return escape(text);
    }

    private static boolean titleLike(String text) {
        if (text.length() > 70 || !Character.isUpperCase(text.charAt(0))) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return ".?!:;,)\"'".indexOf(last) < 0 && text.split("\\s+").length <= 8;
    }

    private static void flush(StringBuilder list, List<String> out) {
        if (list.length() > 0) {
            out.add(list.toString().stripTrailing());
            list.setLength(0);
        }
    }
}
