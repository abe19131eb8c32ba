package dev.lab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code --output table}: awscli/formatter.py's TableFormatter, which lays a response out as titled sections
 * ({@link CliTableSection}) that {@link CliTableText} draws as awscli/table.py's MultiTable does.
 */
final class CliTable {
    private final List<CliTableSection> sections = new ArrayList<>();
    private CliTableSection current;

    private CliTable() {
    }

    static void print(String title, JsonNode response, Consumer<String> out) {
        CliTable t = new CliTable();
        if (t.build(title, response, 0)) CliTableText.render(t.sections, out);
    }

    private void section(String title, int indent) {
        current = new CliTableSection();
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
