package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker exec -it localstack bash} typed at the REPL of a real terminal (tmux), on the embedded
 * engine: an interactive bash in the container's sandbox gets the terminal, sees the volume's real
 * files at {@code /var/lib/localstack}, and {@code exit} gives the REPL back.
 */
class ExecTerminalTest {
    @TempDir Path home;

    @Test
    void anInteractiveBashInTheContainerFromTheRepl() throws Exception {
        assertTrue(Tmux.installed(), "tmux is not installed: apt-get install tmux (scripts/test.sh does)");
        try (var t = new Tmux(home, "start", "persistence", "--lang", "en")) {
            String prompt = "persistence [1/19 start]>";
            t.awaitText(prompt, 60);
            t.type("docker compose up -d localstack");
            t.keys("Enter");
            t.await("LocalStack started", 90, s -> s.contains("Started") && s.stripTrailing().endsWith(prompt));
            t.type("docker exec -it localstack bash");
            t.keys("Enter");
            // Debian's /etc/bash.bashrc prompt: user@container-hostname:cwd#
            t.await("bash in the container", 20, s -> s.stripTrailing().matches("(?s).*@[0-9a-f]{12}:/opt/code/localstack[#$]"));
            t.type("ls /var/lib/localstack; echo in-$HOSTNAME; exit");
            t.keys("Enter");
            String after = t.await("the REPL after exit", 20, s -> s.contains("in-") && s.stripTrailing().endsWith(prompt));
            assertTrue(after.contains("cache") && after.contains("logs") && after.contains("state"),
                    "the bind-mounted volume's real folders: " + after);
            assertTrue(after.matches("(?s).*in-[0-9a-f]{12}\\n.*"), "the container's host name: " + after);
            t.type("docker compose down");
            t.keys("Enter");
            t.await("LocalStack removed", 60, s -> s.contains("Removed") && s.stripTrailing().endsWith(prompt));
            t.type("quit");
            t.keys("Enter");
            t.awaitText("Goodbye!", 20);
        }
    }
}
