package dev.lab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code --output json|text|table} and {@code --query}, as AWS CLI v1 formats a response
 * (awscli/formatter.py, text.py): JSON like Python's {@code json.dumps(indent=4)}, text as tab
 * separated rows, the query evaluated by a JMESPath library.
 */
final class CliOutput {
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();

    private final String format;
    private final Expression<JsonNode> query;

    private CliOutput(String format, Expression<JsonNode> query) {
        this.format = format;
        this.query = query;
    }

    /** @throws Refused for an unknown format or a query that does not parse, as the CLI refuses them */
    static CliOutput of(String format, String query) throws Refused {
        String f = format == null ? "json" : format;
        if (!List.of("json", "text", "table").contains(f)) {
            throw AwsArgs.usage("argument --output: Invalid choice, valid choices are:");
        }
        try {
            return new CliOutput(f, query == null ? null : JMESPATH.compile(query));
        } catch (ParseException e) {
            throw new Refused(List.of("", "Bad value for --query " + query + ": " + e.getMessage()), 255);
        }
    }

    /** Prints a whole response; {@code title} is the operation's name, the table's caption. */
    void print(String title, JsonNode response, Consumer<String> out) {
        JsonNode shown = query == null ? response : query.search(response);
        switch (format) {
            case "text" -> text(shown, null, null, out);
            case "table" -> CliTable.print(title, shown, out);
            default -> {
                if (!(shown.isObject() && shown.isEmpty())) python(shown, "").lines().forEach(out);
            }
        }
    }

    /** The text format applies the query to each page; with one page that is the whole response. */
    boolean text() {
        return format.equals("text");
    }

    Expression<JsonNode> query() {
        return query;
    }

    /** Python's {@code json.dumps(value, indent=4, ensure_ascii=False)}. */
    static String python(JsonNode node, String indent) {
        if (node == null || node.isNull() || node.isMissingNode()) return "null";
        if (node.isTextual()) return pyString(node.asText());
        if (node.isValueNode()) return node.toString();
        String inner = indent + "    ";
        var parts = new ArrayList<String>();
        if (node.isArray()) {
            if (node.isEmpty()) return "[]";
            node.forEach(e -> parts.add(inner + python(e, inner)));
            return "[\n" + String.join(",\n", parts) + "\n" + indent + "]";
        }
        if (node.isEmpty()) return "{}";
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            var e = it.next();
            parts.add(inner + pyString(e.getKey()) + ": " + python(e.getValue(), inner));
        }
        return "{\n" + String.join(",\n", parts) + "\n" + indent + "}";
    }

    private static String pyString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /** Python's {@code str()} of a scalar: None, True, False, numbers, strings as they are. */
    static String str(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return "None";
        if (node.isBoolean()) return node.asBoolean() ? "True" : "False";
        if (node.isTextual()) return node.asText();
        if (node.isValueNode()) return node.asText();
        return node.toString();
    }

    /** awscli/text.py's {@code _format_text}. */
    static void text(JsonNode item, String identifier, List<String> scalarKeys, Consumer<String> out) {
        if (item != null && item.isObject()) {
            var scalars = new ArrayList<String>();
            var nested = new ArrayList<Map.Entry<String, JsonNode>>();
            if (scalarKeys == null) {
                for (String key : names(item)) {
                    JsonNode v = item.get(key);
                    if (v.isContainerNode()) nested.add(Map.entry(key, v)); else scalars.add(str(v));
                }
            } else {
                for (String key : scalarKeys) scalars.add(item.has(key) ? str(item.get(key)) : "");
                var rest = names(item);
                rest.removeAll(scalarKeys);
                rest.forEach(k -> nested.add(Map.entry(k, item.get(k))));
            }
            if (!scalars.isEmpty()) {
                if (identifier != null) scalars.add(0, identifier.toUpperCase(java.util.Locale.ROOT));
                out.accept(String.join("\t", scalars));
            }
            nested.forEach(e -> text(e.getValue(), e.getKey(), null, out));
        } else if (item != null && item.isArray()) {
            if (item.isEmpty()) return;
            var elements = new ArrayList<JsonNode>();
            item.forEach(elements::add);
            if (elements.stream().anyMatch(JsonNode::isObject)) {
                var keys = new TreeSet<String>();
                for (JsonNode e : elements) {
                    if (!e.isObject()) continue;
                    e.fields().forEachRemaining(f -> { if (!f.getValue().isContainerNode()) keys.add(f.getKey()); });
                }
                elements.forEach(e -> text(e, identifier, List.copyOf(keys), out));
            } else if (elements.stream().anyMatch(JsonNode::isArray)) {
                var scalars = elements.stream().filter(e -> !e.isContainerNode()).toList();
                if (!scalars.isEmpty()) scalarList(scalars, identifier, out);
                elements.stream().filter(JsonNode::isContainerNode).forEach(e -> text(e, identifier, null, out));
            } else {
                scalarList(elements, identifier, out);
            }
        } else {
            out.accept(str(item == null ? NullNode.instance : item));
        }
    }

    private static void scalarList(List<JsonNode> elements, String identifier, Consumer<String> out) {
        if (identifier != null) {
            elements.forEach(e -> out.accept(identifier.toUpperCase(java.util.Locale.ROOT) + "\t" + str(e)));
        } else {
            out.accept(String.join("\t", elements.stream().map(CliOutput::str).toList()));
        }
    }

    private static TreeSet<String> names(JsonNode object) {
        var names = new TreeSet<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
