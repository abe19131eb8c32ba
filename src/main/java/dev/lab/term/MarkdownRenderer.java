package dev.lab.term;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;

/**
 * Renders lab Markdown as styled terminal text.
 *
 * <p>The result is an {@link AttributedString}: print {@code toAnsi(terminal)} to a terminal,
 * or {@code toString()} for piped, colorless output. Paragraphs, headings and table cells wrap
 * by display columns, so Korean text (two columns per syllable) never overflows the width.
 *
 * <pre>{@code
 * var renderer = new MarkdownRenderer(terminal.getWidth());
 * terminal.writer().println(renderer.render(step.body()).toAnsi(terminal));
 * }</pre>
 */
public final class MarkdownRenderer {
    /** Width used when the terminal reports none, as dumb terminals and pipes do. */
    public static final int DEFAULT_WIDTH = 80;

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .build();

    private final int width;

    /**
     * Creates a renderer for lines of at most {@code width} columns; a width of zero or less
     * (unknown) means {@value #DEFAULT_WIDTH}.
     */
    public MarkdownRenderer(int width) {
        this.width = width <= 0 ? DEFAULT_WIDTH : width;
    }

    /** The line width this renderer wraps to. */
    public int width() {
        return width;
    }

    /** Parses and renders {@code markdown}; lines are joined with {@code \n}, no trailing newline. */
    public AttributedString render(String markdown) {
        return AttributedString.join(new AttributedString("\n"), renderLines(markdown));
    }

    /** Parses and renders {@code markdown} into separate lines. */
    public List<AttributedString> renderLines(String markdown) {
        return renderLines(PARSER.parse(markdown));
    }

    /**
     * Renders an already parsed node: all blocks of a {@link Document}, or a single block
     * such as one heading or paragraph taken from it. The tree is not modified.
     */
    public List<AttributedString> renderLines(Node node) {
        return node instanceof Document ? BlockRenderer.children(node, width, 0, false) : BlockRenderer.single(node, width);
    }

    /** The parser this renderer uses (CommonMark with GFM tables), for callers that walk the tree. */
    public static Parser parser() {
        return PARSER;
    }
}
