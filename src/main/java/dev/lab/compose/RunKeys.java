package dev.lab.compose;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Parses the keys of a service's {@link RunOptions}: {@code entrypoint}, {@code command}, {@code working_dir}, {@code restart}. */
final class RunKeys {
    private final Nodes nodes;

    RunKeys(Nodes nodes) {
        this.nodes = nodes;
    }

    /** {@code command}/{@code entrypoint}: a list is the argv; a string is split into words as Compose does. */
    List<String> argv(Node value, String service, String key) {
        String what = "'" + key + "' of service '" + service + "'";
        if (value instanceof SequenceNode) {
            return nodes.strings(value, what, false);
        }
        String text = nodes.text(value, what);
        List<String> words = Words.split(text);
        if (words == null) throw nodes.error(value, "unclosed quote in " + what);
        return words;
    }

    /** {@code working_dir}: an absolute container path. */
    String workingDir(Node value, String service) {
        String dir = nodes.text(value, "'working_dir' of service '" + service + "'");
        if (!dir.startsWith("/")) {
            throw nodes.error(value, "'working_dir' of service '" + service + "' must be an absolute container path, not '" + dir + "'");
        }
        return dir;
    }

    /** {@code restart}: one of Docker's policies. */
    String restart(Node value, String service) {
        String policy = nodes.text(value, "'restart' of service '" + service + "'");
        if (!policy.matches("no|always|unless-stopped|on-failure(:[0-9]{1,4})?")) {
            throw nodes.error(value, "invalid restart policy '" + policy + "' in service '" + service
                    + "' (use no, always, on-failure[:N] or unless-stopped)");
        }
        return policy;
    }
}
