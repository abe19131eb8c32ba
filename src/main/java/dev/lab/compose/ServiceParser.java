package dev.lab.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses the entries under {@code services}, checking references to volumes, networks and services. */
final class ServiceParser {

    /** Service keys this subset understands; {@code restart}, {@code entrypoint}, {@code command} are accepted and ignored. */
    static final List<String> KEYS = List.of("image", "container_name", "ports", "environment", "volumes", "user",
            "healthcheck", "depends_on", "networks", "restart", "entrypoint", "command");

    private final Nodes nodes;
    private final Map<String, VolumeDef> volumes;
    private final Set<String> networks;
    private final Set<String> services;
    private final Map<String, String> containerNames = new HashMap<>();

    ServiceParser(Nodes nodes, Map<String, VolumeDef> volumes, Set<String> networks, Set<String> services) {
        this.nodes = nodes;
        this.volumes = volumes;
        this.networks = networks;
        this.services = services;
    }

    /** Parses one {@code name: {...}} entry of {@code services}. */
    Service parse(Nodes.Entry entry) {
        String name = entry.key();
        if (!(entry.value() instanceof MappingNode)) {
            throw nodes.error(entry.keyNode(), "service '" + name + "' must be a mapping with at least 'image'");
        }
        String image = null;
        String containerName = null;
        List<PortMapping> ports = List.of();
        Map<String, String> environment = Map.of();
        List<Mount> mounts = List.of();
        String user = null;
        Healthcheck healthcheck = null;
        List<String> dependsOn = List.of();
        List<String> serviceNetworks = List.of();
        for (Nodes.Entry e : nodes.entries(entry.value(), "service '" + name + "'")) {
            Node v = e.value();
            switch (e.key()) {
                case "image" -> image = nodes.text(v, "'image' of service '" + name + "'");
                case "container_name" -> containerName = containerName(v, name);
                case "ports" -> ports = new Ports(nodes).parse(v, name);
                case "environment" -> environment = environment(v, name);
                case "volumes" -> mounts = new Mounts(nodes, volumes).parse(v, name);
                case "user" -> user = nodes.text(v, "'user' of service '" + name + "'");
                case "healthcheck" -> healthcheck = new Healthchecks(nodes).parse(v, name);
                case "depends_on" -> dependsOn = references(v, name, "depends_on", services, "service");
                case "networks" -> serviceNetworks = references(v, name, "networks", networks, "network");
                case "restart", "entrypoint", "command" -> {
                    // Accepted so real files parse; the runner starts containers through docker compose itself.
                }
                default -> throw nodes.error(e.keyNode(), "unsupported compose key '" + e.key() + "' in service '" + name
                        + "' (supported: " + String.join(", ", KEYS) + ")");
            }
        }
        if (image == null) {
            throw nodes.error(entry.keyNode(), "service '" + name + "' has no 'image'");
        }
        return new Service(name, image, containerName, ports, environment, mounts, user, healthcheck, dependsOn,
                serviceNetworks, nodes.line(entry.keyNode()));
    }

    private String containerName(Node value, String service) {
        String containerName = Names.full(nodes, value, nodes.text(value, "'container_name' of service '" + service + "'"),
                "container");
        String previous = containerNames.putIfAbsent(containerName, service);
        if (previous != null) {
            throw nodes.error(value, "container name '" + containerName + "' is used by services '" + previous
                    + "' and '" + service + "'");
        }
        return containerName;
    }

    private Map<String, String> environment(Node value, String service) {
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

    // depends_on and networks come as a list of names or as a mapping whose keys are the names.
    private List<String> references(Node value, String service, String key, Set<String> known, String kind) {
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
        for (Node node : names) {
            String name = nodes.text(node, "an item of " + what);
            boolean self = kind.equals("service") && name.equals(service);
            if (self || !known.contains(name) && !(kind.equals("network") && name.equals("default"))) {
                throw nodes.error(node, "service '" + service + "' " + (kind.equals("service") ? "depends on" : "uses")
                        + (self ? " itself" : " unknown " + kind + " '" + name + "'"));
            }
            out.add(name);
        }
        return out;
    }
}
