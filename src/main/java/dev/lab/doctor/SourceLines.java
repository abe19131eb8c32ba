package dev.lab.doctor;

import dev.lab.compose.Service;
import dev.lab.yaml.BoundedYaml;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds the line of an entry inside a service of a compose file that {@code ComposeParser} already
 * accepted, so findings point at the variable or mount itself; the service's line when not found.
 */
public final class SourceLines {
    private final Node root;

    /** @param text the compose file's text, as {@code ComposeParser} accepted it */
    public SourceLines(String text) {
        this.root = BoundedYaml.compose("compose", text).orElse(null);
    }

    /** The line of {@code key:} in the service, e.g. {@code image}. */
    public int key(Service s, String key) {
        return entry(s, key).map(t -> line(t.getKeyNode())).orElse(s.line());
    }

    /** The line of an environment variable, in list ({@code - KEY=v}) or mapping ({@code KEY: v}) syntax. */
    int env(Service s, String variable) {
        Optional<Node> value = entry(s, "environment").map(NodeTuple::getValueNode);
        return value.flatMap(v -> find(v, item -> {
            String text = scalar(item);
            return text != null && (text.equals(variable) || text.startsWith(variable + "="));
        }, variable)).orElse(s.line());
    }

    /** The line of the volume entry mounted at {@code target}, in short or long syntax. */
    int mount(Service s, String target) {
        Optional<Node> value = entry(s, "volumes").map(NodeTuple::getValueNode);
        return value.flatMap(v -> find(v, item -> {
            if (item instanceof MappingNode m) {
                return m.getValue().stream().anyMatch(t -> "target".equals(scalar(t.getKeyNode()))
                        && target.equals(scalar(t.getValueNode())));
            }
            String text = scalar(item);
            String[] parts = text == null ? new String[0] : text.strip().split(":");
            return parts.length >= 2 && parts[1].equals(target) || parts.length == 1 && parts[0].equals(target);
        }, null)).orElse(s.line());
    }

    // Sequences are searched item by item; mappings (environment: {KEY: v}) by key.
    private Optional<Integer> find(Node node, Predicate<Node> item, String key) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue().stream().filter(item).findFirst().map(SourceLines::line);
        }
        if (node instanceof MappingNode map && key != null) {
            return map.getValue().stream().filter(t -> key.equals(scalar(t.getKeyNode()))).findFirst()
                    .map(t -> line(t.getKeyNode()));
        }
        return Optional.empty();
    }

    private Optional<NodeTuple> entry(Service s, String key) {
        return child(root, "services").flatMap(services -> child(services.getValueNode(), s.name()))
                .flatMap(service -> child(service.getValueNode(), key));
    }

    private static Optional<NodeTuple> child(Node node, String key) {
        if (!(node instanceof MappingNode map)) return Optional.empty();
        List<NodeTuple> tuples = map.getValue();
        return tuples.stream().filter(t -> key.equals(scalar(t.getKeyNode()))).findFirst();
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }
}
