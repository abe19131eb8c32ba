package dev.lab.compose;

import java.util.Locale;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Docker's rules for the names a compose file gives. The engines turn these names into folder and
 * object names, so a name such as {@code x/../../home} must never get past the parser.
 */
public final class Names {
    /** Docker's {@code RestrictedNamePattern} for containers and volumes; keys may be one character. */
    private static final Pattern DOCKER = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    /** Docker's own check for a whole container or volume name asks for at least two characters. */
    private static final Pattern DOCKER_FULL = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    /** Compose's rule for a project name. */
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private Names() {
    }

    /**
     * The project name Compose derives from a folder name: lower-cased, characters outside
     * {@code [a-z0-9_-]} dropped, leading {@code _} and {@code -} trimmed.
     *
     * @throws IllegalArgumentException when nothing is left, naming the folder
     */
    public static String project(String folderName) {
        String name = folderName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "").replaceFirst("^[_-]+", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("cannot derive a compose project name from the folder name '" + folderName
                    + "': it needs a letter or a digit");
        }
        return name;
    }

    /** A service or volume key: checked where it is written. */
    static String key(Nodes nodes, Nodes.Entry entry, String kind) {
        return check(nodes, entry.keyNode(), entry.key(), DOCKER, kind);
    }

    /** A {@code container_name} or a volume's {@code name}: a whole Docker name. */
    static String full(Nodes nodes, Node node, String name, String kind) {
        return check(nodes, node, name, DOCKER_FULL, kind);
    }

    /** The top-level {@code name}. */
    static String project(Nodes nodes, Node node, String name) {
        if (!PROJECT.matcher(name).matches()) {
            throw nodes.error(node, "invalid project name '" + name + "': it must contain only lowercase letters, digits,"
                    + " '-' and '_', and start with a letter or a digit");
        }
        return name;
    }

    private static String check(Nodes nodes, Node node, String name, Pattern rule,
                                String kind) {
        if (!rule.matcher(name).matches()) {
            throw nodes.error(node, "invalid " + kind + " name '" + name + "': only [a-zA-Z0-9][a-zA-Z0-9_.-]"
                    + (rule == DOCKER_FULL ? "+" : "*") + " is allowed");
        }
        return name;
    }
}
