package dev.lab.shell;

import dev.lab.engine.Engine;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A lab command's exit status and output lines, run from {@code cwd} as a shell line would run it. */
record Outcome(int status, List<String> out, List<String> err) {
    static Outcome run(Engine engine, Path cwd, String line) {
        var c = new Io.Capture();
        int status = LabCommands.run(engine, Map.of(), Arrays.asList(line.split(" ")), cwd, Map.of(), c.io());
        return new Outcome(status, c.out, c.err);
    }
}
