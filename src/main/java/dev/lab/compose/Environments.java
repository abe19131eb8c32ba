package dev.lab.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses a service's {@code environment}: a mapping, or a list of {@code KEY=VALUE} (a bare {@code KEY} has no value). */
final class Environments {
    private final Nodes nodes;

    Environments(Nodes nodes) {
        this.nodes = nodes;
    }

    /** The variables in the order written; a variable without a value maps to null. */
    Map<String, String> parse(Node value, String service) {
        String what = "'environment' of service '" + service + "'";
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof MappingNode) {
            for (Nodes.Entry e : nodes.entries(value, what)) {
                out.put(e.key(), nodes.isNull(e.value()) ? null : nodes.text(e.value(), "variable '" + e.key() + "'"));
            }
            return out;
        }
        for (Node item : nodes.items(value, what + " (a list or a mapping)")) {
            String text = nodes.text(item, "an item of " + what);
            int eq = text.indexOf('=');
            String key = eq < 0 ? text : text.substring(0, eq);
            if (key.isBlank()) {
                throw nodes.error(item, "invalid variable '" + text + "' in service '" + service + "' (expected KEY=VALUE)");
            }
            if (out.containsKey(key)) {
                throw nodes.error(item, "duplicate variable '" + key + "' in service '" + service + "'");
            }
            out.put(key, eq < 0 ? null : text.substring(eq + 1));
        }
        return out;
    }
}
