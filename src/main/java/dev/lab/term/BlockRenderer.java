package dev.lab.term;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Renders one block node into lines no wider than its width; containers recurse through
 * {@link #children} with the width that is left after their own prefix.
 */
final class BlockRenderer extends AbstractVisitor {
    private final int width;
    private final int listDepth;
    private final List<AttributedString> out = new ArrayList<>();
    private int detailsDelta;

    private BlockRenderer(int width, int listDepth) {
        this.width = width;
        this.listDepth = listDepth;
    }

    /**
     * Renders the block children of {@code parent}, with a blank line between blocks unless
     * {@code tight}. Blocks between an opening and closing {@code <details>} are indented.
     */
    static List<AttributedString> children(Node parent, int width, int listDepth, boolean tight) {
        List<AttributedString> lines = new ArrayList<>();
        int details = 0;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            String indent = "  ".repeat(details);
            BlockRenderer renderer = new BlockRenderer(width - indent.length(), listDepth);
            child.accept(renderer);
            details = Math.max(0, details + renderer.detailsDelta);
            if (renderer.out.isEmpty()) {
                continue;
            }
            if (!lines.isEmpty() && !tight) {
                lines.add(AttributedString.EMPTY);
            }
            renderer.out.forEach(line -> lines.add(prefix(indent, AttributedStyle.DEFAULT, line)));
        }
        return lines;
    }

    /** Renders one block on its own. */
    static List<AttributedString> single(Node block, int width) {
        BlockRenderer renderer = new BlockRenderer(width, 0);
        block.accept(renderer);
        return renderer.out;
    }

    /** Prepends {@code prefix} to a line, leaving empty lines empty. */
    static AttributedString prefix(String prefix, AttributedStyle style, AttributedString line) {
        if (prefix.isEmpty() || line.length() == 0) {
            return line;
        }
        return new AttributedStringBuilder().styled(style, prefix).append(line).toAttributedString();
    }

    @Override
    public void visit(Paragraph paragraph) {
        out.addAll(InlineRenderer.render(paragraph, AttributedStyle.DEFAULT).wrap(width));
    }

    @Override
    public void visit(Heading heading) {
        int level = heading.getLevel();
        AttributedStyle style = level == 1 ? Theme.H1 : level == 2 ? Theme.H2 : Theme.HEADING;
        List<AttributedString> lines = InlineRenderer.renderHeading(heading, style).wrap(width);
        out.addAll(lines);
        if (level <= 2) {
            // Underlining the top levels keeps the structure visible when colors are off.
            int cols = lines.stream().mapToInt(Width::columns).max().orElse(0);
            out.add(new AttributedString((level == 1 ? "═" : "─").repeat(cols), style));
        }
    }

    @Override
    public void visit(FencedCodeBlock code) {
        out.addAll(CodeBlock.render(code.getInfo(), code.getLiteral()));
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        out.addAll(CodeBlock.render("", code.getLiteral()));
    }

    @Override
    public void visit(BulletList list) {
        out.addAll(ListLayout.bullets(list, width, listDepth));
    }

    @Override
    public void visit(OrderedList list) {
        out.addAll(ListLayout.numbered(list, width, listDepth));
    }

    @Override
    public void visit(BlockQuote quote) {
        for (AttributedString line : children(quote, width - 2, listDepth, false)) {
            out.add(line.length() == 0 ? new AttributedString("│", Theme.DIM) : prefix("│ ", Theme.DIM, line));
        }
    }

    @Override
    public void visit(ThematicBreak rule) {
        out.add(new AttributedString("─".repeat(Math.max(1, width)), Theme.DIM));
    }

    @Override
    public void visit(HtmlBlock html) {
        HtmlText.Result result = HtmlText.render(html.getLiteral(), width);
        out.addAll(result.lines());
        detailsDelta = result.depthDelta();
    }

    @Override
    public void visit(CustomBlock block) {
        if (block instanceof TableBlock table) {
            out.addAll(MarkdownTable.render(table, width));
        }
    }
}
