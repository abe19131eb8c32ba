package dev.lab.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/** Reads snakeyaml-engine nodes of one compose file, turning shape mistakes into located errors. */
final class Nodes {

    /** One key of a mapping with its value. */
    record Entry(String key, Node keyNode, Node value) {
    }

    private final Path file;

    Nodes(Path file) {
        this.file = file;
    }

    /** The 1-based line a node starts on. */
    int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    /** An error located at the node's line. */
    ComposeException error(Node node, String problem) {
        return new ComposeException(file, line(node), problem);
    }

    /** Whether the node is an empty value ({@code key:} with nothing after it, or {@code null}). */
    boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /**
     * The keys of a mapping in file order; duplicate keys are an error. YAML merge keys ({@code <<: *anchor} or
     * {@code <<: [*a, *b]}) are resolved as Compose resolves them: the merged keys first, keys written in the
     * mapping win, and of several merged mappings the earlier wins.
     */
    List<Entry> entries(Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping");
        }
        Set<String> seen = new HashSet<>();
        List<Entry> own = new ArrayList<>();
        Map<String, Entry> merged = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = text(t.getKeyNode(), "a key in " + what);
            if (!seen.add(key)) {
                throw error(t.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
            if (key.equals("<<") && t.getKeyNode() instanceof ScalarNode k && k.getScalarStyle() == ScalarStyle.PLAIN) {
                List<Node> sources = t.getValueNode() instanceof SequenceNode seq ? seq.getValue() : List.of(t.getValueNode());
                for (Node source : sources) {
                    if (!(source instanceof MappingNode)) {
                        throw error(source, "a merge key '<<' in " + what + " takes a mapping or a list of mappings");
                    }
                    for (Entry e : entries(source, what)) merged.putIfAbsent(e.key(), e);
                }
            } else {
                own.add(new Entry(key, t.getKeyNode(), t.getValueNode()));
            }
        }
        if (merged.isEmpty()) return own;
        own.forEach(e -> merged.remove(e.key()));
        List<Entry> out = new ArrayList<>(merged.values());
        out.addAll(own);
        return out;
    }

    /** The items of a sequence. */
    List<Node> items(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list");
        }
        return sequence.getValue();
    }

    /** A list of single values; with {@code single} a lone value is taken as a list of one. */
    List<String> strings(Node node, String what, boolean single) {
        if (single && node instanceof ScalarNode) return List.of(text(node, what));
        var out = new ArrayList<String>();
        for (Node item : items(node, what)) out.add(text(item, "an item of " + what));
        return out;
    }

    /** A scalar's text as written; numbers and booleans are returned as their text. */
    String text(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            throw error(node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    /** A {@code true}/{@code false} scalar. */
    boolean bool(Node node, String what) {
        String value = text(node, what).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw error(node, what + " must be true or false, not '" + value + "'");
        }
        return value.equals("true");
    }

    /** A non-negative integer scalar. */
    int count(Node node, String what) {
        String value = text(node, what);
        if (!value.matches("[0-9]{1,9}")) {
            throw error(node, what + " must be a whole number, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}
