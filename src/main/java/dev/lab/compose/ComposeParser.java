package dev.lab.compose;

import dev.lab.source.Utf8;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import dev.lab.yaml.BoundedYaml;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses the docker-compose subset the labs use; anything else is a {@link ComposeException} with its line. */
public final class ComposeParser {

    private static final List<String> TOP_KEYS = List.of("services", "volumes", "networks", "version", "name");

    private ComposeParser() {
    }

    /**
     * Reads and parses a compose file.
     *
     * @throws ComposeException when the file cannot be read or uses something outside the subset
     */
    public static ComposeFile parse(Path file) {
        return parse(file, read(file));
    }

    /**
     * Reads a compose file's text as UTF-8.
     *
     * @throws ComposeException naming the line of the first byte that is not UTF-8, or why it cannot be read
     */
    public static String read(Path file) {
        try {
            return Utf8.read(file);
        } catch (Utf8.Invalid e) {
            throw new ComposeException(file, e.line(), e.getMessage());
        } catch (IOException e) {
            throw new ComposeException(file, 0, "cannot read compose file: " + e);
        }
    }

    /**
     * Parses compose YAML that was read elsewhere.
     *
     * @param file the path to name in errors and to keep as {@link ComposeFile#source()}
     * @param text the YAML
     * @throws ComposeException when the text uses something outside the subset
     */
    public static ComposeFile parse(Path file, String text) {
        // A lab run parses the same few files hundreds of times (every check, block and command reads the file afresh,
        // since the learner may edit it): the same path and text give the same immutable result, so it is reused.
        synchronized (RECENT) {
            for (Parsed p : RECENT) if (p.file().equals(file) && p.text().equals(text)) return p.result();
        }
        ComposeFile result = parseAfresh(file, text);
        synchronized (RECENT) {
            RECENT.addFirst(new Parsed(file, text, result));
            while (RECENT.size() > 8) RECENT.removeLast();
        }
        return result;
    }

    private record Parsed(Path file, String text, ComposeFile result) {}

    private static final java.util.ArrayDeque<Parsed> RECENT = new java.util.ArrayDeque<>();

    private static ComposeFile parseAfresh(Path file, String text) {
        Nodes nodes = new Nodes(file);
        Node root = compose(file, text);
        if (root == null) {
            throw new ComposeException(file, 1, "empty compose file; 'services' is required");
        }
        Map<String, Nodes.Entry> top = new LinkedHashMap<>();
        for (Nodes.Entry e : nodes.entries(root, "a compose file")) {
            if (e.key().startsWith("x-")) continue;
            if (!TOP_KEYS.contains(e.key())) {
                throw nodes.error(e.keyNode(), "unsupported top-level compose key '" + e.key() + "' (supported: "
                        + String.join(", ", TOP_KEYS) + ", x-*)");
            }
            top.put(e.key(), e);
        }
        if (!top.containsKey("services")) {
            throw new ComposeException(file, 1, "compose file has no 'services'");
        }
        Map<String, VolumeDef> volumes = volumes(nodes, top.get("volumes"));
        List<String> networks = new ArrayList<>();
        if (top.containsKey("networks") && !nodes.isNull(top.get("networks").value())) {
            for (Nodes.Entry e : nodes.entries(top.get("networks").value(), "'networks'")) {
                if (!nodes.isNull(e.value())) {
                    nodes.entries(e.value(), "network '" + e.key() + "'");
                }
                networks.add(e.key());
            }
        }
        Nodes.Entry servicesEntry = top.get("services");
        List<Nodes.Entry> entries = nodes.isNull(servicesEntry.value()) ? List.of()
                : nodes.entries(servicesEntry.value(), "'services'");
        if (entries.isEmpty()) {
            throw nodes.error(servicesEntry.keyNode(), "'services' is empty");
        }
        entries.forEach(e -> Names.key(nodes, e, "service"));
        LinkedHashSet<String> names = new LinkedHashSet<>(entries.stream().map(Nodes.Entry::key).toList());
        ServiceParser parser = new ServiceParser(nodes, volumes, new LinkedHashSet<>(networks), names);
        Map<String, Service> services = new LinkedHashMap<>();
        entries.forEach(e -> services.put(e.key(), parser.parse(e)));
        Node nameNode = top.containsKey("name") ? top.get("name").value() : null;
        String project = nameNode == null ? null : Names.project(nodes, nameNode, nodes.text(nameNode, "'name'"));
        return new ComposeFile(file, services, volumes, networks, project);
    }

    private static Map<String, VolumeDef> volumes(Nodes nodes, Nodes.Entry entry) {
        Map<String, VolumeDef> out = new LinkedHashMap<>();
        if (entry == null || nodes.isNull(entry.value())) {
            return out;
        }
        for (Nodes.Entry e : nodes.entries(entry.value(), "'volumes'")) {
            Names.key(nodes, e, "volume");
            boolean external = false;
            String name = null;
            if (!nodes.isNull(e.value())) {
                for (Nodes.Entry option : nodes.entries(e.value(), "volume '" + e.key() + "'")) {
                    switch (option.key()) {
                        case "external" -> external = nodes.bool(option.value(), "'external' of volume '" + e.key() + "'");
                        case "name" -> name = Names.full(nodes, option.value(),
                                nodes.text(option.value(), "'name' of volume '" + e.key() + "'"), "volume");
                        default -> throw nodes.error(option.keyNode(), "unsupported key '" + option.key()
                                + "' in volume '" + e.key() + "' (supported: external, name)");
                    }
                }
            }
            out.put(e.key(), new VolumeDef(e.key(), external, name));
        }
        return out;
    }

    private static Node compose(Path file, String text) {
        try {
            return BoundedYaml.compose(file.toString(), text).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
            throw new ComposeException(file, line, "invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ComposeException(file, 1, "invalid YAML: " + e.getMessage());
        }
    }
}
