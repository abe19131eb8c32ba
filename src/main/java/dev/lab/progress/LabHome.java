package dev.lab.progress;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where lab keeps things, after the XDG base directories: progress under
 * {@code $XDG_STATE_HOME/lab}, workspaces and the embedded engine's volumes under
 * {@code $XDG_DATA_HOME/lab}. {@code LAB_HOME} (or the {@code lab.home} property) puts both
 * under one folder (tests, CI).
 */
public record LabHome(Path state, Path data) {

    public static LabHome fromEnvironment(Map<String, String> env) {
        String labHome = System.getProperty("lab.home", env.get("LAB_HOME"));
        if (labHome != null && !labHome.isBlank()) {
            Path root = Path.of(labHome).toAbsolutePath();
            return new LabHome(root.resolve("state"), root.resolve("data"));
        }
        Path home = Path.of(System.getProperty("user.home"));
        return new LabHome(xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("lab"),
                xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("lab"));
    }

    public Path workspace(String lab) { return data.resolve("workspaces").resolve(lab); }

    public Path embeddedEngine() { return data.resolve("embedded-engine"); }

    public Path progressFile(String lab) { return state.resolve("progress").resolve(lab + ".properties"); }

    /**
     * The record of what lab last wrote in a workspace of {@code lab}: one per workspace folder, so a
     * {@code --workspace} elsewhere has its own.
     */
    public Path writtenFile(String lab, Path workspace) {
        String key = Integer.toHexString(workspace.toAbsolutePath().normalize().toString().hashCode());
        return state.resolve("written").resolve(lab + "-" + key + ".properties");
    }

    public Path history() { return state.resolve("history"); }

    /** The file {@link LabLock} locks for a lab: one process per (lab home, lab); other labs and shells share the engine host. */
    public Path lockFile(String lab) { return state.resolve("locks").resolve(lab + ".lock"); }

    /** The folder to name in messages: {@code LAB_HOME} when state and data live under it, else the state folder. */
    public Path root() {
        Path parent = state.getParent();
        return !state.equals(data) && parent != null && parent.equals(data.getParent()) ? parent : state;
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }
}
