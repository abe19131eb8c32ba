package dev.lab.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** A service's {@code networks} and {@code depends_on}: names checked against the file's networks and services. */
final class References {
    private static final List<String> CONDITIONS = List.of(Service.STARTED, Service.HEALTHY, Service.COMPLETED);

    private final Nodes nodes;
    private final Set<String> networks;
    private final Set<String> services;

    References(Nodes nodes, Set<String> networks, Set<String> services) {
        this.nodes = nodes;
        this.networks = networks;
        this.services = services;
    }

    /** {@code networks}: declared networks, or {@code default}. */
    List<String> networks(Node value, String service) {
        return names(value, service, "networks", networks, "network");
    }

    /** {@code depends_on}: a list of names (each {@code service_started}) or a mapping of names to {@code condition}. */
    Map<String, String> dependsOn(Node value, String service) {
        String what = "'depends_on' of service '" + service + "'";
        var out = new LinkedHashMap<String, String>();
        if (!(value instanceof MappingNode)) {
            names(value, service, "depends_on", services, "service").forEach(n -> out.put(n, Service.STARTED));
            return out;
        }
        for (Nodes.Entry e : nodes.entries(value, what)) {
            name(e.keyNode(), service, "depends_on", services, "service");
            String condition = Service.STARTED;
            if (!nodes.isNull(e.value())) {
                for (Nodes.Entry option : nodes.entries(e.value(), "'" + e.key() + "' in " + what)) {
                    switch (option.key()) {
                        case "condition" -> {
                            condition = nodes.text(option.value(), "'condition' of '" + e.key() + "' in " + what);
                            if (!CONDITIONS.contains(condition)) {
                                throw nodes.error(option.value(), "unknown depends_on condition '" + condition + "' in service '"
                                        + service + "' (use " + String.join(", ", CONDITIONS) + ")");
                            }
                        }
                        case "required" -> {
                            if (!nodes.bool(option.value(), "'required' of '" + e.key() + "' in " + what)) {
                                throw nodes.error(option.keyNode(), "'required: false' in the depends_on of service '" + service
                                        + "' is not supported by the lab's runner (every dependency is started)");
                            }
                        }
                        default -> throw nodes.error(option.keyNode(), "unsupported depends_on key '" + option.key()
                                + "' in service '" + service + "' (supported: condition, required)");
                    }
                }
            }
            out.put(e.key(), condition);
        }
        return out;
    }

    // depends_on and networks come as a list of names or as a mapping whose keys are the names.
    private List<String> names(Node value, String service, String key, Set<String> known, String kind) {
        String what = "'" + key + "' of service '" + service + "'";
        List<Node> names = new ArrayList<>();
        if (value instanceof MappingNode) {
            for (Nodes.Entry e : nodes.entries(value, what)) {
                if (!nodes.isNull(e.value())) {
                    nodes.entries(e.value(), "'" + e.key() + "' in " + what);
                }
                names.add(e.keyNode());
            }
        } else {
            names.addAll(nodes.items(value, what + " (a list or a mapping)"));
        }
        List<String> out = new ArrayList<>();
        for (Node node : names) out.add(name(node, service, key, known, kind));
        return out;
    }

    private String name(Node node, String service, String key, Set<String> known, String kind) {
        String name = nodes.text(node, "an item of '" + key + "' of service '" + service + "'");
        boolean self = kind.equals("service") && name.equals(service);
        if (self || !known.contains(name) && !(kind.equals("network") && name.equals("default"))) {
            throw nodes.error(node, "service '" + service + "' " + (kind.equals("service") ? "depends on" : "uses")
                    + (self ? " itself" : " unknown " + kind + " '" + name + "'"));
        }
        return name;
    }
}
