package dev.lab.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses a service's {@code volumes} list in short ({@code src:/path:ro}) or long syntax. */
final class Mounts {

    private static final List<String> LONG_KEYS = List.of("type", "source", "target", "read_only");

    private final Nodes nodes;
    private final Map<String, VolumeDef> declared;

    /**
     * @param nodes    the file's node reader
     * @param declared the top-level volumes, which named volumes must refer to
     */
    Mounts(Nodes nodes, Map<String, VolumeDef> declared) {
        this.nodes = nodes;
        this.declared = declared;
    }

    /** Parses the value of {@code volumes:} for the named service. */
    List<Mount> parse(Node value, String service) {
        List<Mount> out = new ArrayList<>();
        for (Node item : nodes.items(value, "'volumes' of service '" + service + "'")) {
            out.add(item instanceof MappingNode ? parseLong(item, service) : parseShort(item, service));
        }
        return out;
    }

    private Mount parseShort(Node item, String service) {
        String spec = nodes.text(item, "a volume of service '" + service + "'").strip();
        String[] parts = spec.split(":", -1);
        if (parts.length == 1) {
            return new Mount(Mount.Type.ANONYMOUS, null, target(item, parts[0], service), false);
        }
        if (parts.length > 3 || parts[0].isEmpty()) {
            throw nodes.error(item, "invalid volume '" + spec + "' in service '" + service + "' (expected SOURCE:TARGET[:ro])");
        }
        boolean readOnly = false;
        if (parts.length == 3) {
            if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
                throw nodes.error(item, "unsupported volume mode '" + parts[2] + "' in service '" + service + "' (use ro or rw)");
            }
            readOnly = parts[2].equals("ro");
        }
        // Compose's own rule: a source that looks like a path is a bind mount, anything else names a volume.
        boolean bind = parts[0].startsWith(".") || parts[0].startsWith("/") || parts[0].startsWith("~");
        String target = target(item, parts[1], service);
        return bind ? new Mount(Mount.Type.BIND, parts[0], target, readOnly) : named(item, parts[0], target, readOnly, service);
    }

    private Mount parseLong(Node item, String service) {
        String what = "a volume of service '" + service + "'";
        String type = null;
        String source = null;
        String target = null;
        boolean readOnly = false;
        for (Nodes.Entry e : nodes.entries(item, what)) {
            switch (e.key()) {
                case "type" -> type = nodes.text(e.value(), "'type'");
                case "source" -> source = nodes.text(e.value(), "'source'");
                case "target" -> target = target(e.value(), nodes.text(e.value(), "'target'"), service);
                case "read_only" -> readOnly = nodes.bool(e.value(), "'read_only'");
                default -> throw nodes.error(e.keyNode(), "unsupported volume key '" + e.key() + "' in service '" + service
                        + "' (supported: " + String.join(", ", LONG_KEYS) + ")");
            }
        }
        if (target == null) {
            throw nodes.error(item, what + " needs 'target'");
        }
        if ("bind".equals(type)) {
            if (source == null) {
                throw nodes.error(item, "a bind volume of service '" + service + "' needs 'source'");
            }
            return new Mount(Mount.Type.BIND, source, target, readOnly);
        }
        if ("volume".equals(type)) {
            return source == null ? new Mount(Mount.Type.ANONYMOUS, null, target, readOnly)
                    : named(item, source, target, readOnly, service);
        }
        throw nodes.error(item, "unsupported volume type '" + type + "' in service '" + service + "' (use bind or volume)");
    }

    private Mount named(Node item, String name, String target, boolean readOnly, String service) {
        if (!declared.containsKey(name)) {
            throw nodes.error(item, "service '" + service + "' uses volume '" + name
                    + "' which is not declared under top-level 'volumes'");
        }
        return new Mount(Mount.Type.VOLUME, name, target, readOnly);
    }

    private String target(Node item, String target, String service) {
        if (!target.startsWith("/")) {
            throw nodes.error(item, "volume target '" + target + "' in service '" + service + "' must be an absolute container path");
        }
        return target;
    }
}
