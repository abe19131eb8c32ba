package dev.lab.shell;

import java.util.List;
import java.util.function.Consumer;

/**
 * awscli/table.py's MultiTable rendering of {@link CliTableSection}s, without colour and for an 80-column terminal
 * (what the CLI assumes when stdout is not a tty): a section too wide for it is turned into name/value rows.
 */
final class CliTableText {
    private static final int TERMINAL_WIDTH = 80;

    private CliTableText() {}

    static void render(List<CliTableSection> sections, Consumer<String> out) {
        int max = sections.stream().mapToInt(CliTableSection::totalWidth).max().orElse(0);
        if (max > TERMINAL_WIDTH) {
            for (int i = 0; i < sections.size(); i++) {
                CliTableSection s = sections.get(i);
                if (s.rows.size() == 1 && !s.headers.isEmpty()) {
                    CliTableSection v = new CliTableSection();
                    v.title = s.title;
                    v.indent = s.indent;
                    for (int c = 0; c < s.headers.size() && c < s.rows.get(0).size(); c++) v.row(List.of(s.headers.get(c), s.rows.get(0).get(c)));
                    sections.set(i, v);
                }
            }
            max = sections.stream().mapToInt(CliTableSection::totalWidth).max().orElse(0);
        }
        out.accept("-".repeat(max));
        for (CliTableSection s : sections) renderSection(s, max, out);
    }

    private static void renderSection(CliTableSection s, int max, Consumer<String> out) {
        String edge = "|".repeat(s.indent);
        Consumer<String> line = text -> out.accept(edge + text + edge);
        int width = max - s.indent * 2;
        if (!s.title.isEmpty()) {
            line.accept(center(s.title, width, "|", "|"));
            if (s.headers.isEmpty() && s.rows.isEmpty()) line.accept("+" + "-".repeat(width - 2) + "+");
        }
        if (!s.headers.isEmpty()) {
            var widths = s.columnWidths(4, width);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < widths.size() && i < s.headers.size(); i++) b.append(center(s.headers.get(i), widths.get(i), i == 0 ? "|" : "", "|"));
            line.accept(lineBreak(widths));
            line.accept(b.toString());
        }
        if (s.rows.isEmpty()) return;
        var widths = s.columnWidths(4, width);
        if (widths.isEmpty()) return;
        line.accept(lineBreak(widths));
        for (var row : s.rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < widths.size() && i < row.size(); i++) b.append(left(row.get(i), widths.get(i), i == 0 ? "|" : "", "|"));
            line.accept(b.toString());
        }
        line.accept(lineBreak(widths));
    }

    private static String lineBreak(List<Integer> widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < widths.size(); i++) b.append(i == 0 ? "+" + "-".repeat(widths.get(i) - 2) + "+" : "-".repeat(widths.get(i) - 1) + "+");
        return b.toString();
    }

    private static String center(String text, int length, String leftEdge, String rightEdge) {
        int start = Math.floorDiv(length, 2) - Math.floorDiv(width(text), 2) - 1;
        String head = leftEdge + " ".repeat(Math.max(0, start)) + text;
        int soFar = width(leftEdge) + start + width(text);
        return head + " ".repeat(Math.max(0, length - width(rightEdge) - soFar)) + rightEdge;
    }

    private static String left(String text, int length, String leftEdge, String rightEdge) {
        int padding = length - (width(text) + 2 + leftEdge.length() + rightEdge.length()) >= 0 ? 2 : 0;
        int soFar = leftEdge.length() + padding + width(text);
        return leftEdge + " ".repeat(padding) + text + " ".repeat(Math.max(0, length - soFar - rightEdge.length())) + rightEdge;
    }

    private static int width(String text) {
        return CliTableSection.width(text);
    }
}
