package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lab.engine.embedded.EmbeddedEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command substitutions labs use ({@code sudo chown -R $(whoami):$(id -gn) …}) expand to the runner's own user. */
class SubstitutionTest {
    @TempDir Path tmp;

    @Test
    void whoamiAndIdExpandToTheRunnersUser() throws Exception {
        try (var engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0)) {
            var shell = new Shell(engine, () -> { throw new ShellError("no project"); }, tmp, () -> java.net.URI.create("http://localhost:1"));
            var out = new Io.Capture();
            assertEquals(0, shell.run("echo $(whoami) $(id -u):$(id -g) $(id -gn)", out.io(List.of())));
            Path probe = Files.createFile(tmp.resolve("probe"));
            var attrs = Files.readAttributes(probe, PosixFileAttributes.class);
            assertEquals(List.of(System.getProperty("user.name") + " " + Files.getAttribute(probe, "unix:uid") + ":"
                    + Files.getAttribute(probe, "unix:gid") + " " + attrs.group().getName()), out.out);
            assertThrows(ShellError.class, () -> shell.run("echo $(hostname)", out.io(List.of())));
        }
    }
}
