package dev.lab.term;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.jline.utils.AttributedStyle;

/** Turns the inline children of a block (paragraph, heading, table cell) into a {@link TextFlow}. */
final class InlineRenderer extends AbstractVisitor {
    private final TextFlow flow = new TextFlow();
    private final Text attributeText;
    private final int attributeStart;
    private AttributedStyle style;

    private InlineRenderer(AttributedStyle base, Text attributeText, int attributeStart) {
        this.style = base;
        this.attributeText = attributeText;
        this.attributeStart = attributeStart;
    }

    /** Renders the children of {@code block} on top of {@code base}. */
    static TextFlow render(Node block, AttributedStyle base) {
        return run(new InlineRenderer(base, null, -1), block);
    }

    /**
     * Renders a heading, dropping a trailing attribute list such as {@code {#id variant=x}}.
     * The list is found on the last text node, so a code span ending in a brace is kept.
     */
    static TextFlow renderHeading(Node heading, AttributedStyle base) {
        if (heading.getLastChild() instanceof Text last) {
            String literal = last.getLiteral();
            String trimmed = literal.stripTrailing();
            int open = trimmed.lastIndexOf('{');
            if (trimmed.endsWith("}") && open >= 0) {
                return run(new InlineRenderer(base, last, open), heading);
            }
        }
        return render(heading, base);
    }

    private static TextFlow run(InlineRenderer renderer, Node block) {
        renderer.visitChildren(block);
        return renderer.flow;
    }

    @Override
    public void visit(Text text) {
        String literal = text.getLiteral();
        if (text == attributeText) {
            literal = literal.substring(0, attributeStart).stripTrailing();
        }
        flow.append(literal, style);
    }

    @Override
    public void visit(Code code) {
        flow.appendGlued(code.getLiteral(), Theme.code(style));
    }

    @Override
    public void visit(Emphasis emphasis) {
        styled(style.italic(), emphasis);
    }

    @Override
    public void visit(StrongEmphasis strong) {
        styled(style.bold(), strong);
    }

    @Override
    public void visit(Link link) {
        int mark = flow.length();
        styled(style.underline(), link);
        String url = link.getDestination();
        String text = flow.plainSince(mark);
        // Autolinks already show their address; repeating it would only add noise.
        if (!url.isEmpty() && !url.equals(text) && !url.equals("mailto:" + text)) {
            flow.append(" ", style).append("(" + url + ")", Theme.DIM);
        }
    }

    @Override
    public void visit(Image image) {
        flow.append("[", Theme.DIM);
        styled(style.italic(), image);
        flow.append("]", Theme.DIM).append(" ", style).append("(" + image.getDestination() + ")", Theme.DIM);
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
        flow.append(" ", style);
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
        flow.append("\n", style);
    }

    @Override
    public void visit(HtmlInline html) {
        // Inline tags are dropped and their text kept; only <br> changes the layout.
        if (HtmlText.tagName(html.getLiteral()).equals("br")) {
            flow.append("\n", style);
        }
    }

    private void styled(AttributedStyle inner, Node node) {
        AttributedStyle outer = style;
        style = inner;
        visitChildren(node);
        style = outer;
    }
}
