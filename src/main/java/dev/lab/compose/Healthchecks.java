package dev.lab.compose;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Parses a service's {@code healthcheck} mapping. */
final class Healthchecks {

    private static final List<String> KEYS = List.of("test", "interval", "timeout", "retries", "start_period", "start_interval",
            "disable");
    private static final Set<String> TEST_KINDS = Set.of("CMD", "CMD-SHELL", "NONE");

    private final Nodes nodes;

    Healthchecks(Nodes nodes) {
        this.nodes = nodes;
    }

    /** Parses the value of {@code healthcheck:} for the named service. */
    Healthcheck parse(Node value, String service) {
        String what = "'healthcheck' of service '" + service + "'";
        // Unset stays empty or zero, as Compose sends it: the daemon then takes the image's value, else its default.
        List<String> test = List.of();
        Duration interval = Duration.ZERO;
        Duration timeout = Duration.ZERO;
        int retries = 0;
        Duration startPeriod = Duration.ZERO;
        Duration startInterval = Duration.ZERO;
        boolean disable = false;
        for (Nodes.Entry e : nodes.entries(value, what)) {
            if (e.key().startsWith("x-")) continue;
            switch (e.key()) {
                case "test" -> test = test(e.value(), service);
                case "interval" -> interval = duration(e.value(), "interval", service);
                case "timeout" -> timeout = duration(e.value(), "timeout", service);
                case "start_period" -> startPeriod = duration(e.value(), "start_period", service);
                case "start_interval" -> startInterval = duration(e.value(), "start_interval", service);
                case "disable" -> disable = nodes.bool(e.value(), "'disable' in the healthcheck of service '" + service + "'");
                case "retries" -> retries = nodes.count(e.value(), "'retries' in the healthcheck of service '" + service + "'");
                default -> throw nodes.error(e.keyNode(), "unsupported healthcheck key '" + e.key() + "' in service '"
                        + service + "' (supported: " + String.join(", ", KEYS) + ")");
            }
        }
        if (disable) {
            return new Healthcheck(List.of("NONE"), interval, timeout, retries, startPeriod, startInterval);
        }
        return new Healthcheck(test, interval, timeout, retries, startPeriod, startInterval);
    }

    private List<String> test(Node value, String service) {
        if (!(value instanceof SequenceNode)) {
            // Docker runs a plain string test through the shell.
            return List.of("CMD-SHELL", nodes.text(value, "'test' in the healthcheck of service '" + service + "'"));
        }
        List<String> test = new ArrayList<>();
        for (Node item : nodes.items(value, "'test'")) {
            test.add(nodes.text(item, "an item of 'test' in the healthcheck of service '" + service + "'"));
        }
        if (test.isEmpty() || !TEST_KINDS.contains(test.get(0))) {
            throw nodes.error(value, "healthcheck test of service '" + service + "' must start with CMD, CMD-SHELL or NONE");
        }
        return test;
    }

    private Duration duration(Node value, String key, String service) {
        String text = nodes.text(value, "'" + key + "' in the healthcheck of service '" + service + "'");
        Duration duration = Durations.parse(text);
        if (duration == null) {
            throw nodes.error(value, "invalid duration '" + text + "' for '" + key + "' in service '" + service
                    + "' (use e.g. 10s, 1m30s, 500ms)");
        }
        if (!duration.isZero() && duration.compareTo(Healthcheck.MINIMUM_DURATION) < 0) {
            // The daemon's own rule (and words), checked here so the file's line is named.
            throw nodes.error(value, "'" + key + "' in the healthcheck of service '" + service + "' cannot be less than 1ms, not '"
                    + text + "'");
        }
        return duration;
    }
}
