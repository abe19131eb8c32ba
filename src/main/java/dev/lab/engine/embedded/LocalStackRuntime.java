package dev.lab.engine.embedded;

import dev.lab.compose.ImageRef;
import dev.lab.compose.LocalStackEndpoint;
import dev.lab.compose.PortMapping;
import dev.lab.emulator.LocalStackConfig;
import dev.lab.emulator.LocalStackEmulator;
import dev.lab.emulator.PortInUseException;
import dev.lab.engine.EngineException;
import dev.lab.engine.MountInfo;
import dev.lab.source.StateFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The program of the {@code localstack/localstack} image: its entrypoint's checks, then the emulator. */
final class LocalStackRuntime implements Runtime {
    static final int PORT = LocalStackEndpoint.CONTAINER_PORT;
    private static final String INIT = "/etc/localstack/init";

    private final Container c;
    private final String edition;
    private final HookScripts hooks;
    private final DaemonFolders daemonFolders;
    private LocalStackEmulator emulator;

    LocalStackRuntime(Container c, String edition, HookScripts hooks, DaemonFolders daemonFolders) {
        this.c = c;
        this.edition = edition;
        this.hooks = hooks;
        this.daemonFolders = daemonFolders;
    }

    @Override
    public void start() throws Exited, EngineException { launch(null); }

    @Override
    public void resume(Map<String, String> states) throws Exited, EngineException { launch(states); }

    @Override
    public Map<String, String> states() { return emulator == null ? Map.of() : emulator.hookStates(); }

    private void launch(Map<String, String> resumed) throws Exited, EngineException {
        var env = c.env();
        boolean needsToken = ImageRef.parse(c.spec.image()).needsToken();
        if (needsToken && !edition.equals("pro") && env.getOrDefault("LOCALSTACK_AUTH_TOKEN", "").isBlank()) {
            c.log.add("The license activation failed for the following reason: No credentials were found in the environment.");
            c.log.add("Please set LOCALSTACK_AUTH_TOKEN; the last image that starts without a token is localstack/localstack:4.14.0");
            throw new Exited(55, "licence activation failed");
        }
        MountInfo data = c.mounts.stream().filter(m -> m.destination().equals(Creation.LOCALSTACK_VOLUME))
                .findFirst().orElseThrow();
        Path volume = Path.of(data.source());
        if (resumed == null) banner(env);
        if (!startable(data, volume)) {
            // What 4.14.0's entrypoint prints (observed on a real engine): its `mkdir -p` of the log folder fails.
            c.log.add("mkdir: cannot create directory ‘/var/lib/localstack/logs’: Permission denied");
            throw new Exited(1, "permission denied");
        }
        var config = new LocalStackConfig(edition, "127.0.0.1", publishedPort(), env, volume,
                c.layer.resolve("tmp"), initDirs());
        var hookEnv = hookEnvironment(env);
        hookEnv.putIfAbsent("HOME", "/root"); // LocalStack's process runs as root; a docker exec takes its user's home
        String hostname = c.id.substring(0, Math.min(12, c.id.length()));
        var emu = new LocalStackEmulator(config, (script, containerPath, log) -> {
            try (var t = dev.lab.trace.Trace.span("hook " + containerPath)) {
                return hooks.run(new HookCall(script, containerPath, emulator.endpoint(), ImageAccounts.mounts(c), hookEnv, hostname), log);
            }
        }, c.log::add);
        emulator = emu;
        try {
            if (resumed == null) emu.start();
            else emu.resume(resumed);
        } catch (PortInUseException e) {
            emu.stop();
            emulator = null;
            throw new EngineException(e.getMessage() + " (published by service " + c.spec.name()
                    + "); stop what listens there or change the service's `ports:` mapping", e);
        } catch (IOException | StateFileException e) {
            emu.stop();
            emulator = null;
            throw new EngineException("LocalStack emulator failed to start: " + e.getMessage(), e);
        }
    }

    /**
     * What LocalStack's process passes to its hooks (observed with {@code env} in a ready.d hook on 4.14.0):
     * the image's environment, the service's, each {@code LOCALSTACK_X} again as {@code X} (the entrypoint
     * does that), the virtualenv the entrypoint activates, and what the runtime sets; all but {@code HOME}, which
     * is the process's user's (root's {@code /root} for hooks, the {@code -u} user's for a {@code docker exec}).
     */
    static Map<String, String> hookEnvironment(Map<String, String> service) {
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", "/opt/code/localstack/.venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("USER", "localstack");
        env.put("PYTHONUNBUFFERED", "1");
        env.put("LOCALSTACK_BUILD_VERSION", LocalStackConfig.VERSION);
        env.put("DISABLE_EVENTS", "1");
        env.putAll(service);
        for (var e : Map.copyOf(env).entrySet()) {
            String name = e.getKey();
            if (name.matches("LOCALSTACK_[A-Z_][A-Z0-9_]*")
                    && !Set.of("HOST", "HOSTNAME", "AUTH_TOKEN", "API_KEY").contains(name.substring(11))) {
                env.put(name.substring(11), e.getValue());
            }
        }
        env.put("VIRTUAL_ENV", "/opt/code/localstack/.venv");
        env.put("VIRTUAL_ENV_PROMPT", ".venv");
        env.put("SUPERVISOR_PID", "1");
        env.put("LOCALSTACK_INFRA_PROCESS", "1");
        env.put("no_proxy", "localhost.localstack.cloud,localhost,127.0.0.1,[::1]");
        return env;
    }

    /** The 4.14.0 entrypoint's notice when started without a token (observed on a real engine). */
    private void banner(java.util.Map<String, String> env) {
        if (!env.getOrDefault("LOCALSTACK_AUTH_TOKEN", "").isEmpty()) return;
        c.log.add("WARNING");
        c.log.add("================================================================================");
        c.log.add("  You are starting the LocalStack Community Docker image.");
        c.log.add("  We move towards a unified LocalStack for AWS image in March 2026.");
        c.log.add("  Go to this page for more infos: https://localstack.cloud/2026-updates");
        c.log.add("================================================================================");
        c.log.add("");
    }

    /** See {@link LocalStackEmulator#retireS3}; a container of another image has nothing to keep. */
    static void retire(Container c, Path spare) throws IOException {
        if (Images.isLocalStack(c.spec.image())) LocalStackEmulator.retireS3(c.layer.resolve("tmp"), spare);
    }

    @Override
    public int stop() {
        // LocalStack's entrypoint handles SIGTERM: docker stop records exit 0.
        if (emulator != null) emulator.stop();
        emulator = null;
        return 0;
    }

    @Override
    public int hostPort(int containerPort) {
        return containerPort == PORT && emulator != null && emulator.running() ? emulator.port() : -1;
    }

    /**
     * Whether the 4.14.0 entrypoint gets past its {@code mkdir -p /var/lib/localstack/logs}, its one write before
     * LocalStack runs (observed on Docker: with {@code logs/} there, even root's 0755 one, a non-root user reaches
     * {@code Ready.}). A named or anonymous volume is Docker's copy of the image's folder (root's, 0777: anyone may
     * write it); a bind folder is judged as the host has it (root's when Docker would have made it).
     */
    private boolean startable(MountInfo data, Path volume) throws EngineException {
        if (Files.isDirectory(volume.resolve("logs")) || data.type().equals("volume")) return true;
        return Permissions.canWrite(volume, ImageAccounts.user(c, c.spec.user()), daemonFolders.rootOwned(volume));
    }

    private int publishedPort() {
        return c.spec.ports().stream().filter(p -> p.containerPort() == PORT).mapToInt(PortMapping::hostPort)
                .findFirst().orElse(0);
    }

    private Map<String, Path> initDirs() {
        var dirs = new LinkedHashMap<String, Path>();
        for (MountInfo m : c.mounts) {
            if (m.destination().equals(INIT)) {
                for (String stage : new String[] {"boot.d", "start.d", "ready.d", "shutdown.d"}) {
                    dirs.put(stage, Path.of(m.source()).resolve(stage));
                }
            } else if (m.destination().startsWith(INIT + "/")) {
                dirs.put(m.destination().substring(INIT.length() + 1), Path.of(m.source()));
            }
        }
        return dirs;
    }
}
