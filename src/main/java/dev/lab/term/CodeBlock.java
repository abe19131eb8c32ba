package dev.lab.term;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;

/**
 * Draws a code block: a dim label from its info string, then the code indented two columns.
 *
 * <p>Code is never wrapped, so commands stay intact when copied from the terminal.
 */
final class CodeBlock {
    private static final String INDENT = "  ";

    private CodeBlock() {
    }

    static List<AttributedString> render(String info, String literal) {
        List<AttributedString> lines = new ArrayList<>();
        String label = label(info);
        if (!label.isEmpty()) {
            lines.add(new AttributedString(INDENT + label, Theme.DIM));
        }
        String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        for (String line : body.split("\n", -1)) {
            // A tab would be expanded from the screen's tab stops, which the indent shifts.
            String text = line.replace("\t", "    ");
            lines.add(text.isEmpty() ? AttributedString.EMPTY : new AttributedString(INDENT + text, Theme.CODE_BLOCK));
        }
        return lines;
    }

    /**
     * Describes an info string: {@code ▶ run} when its attribute list holds {@code run}
     * ({@code bash {run}}), {@code ✓ check} for the {@code check} language, else the language.
     */
    static String label(String info) {
        String trimmed = info == null ? "" : info.strip();
        int brace = trimmed.indexOf('{');
        String language = (brace < 0 ? trimmed : trimmed.substring(0, brace)).strip();
        int space = language.indexOf(' ');
        language = space < 0 ? language : language.substring(0, space);
        if (brace >= 0) {
            int close = trimmed.indexOf('}', brace);
            String attributes = trimmed.substring(brace + 1, close < 0 ? trimmed.length() : close);
            for (String attribute : attributes.strip().split("\\s+")) {
                if (attribute.equals("run")) {
                    return "▶ run";
                }
            }
        }
        return language.equals("check") ? "✓ check" : language;
    }
}
