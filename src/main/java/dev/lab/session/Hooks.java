package dev.lab.session;

import dev.lab.engine.Engine;
import dev.lab.engine.embedded.HookScripts;
import dev.lab.shell.Io;
import dev.lab.shell.Shell;
import dev.lab.shell.ShellError;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs LocalStack init hooks ({@code ready.d/*.sh}) line by line through the runner's own
 * {@link Shell}, with {@code awslocal} pointed at the emulator, as bash would without {@code -e}:
 * a failing line does not stop the script; the script's status is its last command's.
 */
public final class Hooks implements HookScripts {
    private Engine engine;

    /** Binds the engine whose emulator the hooks run in (created after this object). */
    public void attach(Engine engine) { this.engine = engine; }

    @Override
    public int run(Path script, String endpoint, Map<String, Path> mounts, Consumer<String> log) throws Exception {
        if (!script.getFileName().toString().endsWith(".sh")) {
            log.accept("only .sh init hooks are run by the embedded engine: skipping " + script.getFileName());
            return 1;
        }
        var shell = new Shell(engine, () -> { throw new ShellError("docker is not available inside the LocalStack container"); },
                script.getParent(), () -> URI.create(endpoint), mounts);
        int status = 0;
        var joined = new StringBuilder();
        for (String raw : Files.readAllLines(script)) {
            if (raw.endsWith("\\")) {
                joined.append(raw, 0, raw.length() - 1).append(' ');
                continue;
            }
            String line = joined.append(raw).toString().trim();
            joined.setLength(0);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("set ")) continue;
            try {
                status = shell.run(line, new Io(List.of(), log, log));
            } catch (ShellError e) {
                log.accept(script.getFileName() + ": " + e.getMessage());
                status = 127;
            }
        }
        return status;
    }
}
