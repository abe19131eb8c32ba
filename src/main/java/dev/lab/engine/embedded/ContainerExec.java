package dev.lab.engine.embedded;

import dev.lab.engine.MountInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a command "inside" an emulated container: a bash wrapper written into the container's layer runs it in the
 * hook sandbox (the container's mounts at their paths, the host network), with the lab's {@code aws}/{@code awslocal}
 * pointed at the project's emulator.
 */
final class ContainerExec {
    private static final String DIR = "/.lab-exec";

    private ContainerExec() {}

    /**
     * @param endpoint the emulator the command's AWS calls go to ({@code http://127.0.0.1:PORT}), or null
     * @return the command's exit code
     * @throws Exception when it could not start at all
     */
    static int run(HookScripts hooks, Container c, String label, List<String> argv, String workingDir, String endpoint,
                   Consumer<String> out) throws Exception {
        Path dir = c.layer.resolve("exec");
        Files.createDirectories(dir);
        Path script = dir.resolve(label + ".sh");
        var text = new StringBuilder("#!/bin/bash\n");
        if (workingDir != null) text.append("mkdir -p ").append(quote(workingDir)).append(" 2>/dev/null; cd ")
                .append(quote(workingDir)).append(" || exit 1\n");
        text.append("exec");
        for (String word : argv) text.append(' ').append(quote(word));
        text.append('\n');
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        var mounts = new ArrayList<>(c.mounts);
        mounts.add(new MountInfo("bind", null, dir.toString(), DIR, false));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.putAll(c.env());
        if (endpoint != null) env.put("AWS_ENDPOINT_URL", endpoint);
        String hostname = c.id.substring(0, Math.min(12, c.id.length()));
        return hooks.run(new HookCall(script, DIR + "/" + label + ".sh", endpoint == null ? "" : endpoint, mounts, env,
                hostname), out);
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
