package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example labs s3-basics and init-hooks pass `lab test` on real LocalStack through the Docker engine, in both languages. */
class NewLabsOnDockerTest {
    @TempDir Path home;

    @ParameterizedTest(name = "{0} --lang {1}")
    @CsvSource(delimiter = '|', textBlock = """
        s3-basics  | ko | 4/4 steps held (1 passed, 3 solved, 0 failed), 18/18 checks held
        s3-basics  | en | 4/4 steps held (1 passed, 3 solved, 0 failed), 18/18 checks held
        init-hooks | ko | 3/3 steps held (1 passed, 2 solved, 0 failed), 14/14 checks held
        init-hooks | en | 3/3 steps held (1 passed, 2 solved, 0 failed), 14/14 checks held
        """)
    void everySolutionHoldsOnDocker(String lab, String lang, String summary) throws Exception {
        DockerTier.engine().close();
        var cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlab.home=" + home, "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main",
                "test", lab, "--engine", "docker", "--lang", lang, "--edition", "community-4.14");
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LAB_ENGINE_IDLE", "0");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "lab test " + lab + " on docker did not finish");
        try {
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains(summary), out);
        } finally {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                    "-Dlab.home=" + home, "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main", "engine", "stop")
                    .redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
            try (var engine = DockerTier.engine()) {
                engine.purge(lab);
            }
        }
    }
}
