package dev.lab.compose;

import java.util.List;

/**
 * How a service's container runs, beyond its image.
 *
 * @param entrypoint the {@code entrypoint} as an argv (a string is split as Compose splits it), or {@code null}
 * @param command    the {@code command} as an argv, or {@code null}
 * @param workingDir the {@code working_dir}, or {@code null}
 * @param envFiles   the {@code env_file} paths as written, relative to the compose file's folder
 * @param restart    the {@code restart} policy ({@code no}, {@code always}, {@code on-failure[:N]}, {@code unless-stopped})
 */
public record RunOptions(List<String> entrypoint, List<String> command, String workingDir, List<String> envFiles,
                         String restart) {

    /** A service with none of these keys. */
    public static final RunOptions NONE = new RunOptions(null, null, null, List.of(), "no");

    /** Copies the lists so the record stays immutable. */
    public RunOptions {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        command = command == null ? null : List.copyOf(command);
        envFiles = List.copyOf(envFiles);
        restart = restart == null ? "no" : restart;
    }

    /** Whether the image's own program is replaced. */
    public boolean overridesImage() {
        return entrypoint != null || command != null;
    }

    /** The argv the container runs when its image's entrypoint is replaced: entrypoint then command. */
    public List<String> argv() {
        var out = new java.util.ArrayList<String>();
        if (entrypoint != null) out.addAll(entrypoint);
        if (command != null) out.addAll(command);
        return out;
    }
}
