package dev.handbook.site;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Markdown to the text a reader sees, for the search index's body field and snippets: the text of every node,
 * blocks and line breaks as spaces, whitespace collapsed (as the rendered page's text reads). Raw HTML counts as
 * text, as the escaping renderer shows it; images show nothing. Read from the Markdown tree: rendering HTML and
 * parsing it again costs several times more.
 */
final class MarkdownText {
    private static final Parser MARKDOWN = Parser.builder().build();

    private MarkdownText() {
    }

    /** The text of {@code markdown} as its rendered page shows it. */
    static String of(String markdown) {
        StringBuilder text = new StringBuilder();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(HtmlInline node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(Image node) {
                // alt text is not shown
            }

            @Override
            public void visit(FencedCodeBlock node) {
                text.append(' ').append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(IndentedCodeBlock node) {
                text.append(' ').append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(HtmlBlock node) {
                text.append(' ').append(node.getLiteral()).append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                boolean block = parent instanceof Block;
                if (block) {
                    text.append(' ');
                }
                super.visitChildren(parent);
                if (block) {
                    text.append(' ');
                }
            }
        });
        return collapseSpaces(text);
    }

    /** Runs of whitespace (no-break spaces too, as a browser's text does) as one space, trimmed. */
    private static String collapseSpaces(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
