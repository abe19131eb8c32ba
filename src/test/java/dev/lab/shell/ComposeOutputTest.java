package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lab.engine.embedded.EmbeddedEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code docker compose up|down|stop|start|restart} and {@code docker restart|volume ls} print, line by line, as Compose does. */
class ComposeOutputTest {
    private static final String COMPOSE = "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
            + "    container_name: ls-out\n    volumes:\n      - data:/var/lib/localstack\nvolumes:\n  data:\n";

    @TempDir Path tmp;
    private Path ws;
    private EmbeddedEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        ws = Files.createDirectories(tmp.resolve("outp"));
        Files.writeString(ws.resolve("docker-compose.yml"), COMPOSE);
        engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0);
    }

    @AfterEach
    void tearDown() { engine.close(); }

    private Outcome run(String line) { return Outcome.run(engine, ws, line); }

    private static String status(String what, String word) { return " ✔ " + String.format("%-40s", what) + " " + word; }

    @Test
    void upStopStartRestartAndDownPrintComposesProgressLines() {
        assertEquals(new Outcome(0, List.of(status("Volume \"outp_data\"", "Created"), status("Container ls-out", "Started")), List.of()),
                run("docker compose up -d"));
        assertEquals(new Outcome(0, List.of(status("Container ls-out", "Running")), List.of()), run("docker compose up -d"));
        assertEquals(new Outcome(0, List.of(status("Container ls-out", "Stopped")), List.of()), run("docker compose stop"));
        assertEquals(new Outcome(0, List.of(status("Container ls-out", "Started")), List.of()), run("docker compose start localstack"));
        assertEquals(new Outcome(0, List.of(status("Container ls-out", "Started")), List.of()), run("docker-compose restart"));
        assertEquals(new Outcome(0, List.of("ls-out"), List.of()), run("docker restart ls-out"));
        assertEquals(new Outcome(0, List.of("DRIVER  VOLUME NAME", "local   outp_data"), List.of()), run("docker volume ls"));
        assertEquals(new Outcome(0, List.of(status("Container ls-out", "Removed"), status("Volume outp_data", "Removed")), List.of()),
                run("docker compose down -v"));
        assertEquals(new Outcome(1, List.of(), List.of("Error response from daemon: No such container: nope")), run("docker stop nope"));
    }

    @Test
    void aServiceGoneFromTheFileIsAnOrphanWarnedOfUntilRemoved() throws Exception {
        run("docker compose up -d");
        Files.writeString(ws.resolve("docker-compose.yml"), "services:\n  other:\n    image: localstack/localstack:4.14.0\n"
                + "    container_name: ls-other\n");
        var up = run("docker compose up -d");
        assertEquals(List.of(status("Container ls-other", "Started")), up.out());
        assertEquals(List.of("WARN[0000] Found orphan containers ([ls-out]) for this project. If you removed or renamed this service"
                + " in your compose file, you can run this command with the --remove-orphans flag to clean it up."), up.err());
        assertEquals(new Outcome(0, List.of(status("Container ls-out", "Removed"), status("Container ls-other", "Removed")), List.of()),
                run("docker compose down --remove-orphans"));
    }

    @Test
    void dockerComposeIsDockerComposeWhenRunAndWhenLinted() {
        for (String tool : List.of("docker compose", "docker-compose")) {
            assertEquals(new Outcome(1, List.of(), List.of("unknown flag: --bogus")), run(tool + " up --bogus"), tool);
            assertEquals(List.of("unknown flag: --bogus"), CommandLint.problems(Arrays.asList((tool + " up -d --bogus").split(" "))), tool);
            assertEquals(List.of(), CommandLint.problems(Arrays.asList((tool + " up -d").split(" "))), tool);
        }
    }
}
