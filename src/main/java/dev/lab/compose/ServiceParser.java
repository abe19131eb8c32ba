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

    /** Service keys this subset understands (and {@code x-} extension fields, which Compose ignores). */
    static final List<String> KEYS = List.of("image", "container_name", "ports", "environment", "volumes", "user",
            "healthcheck", "depends_on", "networks", "restart", "entrypoint", "command", "working_dir", "env_file", "profiles");
    private static final List<String> CONDITIONS = List.of(Service.STARTED, Service.HEALTHY, Service.COMPLETED);

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
        Map<String, String> dependsOn = Map.of();
        List<String> serviceNetworks = List.of();
        List<String> entrypoint = null;
        List<String> command = null;
        String workingDir = null;
        List<String> envFiles = List.of();
        String restart = null;
        List<String> profiles = List.of();
        for (Nodes.Entry e : nodes.entries(entry.value(), "service '" + name + "'")) {
            Node v = e.value();
            if (e.key().startsWith("x-")) continue;
            switch (e.key()) {
                case "image" -> image = nodes.text(v, "'image' of service '" + name + "'");
                case "container_name" -> containerName = containerName(v, name);
                case "ports" -> ports = new Ports(nodes).parse(v, name);
                case "environment" -> environment = environment(v, name);
                case "volumes" -> mounts = new Mounts(nodes, volumes).parse(v, name);
                case "user" -> user = nodes.text(v, "'user' of service '" + name + "'");
                case "healthcheck" -> healthcheck = new Healthchecks(nodes).parse(v, name);
                case "depends_on" -> dependsOn = dependsOn(v, name);
                case "networks" -> serviceNetworks = references(v, name, "networks", networks, "network");
                case "entrypoint" -> entrypoint = argv(v, name, "entrypoint");
                case "command" -> command = argv(v, name, "command");
                case "working_dir" -> workingDir = absolute(v, name);
                case "env_file" -> envFiles = strings(v, "'env_file' of service '" + name + "'", true);
                case "restart" -> restart = restart(v, name);
                case "profiles" -> profiles = strings(v, "'profiles' of service '" + name + "'", false);
                default -> throw nodes.error(e.keyNode(), "unsupported compose key '" + e.key() + "' in service '" + name
                        + "' (supported: " + String.join(", ", KEYS) + ")");
            }
        }
        if (image == null) {
            throw nodes.error(entry.keyNode(), "service '" + name + "' has no 'image'");
        }
        return new Service(name, image, containerName, ports, environment, mounts, user, healthcheck, dependsOn,
                serviceNetworks, nodes.line(entry.keyNode()), new RunOptions(entrypoint, command, workingDir, envFiles, restart),
                profiles);
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

    /** {@code depends_on}: a list of names (each {@code service_started}) or a mapping of names to {@code condition}. */
    private Map<String, String> dependsOn(Node value, String service) {
        String what = "'depends_on' of service '" + service + "'";
        var out = new LinkedHashMap<String, String>();
        if (!(value instanceof MappingNode)) {
            references(value, service, "depends_on", services, "service").forEach(n -> out.put(n, Service.STARTED));
            return out;
        }
        for (Nodes.Entry e : nodes.entries(value, what)) {
            reference(e.keyNode(), service, "depends_on", services, "service");
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

    /** {@code command}/{@code entrypoint}: a list is the argv; a string is split into words as Compose does. */
    private List<String> argv(Node value, String service, String key) {
        String what = "'" + key + "' of service '" + service + "'";
        if (value instanceof org.snakeyaml.engine.v2.nodes.SequenceNode) {
            return strings(value, what, false);
        }
        String text = nodes.text(value, what);
        List<String> words = Words.split(text);
        if (words == null) throw nodes.error(value, "unclosed quote in " + what);
        return words;
    }

    private String absolute(Node value, String service) {
        String dir = nodes.text(value, "'working_dir' of service '" + service + "'");
        if (!dir.startsWith("/")) {
            throw nodes.error(value, "'working_dir' of service '" + service + "' must be an absolute container path, not '" + dir + "'");
        }
        return dir;
    }

    private String restart(Node value, String service) {
        String policy = nodes.text(value, "'restart' of service '" + service + "'");
        if (!policy.matches("no|always|unless-stopped|on-failure(:[0-9]{1,4})?")) {
            throw nodes.error(value, "invalid restart policy '" + policy + "' in service '" + service
                    + "' (use no, always, on-failure[:N] or unless-stopped)");
        }
        return policy;
    }

    /** A list of single values; with {@code single} a lone value is taken as a list of one. */
    private List<String> strings(Node value, String what, boolean single) {
        if (single && value instanceof org.snakeyaml.engine.v2.nodes.ScalarNode) return List.of(nodes.text(value, what));
        var out = new ArrayList<String>();
        for (Node item : nodes.items(value, what)) out.add(nodes.text(item, "an item of " + what));
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
        for (Node node : names) out.add(reference(node, service, key, known, kind));
        return out;
    }

    private String reference(Node node, String service, String key, Set<String> known, String kind) {
        String name = nodes.text(node, "an item of '" + key + "' of service '" + service + "'");
        boolean self = kind.equals("service") && name.equals(service);
        if (self || !known.contains(name) && !(kind.equals("network") && name.equals("default"))) {
            throw nodes.error(node, "service '" + service + "' " + (kind.equals("service") ? "depends on" : "uses")
                    + (self ? " itself" : " unknown " + kind + " '" + name + "'"));
        }
        return name;
    }
}
