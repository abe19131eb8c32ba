package dev.lab.session;

import dev.lab.compose.ComposeDiff;
import dev.lab.fs.Inside;
import dev.lab.lab.Lab;
import dev.lab.yaml.BoundedYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The lab's compose variants ({@code compose-variants/<path>}) and the one in force in the workspace.
 * The workspace's {@code docker-compose.yml} is the only record of that: the variant in force is the
 * one whose file it equals, and none once the learner edits it.
 */
final class Variants {
    static final String COMPOSE_FILE = "docker-compose.yml";

    private final Lab lab;
    private final Path root;
    private java.util.List<dev.lab.compose.ComposeFile> parsed;

    Variants(Lab lab) {
        this.lab = lab;
        this.root = lab.variantsRoot();
    }

    /** The variant file, or an error naming the lab and the variant. */
    Path file(String name) {
        String rel = lab.variants().get(name);
        if (rel == null) {
            throw new IllegalArgumentException("lab " + lab.id() + " has no variant '" + name + "' (variants: "
                    + String.join(", ", lab.variants().keySet()) + ")");
        }
        // The loader checked the spelling; a link must not lead out of the lab's folder either.
        return Inside.require(root.resolve(lab.id()), root.resolve(rel));
    }

    /** The variant the workspace's compose file equals; empty when it is absent or edited. */
    Optional<String> inForce(Path workspace) {
        Path target = workspace.resolve(COMPOSE_FILE);
        if (!Files.isRegularFile(target)) return Optional.empty();
        String text = read(target);
        return lab.variants().keySet().stream().filter(name -> same(read(file(name)), text)).findFirst();
    }

    /** Whether {@code text} is exactly one of the lab's variants (a learner's comment makes it theirs, to keep). */
    boolean isVariant(String text) {
        return lab.variants().keySet().stream().anyMatch(name -> read(file(name)).equals(text));
    }

    /** Every variant that parses, for what they mount; {@code lab validate} reports the others. */
    synchronized java.util.List<dev.lab.compose.ComposeFile> all() {
        if (parsed != null) return parsed;
        var out = new java.util.ArrayList<dev.lab.compose.ComposeFile>();
        for (String name : lab.variants().keySet()) {
            try {
                out.add(dev.lab.compose.ComposeParser.parse(file(name)));
            } catch (RuntimeException e) {
                // Left to validate and to the step that installs it.
            }
        }
        parsed = java.util.List.copyOf(out);
        return parsed;
    }

    /** Whether the workspace's compose file is exactly this variant. */
    boolean installed(String name, Path workspace) {
        Path target = workspace.resolve(COMPOSE_FILE);
        return Files.isRegularFile(target) && same(read(target), read(file(name)));
    }

    // A learner's fix is the variant when it says the same thing: comments, key order and layout aside.
    private static boolean same(String a, String b) {
        if (a.equals(b)) return true;
        try {
            return java.util.Objects.equals(BoundedYaml.load(COMPOSE_FILE, a), BoundedYaml.load(COMPOSE_FILE, b));
        } catch (RuntimeException notYaml) {
            return false;
        }
    }

    /** Writes the variant as the workspace's {@code docker-compose.yml}; returns the diff from the previous file. */
    List<String> install(String name, Path workspace) {
        try {
            Path target = Inside.require(workspace, workspace.resolve(COMPOSE_FILE));
            String next = Files.readString(file(name));
            String previous = Files.exists(target) ? Files.readString(target) : "";
            Files.writeString(target, next);
            return previous.isEmpty() ? List.of() : ComposeDiff.unified(COMPOSE_FILE, previous, name, next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install variant " + name + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
