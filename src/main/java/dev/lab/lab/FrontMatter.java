package dev.lab.lab;

import dev.lab.yaml.BoundedYaml;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The YAML header between the two {@code ---} lines of a lab file.
 *
 * @param lab        the {@code lab:} id
 * @param labLine    1-based file line of the {@code lab:} key
 * @param title      the {@code title:} value
 * @param lang       the {@code lang:} value, or {@code null}
 * @param variants   variant name to compose path, in file order
 * @param editions   edition (community, pro) to the sentence that explains what the learner will see on it
 * @param bodyOffset number of file lines before the Markdown body
 */
record FrontMatter(String lab, int labLine, String title, String lang, Map<String, String> variants,
                   Map<String, String> editions, int bodyOffset) {

    private static final List<String> KEYS = List.of("lab", "title", "variants", "editions", "lang");

    /** Parses the front matter at the start of {@code lines}; its YAML starts on file line 2. */
    static FrontMatter parse(Path file, List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw new LabException(file, 1, "missing front matter: the file must start with a '---' line");
        }
        int close = 1;
        while (close < lines.size() && !lines.get(close).strip().equals("---")) {
            close++;
        }
        if (close == lines.size()) {
            throw new LabException(file, 1, "front matter is not closed by a '---' line");
        }
        Node root = compose(file, String.join("\n", lines.subList(1, close)));
        if (!(root instanceof MappingNode mapping)) {
            throw new LabException(file, root == null ? 1 : line(root),
                    "front matter must be a YAML mapping with 'lab' and 'title'");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(file, tuple.getKeyNode(), "front matter key");
            if (!KEYS.contains(key)) {
                throw new LabException(file, line(tuple.getKeyNode()),
                        "unknown front matter key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
            if (values.putIfAbsent(key, tuple.getValueNode()) != null) {
                throw new LabException(file, line(tuple.getKeyNode()), "duplicate front matter key '" + key + "'");
            }
        }
        for (String required : List.of("lab", "title")) {
            if (!values.containsKey(required)) {
                throw new LabException(file, 1, "front matter is missing '" + required + "'");
            }
        }
        Node lang = values.get("lang");
        return new FrontMatter(scalar(file, values.get("lab"), "'lab'"), line(values.get("lab")),
                scalar(file, values.get("title"), "'title'"), lang == null ? null : scalar(file, lang, "'lang'"),
                variants(file, values.get("variants"), scalar(file, values.get("lab"), "'lab'")), editions(file, values.get("editions")), close + 1);
    }

    private static Map<String, String> editions(Path file, Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new LabException(file, line(node), "'editions' must map community and pro to a sentence each");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = scalar(file, tuple.getKeyNode(), "edition name");
            Editions.require(file, line(tuple.getKeyNode()), name);
            out.put(name, scalar(file, tuple.getValueNode(), "edition '" + name + "'"));
        }
        return out;
    }

    private static Map<String, String> variants(Path file, Node node, String lab) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new LabException(file, line(node), "'variants' must map variant names to compose file paths");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = scalar(file, tuple.getKeyNode(), "variant name");
            String path = scalar(file, tuple.getValueNode(), "variant '" + name + "'");
            if (!insideLab(path, lab)) {
                throw new LabException(file, line(tuple.getValueNode()), "variant '" + name + "' must name a file under"
                        + " compose-variants/" + lab + "/, written as " + lab + "/<file>, not '" + path + "'");
            }
            if (out.put(name, path) != null) {
                throw new LabException(file, line(tuple.getKeyNode()), "duplicate variant '" + name + "'");
            }
        }
        return out;
    }

    // Variant paths are relative to compose-variants/ and must stay in the lab's own folder there.
    private static boolean insideLab(String path, String lab) {
        if (path.contains("\\") || path.startsWith("/")) {
            return false;
        }
        List<String> parts = List.of(path.split("/", -1));
        return parts.size() >= 2 && parts.get(0).equals(lab)
                && parts.stream().noneMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."));
    }

    private static Node compose(Path file, String yaml) {
        try {
            return BoundedYaml.compose(file.toString(), yaml).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 2).orElse(1);
            throw new LabException(file, line, "invalid front matter YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new LabException(file, 1, "invalid front matter YAML: " + e.getMessage());
        }
    }

    private static String scalar(Path file, Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
            throw new LabException(file, line(node), what + " must be a non-empty text value");
        }
        return scalar.getValue().strip();
    }

    // Marks are 0-based within the YAML text, which starts on file line 2.
    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 2).orElse(1);
    }
}
