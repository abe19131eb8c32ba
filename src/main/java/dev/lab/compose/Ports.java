package dev.lab.compose;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses a service's {@code ports} list (short strings, bare numbers, or long-syntax mappings). */
final class Ports {

    private static final List<String> LONG_KEYS = List.of("target", "published", "host_ip", "protocol", "mode");
    private static final String SHORT_FORM = "expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT";

    private final Nodes nodes;

    Ports(Nodes nodes) {
        this.nodes = nodes;
    }

    /** Parses the value of {@code ports:} for the named service. */
    List<PortMapping> parse(Node value, String service) {
        List<PortMapping> out = new ArrayList<>();
        for (Node item : nodes.items(value, "'ports' of service '" + service + "'")) {
            out.add(item instanceof MappingNode ? parseLong(item, service) : parseShort(item, service));
        }
        return out;
    }

    private PortMapping parseShort(Node item, String service) {
        String spec = nodes.text(item, "a port of service '" + service + "'").strip();
        String rest = spec;
        if (rest.endsWith("/tcp")) {
            rest = rest.substring(0, rest.length() - 4);
        } else if (rest.contains("/")) {
            throw nodes.error(item, "unsupported protocol in port '" + spec + "' of service '" + service + "' (only tcp)");
        }
        String hostIp = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf("]:");
            if (close < 0) {
                throw badPort(item, spec, service);
            }
            hostIp = rest.substring(1, close);
            rest = rest.substring(close + 2);
        }
        String[] parts = rest.split(":", -1);
        if (hostIp != null && parts.length == 2) {
            return new PortMapping(hostIp, hostPort(item, parts[0], spec, service), port(item, parts[1], spec, service));
        }
        if (hostIp == null && parts.length == 1) {
            return new PortMapping(null, 0, port(item, parts[0], spec, service));
        }
        if (hostIp == null && parts.length == 2) {
            return new PortMapping(null, port(item, parts[0], spec, service), port(item, parts[1], spec, service));
        }
        if (hostIp == null && parts.length == 3 && !parts[0].isEmpty()) {
            return new PortMapping(parts[0], hostPort(item, parts[1], spec, service), port(item, parts[2], spec, service));
        }
        throw badPort(item, spec, service);
    }

    private PortMapping parseLong(Node item, String service) {
        String what = "a port of service '" + service + "'";
        Node target = null;
        int published = 0;
        String hostIp = null;
        for (Nodes.Entry e : nodes.entries(item, what)) {
            switch (e.key()) {
                case "target" -> target = e.value();
                case "published" -> {
                    String text = nodes.text(e.value(), "'published'");
                    published = port(e.value(), text, text, service);
                }
                case "host_ip" -> hostIp = nodes.text(e.value(), "'host_ip'");
                case "protocol" -> {
                    if (!nodes.text(e.value(), "'protocol'").equals("tcp")) {
                        throw nodes.error(e.value(), "unsupported protocol in a port of service '" + service + "' (only tcp)");
                    }
                }
                case "mode" -> nodes.text(e.value(), "'mode'");
                default -> throw nodes.error(e.keyNode(), "unsupported port key '" + e.key() + "' in service '" + service
                        + "' (supported: " + String.join(", ", LONG_KEYS) + ")");
            }
        }
        if (target == null) {
            throw nodes.error(item, "a port of service '" + service + "' needs 'target'");
        }
        String text = nodes.text(target, "'target'");
        return new PortMapping(hostIp, published, port(target, text, text, service));
    }

    // An empty host port ("127.0.0.1::80") lets Docker pick one.
    private int hostPort(Node item, String text, String spec, String service) {
        return text.isEmpty() ? 0 : port(item, text, spec, service);
    }

    private int port(Node item, String text, String spec, String service) {
        if (text.matches("[0-9]{1,5}")) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw badPort(item, spec, service);
    }

    private ComposeException badPort(Node item, String spec, String service) {
        return nodes.error(item, "invalid port '" + spec + "' in service '" + service + "' (" + SHORT_FORM + ")");
    }
}
