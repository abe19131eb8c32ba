package dev.lab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code --output table}: awscli/formatter.py's TableFormatter and awscli/table.py's MultiTable,
 * without colour and for an 80-column terminal (what the CLI assumes when stdout is not a tty).
 */
final class CliTable {
    private static final int TERMINAL_WIDTH = 80;

    /** One titled block of rows at an indent level. */
    private static final class Section {
        String title = "";
        List<String> headers = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();
        int indent;
        Integer columns;
        List<Integer> maxWidths = new ArrayList<>();

        void header(List<String> h) {
            widen(h);
            if (columns == null) columns = h.size();
            headers = h;
        }

        void row(List<String> r) {
            if (columns == null) columns = r.size();
            rows.add(r);
            widen(r);
        }

        private void widen(List<String> r) {
            if (maxWidths.isEmpty()) {
                r.forEach(e -> maxWidths.add(width(e)));
            } else {
                for (int i = 0; i < r.size() && i < maxWidths.size(); i++) maxWidths.set(i, Math.max(width(r.get(i)), maxWidths.get(i)));
            }
        }

        List<Integer> columnWidths(int padding, Integer max) {
            var unscaled = maxWidths.stream().map(w -> w + padding).toList();
            if (max == null || unscaled.isEmpty()) return unscaled;
            double factor = max / (double) unscaled.stream().mapToInt(Integer::intValue).sum();
            var scaled = new ArrayList<Integer>();
            unscaled.forEach(w -> scaled.add((int) Math.rint(factor * w)));
            int off = scaled.stream().mapToInt(Integer::intValue).sum() - max;
            while (off != 0) {
                for (int k = 0; k < scaled.size() && off != 0; k++) {
                    int i = off < 0 ? scaled.size() - 1 - k : k;
                    scaled.set(i, scaled.get(i) + (off > 0 ? -1 : 1));
                    off += off > 0 ? -1 : 1;
                }
            }
            return scaled;
        }

        int totalWidth() {
            int total = columnWidths(0, null).stream().mapToInt(w -> w + 4).sum() + 2 + 2 * indent;
            return Math.max(width(title) + 2 + 2 * indent, total);
        }
    }

    private final List<Section> sections = new ArrayList<>();
    private Section current;

    private CliTable() {
    }

    static void print(String title, JsonNode response, Consumer<String> out) {
        CliTable t = new CliTable();
        if (t.build(title, response, 0)) t.render(out);
    }

    private void section(String title, int indent) {
        current = new Section();
        current.title = title;
        current.indent = indent;
        sections.add(current);
    }

    private boolean build(String title, JsonNode node, int indent) {
        if (node == null || node.isNull() || node.isMissingNode() || (node.isContainerNode() && node.isEmpty())
                || (node.isTextual() && node.asText().isEmpty()) || (node.isBoolean() && !node.asBoolean())
                || (node.isNumber() && node.asDouble() == 0)) {
            return false;
        }
        if (title != null) section(title, indent);
        if (node.isArray()) {
            if (node.get(0).isObject()) {
                fromList(node, indent, title);
            } else {
                for (JsonNode item : node) {
                    if (!item.isContainerNode()) current.row(List.of(CliOutput.str(item)));
                    else if (item.isArray() && allScalar(item)) current.row(strings(item));
                    else build(null, item, 0);
                }
            }
        }
        if (node.isObject()) fromDict(node, indent);
        return true;
    }

    private void fromDict(JsonNode node, int indent) {
        var headers = new ArrayList<String>();
        var more = new ArrayList<String>();
        node.fieldNames().forEachRemaining(k -> (node.get(k).isContainerNode() ? more : headers).add(k));
        headers.sort(null);
        more.sort(null);
        if (headers.size() == 1) {
            current.row(List.of(headers.get(0), CliOutput.str(node.get(headers.get(0)))));
        } else if (!headers.isEmpty()) {
            current.header(headers);
            current.row(headers.stream().map(h -> CliOutput.str(node.get(h))).toList());
        }
        for (String k : more) build(k, node.get(k), indent + 1);
    }

    private void fromList(JsonNode list, int indent, String title) {
        var headers = new TreeSet<String>();
        var more = new TreeSet<String>();
        for (JsonNode item : list) item.fieldNames().forEachRemaining(k -> (item.get(k).isContainerNode() ? more : headers).add(k));
        current.header(List.copyOf(headers));
        boolean first = true;
        for (JsonNode item : list) {
            if (!first && !more.isEmpty()) {
                section(title, indent);
                current.header(List.copyOf(headers));
            }
            first = false;
            current.row(headers.stream().map(h -> item.has(h) ? CliOutput.str(item.get(h)) : "").toList());
            for (String k : more) if (item.has(k)) build(k, item.get(k), indent + 1);
        }
    }

    private void render(Consumer<String> out) {
        int max = sections.stream().mapToInt(Section::totalWidth).max().orElse(0);
        if (max > TERMINAL_WIDTH) {
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                if (s.rows.size() == 1 && !s.headers.isEmpty()) {
                    Section v = new Section();
                    v.title = s.title;
                    v.indent = s.indent;
                    for (int c = 0; c < s.headers.size() && c < s.rows.get(0).size(); c++) v.row(List.of(s.headers.get(c), s.rows.get(0).get(c)));
                    sections.set(i, v);
                }
            }
            max = sections.stream().mapToInt(Section::totalWidth).max().orElse(0);
        }
        out.accept("-".repeat(max));
        for (Section s : sections) renderSection(s, max, out);
    }

    private static void renderSection(Section s, int max, Consumer<String> out) {
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

    /** Display width: East Asian wide and ambiguous characters take two columns, as the CLI counts them. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return b == Character.UnicodeBlock.HANGUL_SYLLABLES || b == Character.UnicodeBlock.HANGUL_JAMO
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || b == Character.UnicodeBlock.HIRAGANA
                || b == Character.UnicodeBlock.KATAKANA || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION;
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode e : array) if (e.isContainerNode()) return false;
        return true;
    }

    private static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(e -> out.add(CliOutput.str(e)));
        return out;
    }
}
