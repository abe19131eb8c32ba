package dev.lab.compose;

import java.util.HashMap;
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

    private final Nodes nodes;
    private final Map<String, VolumeDef> volumes;
    private final References references;
    private final RunKeys run;
    private final Map<String, String> containerNames = new HashMap<>();

    ServiceParser(Nodes nodes, Map<String, VolumeDef> volumes, Set<String> networks, Set<String> services) {
        this.nodes = nodes;
        this.volumes = volumes;
        this.references = new References(nodes, networks, services);
        this.run = new RunKeys(nodes);
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
                case "environment" -> environment = new Environments(nodes).parse(v, name);
                case "volumes" -> mounts = new Mounts(nodes, volumes).parse(v, name);
                case "user" -> user = nodes.text(v, "'user' of service '" + name + "'");
                case "healthcheck" -> healthcheck = new Healthchecks(nodes).parse(v, name);
                case "depends_on" -> dependsOn = references.dependsOn(v, name);
                case "networks" -> serviceNetworks = references.networks(v, name);
                case "entrypoint" -> entrypoint = run.argv(v, name, "entrypoint");
                case "command" -> command = run.argv(v, name, "command");
                case "working_dir" -> workingDir = run.workingDir(v, name);
                case "env_file" -> envFiles = nodes.strings(v, "'env_file' of service '" + name + "'", true);
                case "restart" -> restart = run.restart(v, name);
                case "profiles" -> profiles = nodes.strings(v, "'profiles' of service '" + name + "'", false);
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
}
