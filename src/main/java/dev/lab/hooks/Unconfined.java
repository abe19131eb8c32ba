package dev.lab.hooks;

import dev.lab.engine.MountInfo;
import dev.lab.engine.embedded.ExecCall;
import dev.lab.fs.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hooks run without a sandbox: they run on the host as the user (a lab is code), and the runner
 * says so once per process. The container paths of the service's mounts that appear in the hook's
 * own text are rewritten to the mounted host folders in a copy that is run instead; paths the hook
 * builds at run time, or that other programs it calls use, do not resolve.
 */
final class Unconfined {
    private Unconfined() {}

    /**
     * The one line said once per {@link Sandbox} (the process's own is probed once, so once per process),
     * on stderr and into the container log.
     */
    static void noticeOnce(Sandbox sandbox, Consumer<String> log) {
        if (sandbox.firstUnconfinedRun()) {
            String line = "lab: init hooks run unconfined (" + sandbox.unavailableReason() + "): a hook can change any file you can,"
                    + " and only the container paths written in the hook itself are mapped to the mounted host folders";
            System.err.println(line);
            log.accept(line);
        }
    }

    /** The hook's text with each mount's container path replaced by its host folder. */
    static String rewrite(String text, List<MountInfo> mounts) {
        var longestFirst = mounts.stream().filter(m -> !m.destination().equals("/"))
                .sorted(Comparator.comparingInt((MountInfo m) -> m.destination().length()).reversed()).toList();
        for (MountInfo m : longestFirst) {
            var pattern = Pattern.compile("(?<![\\w.\\-/])" + Pattern.quote(m.destination()) + "(?![\\w.\\-])");
            text = pattern.matcher(text).replaceAll(Matcher.quoteReplacement(m.source()));
        }
        return text;
    }

    /**
     * The file to execute for {@code script}: itself when its text names no mount, else a rewritten copy
     * with the same name and mode in a fresh temporary folder (the caller deletes {@code copy.getParent()}).
     */
    static Path runnable(Path script, List<MountInfo> mounts) throws IOException {
        byte[] bytes = Files.readAllBytes(script);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String rewritten = rewrite(text, mounts);
        if (rewritten.equals(text)) return script;
        Path dir = Files.createTempDirectory("lab-hook-");
        Path copy = dir.resolve(script.getFileName().toString());
        Files.writeString(copy, rewritten, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(script));
        return copy;
    }

    /**
     * A one-shot command of the container (its {@code command}, a healthcheck) run on the host: the mounts' container
     * paths in its words and working folder are mapped to their host folders; bash makes and enters that folder as the
     * container would and reports a missing program (exit 127). Without a working folder it starts in a scratch folder.
     */
    static int run(ExecCall call, Sandbox sandbox, HookEnvironment extra, Consumer<String> out)
            throws IOException, InterruptedException {
        noticeOnce(sandbox, out);
        String hostPath = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        var env = ContainerEnvironment.of(call.env(), call.hostname(), call.endpoint(), call.mounts(), extra, hostPath);
        env.put("HOME", System.getProperty("user.home"));
        String workdir = call.request().workdir();
        var argv = new ArrayList<>(workdir == null ? List.of("/bin/bash", "-c", "exec \"$@\"", "bash")
                : List.of("/bin/bash", "-c", "mkdir -p -- \"$1\" 2>/dev/null; cd -- \"$1\" || exit 1; shift; exec \"$@\"", "bash",
                        rewrite(workdir, call.mounts())));
        for (String word : call.request().command()) argv.add(rewrite(word, call.mounts()));
        Path scratch = Files.createTempDirectory("lab-exec-");
        try {
            return HookProcess.run(argv, env, scratch, out);
        } finally {
            FileTrees.delete(scratch);
        }
    }
}
