package dev.lab.term;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Reduces a raw HTML block to terminal lines: tags and comments vanish, their text stays.
 *
 * <p>Labs use {@code <details><summary>힌트</summary>…</details>} for hints; the summary
 * becomes a bold {@code ▸} line and the content below it is indented one level. Because
 * CommonMark ends an HTML block at a blank line, the opening and closing tags usually arrive
 * in separate blocks, so the change in nesting is reported back as {@link Result#depthDelta}.
 */
final class HtmlText {
    private static final Map<String, String> ENTITIES = Map.of(
            "&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", "\"", "&#39;", "'", "&nbsp;", " ");

    /** The visible lines of a block and how many {@code <details>} it left open (or closed). */
    record Result(List<AttributedString> lines, int depthDelta) {
    }

    private final int width;
    private final List<AttributedString> lines = new ArrayList<>();
    private TextFlow text = new TextFlow();
    private int depth;

    private HtmlText(int width) {
        this.width = width;
    }

    /** Returns the lower-cased name of the tag at the start of {@code literal}, without {@code /}. */
    static String tagName(String literal) {
        int i = literal.startsWith("</") ? 2 : literal.startsWith("<") ? 1 : 0;
        int end = i;
        while (end < literal.length() && Character.isLetterOrDigit(literal.charAt(end))) {
            end++;
        }
        return literal.substring(i, end).toLowerCase(Locale.ROOT);
    }

    static Result render(String literal, int width) {
        HtmlText html = new HtmlText(width);
        html.scan(literal);
        html.breakLine(false);
        return new Result(html.lines, html.depth);
    }

    private void scan(String s) {
        for (int i = 0; i < s.length(); ) {
            if (s.startsWith("<!--", i) && s.indexOf("-->", i) >= 0) {
                i = s.indexOf("-->", i) + 3;
            } else if (s.charAt(i) == '<' && s.indexOf('>', i) >= 0) {
                tag(s.substring(i, s.indexOf('>', i) + 1));
                i = s.indexOf('>', i) + 1;
            } else if (s.charAt(i) == '\n') {
                breakLine(false);
                i++;
            } else {
                i = entity(s, i);
            }
        }
    }

    private void tag(String tag) {
        boolean closing = tag.startsWith("</");
        switch (tagName(tag)) {
            case "details" -> {
                breakLine(false);
                depth += closing ? -1 : 1;
            }
            case "summary" -> breakLine(closing);
            case "br", "p", "div", "li", "tr" -> breakLine(false);
            default -> { }
        }
    }

    private int entity(String s, int i) {
        if (s.charAt(i) == '&') {
            for (Map.Entry<String, String> e : ENTITIES.entrySet()) {
                if (s.startsWith(e.getKey(), i)) {
                    text.append(e.getValue(), AttributedStyle.DEFAULT);
                    return i + e.getKey().length();
                }
            }
        }
        int cp = s.codePointAt(i);
        text.append(new String(Character.toChars(cp)), AttributedStyle.DEFAULT);
        return i + Character.charCount(cp);
    }

    /**
     * Emits the pending text, if any. A summary labels its own {@code <details>}, so it sits
     * one level out, at the indentation of the text around that element.
     */
    private void breakLine(boolean summary) {
        if (!text.isBlank()) {
            String indent = "  ".repeat(Math.max(0, summary ? depth - 1 : depth));
            AttributedStyle style = summary ? AttributedStyle.BOLD : AttributedStyle.DEFAULT;
            String marker = summary ? "▸ " : "";
            int room = width - Width.columns(indent + marker);
            for (AttributedString line : text.wrap(room)) {
                AttributedStringBuilder b = new AttributedStringBuilder().append(indent);
                lines.add(b.styled(style, marker).append(line.toString(), style).toAttributedString());
                marker = " ".repeat(marker.length());
            }
        }
        text = new TextFlow();
    }
}
