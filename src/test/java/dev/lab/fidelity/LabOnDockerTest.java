package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lab run persistence --engine docker` passes on real LocalStack, and every check has the same outcome as on the embedded community profile. */
class LabOnDockerTest {
    private static final Pattern CHECK = Pattern.compile("\\{\"check\": \"((?:[^\"\\\\]|\\\\.)*)\", \"expected\": \"(?:[^\"\\\\]|\\\\.)*\", "
            + "\"actual\": \"(?:[^\"\\\\]|\\\\.)*\", \"passed\": (true|false)");

    @TempDir Path home;

    @Test
    void theWholeLabHoldsOnDockerAndAgreesWithTheEmulator() throws Exception {
        DockerTier.engine().close();
        var docker = lab("run", "docker", "ko", "docker");
        var embedded = lab("run", "embedded", "ko", "embedded");
        assertEquals(0, docker.exit(), docker.out());
        assertEquals(0, embedded.exit(), embedded.out());
        assertTrue(docker.out().contains("19/19 steps held (11 passed, 8 solved, 0 failed)"), docker.out());
        assertTrue(docker.out().contains("LocalStack reports community-4.14 4.14.0: the lab's community-4.14 checks apply"), docker.out());
        assertEquals(outcomes(home.resolve("embedded/persistence.json")), outcomes(home.resolve("docker/persistence.json")));
    }

    @Test
    void labTestRunsEverySolutionOnDockerInEnglish() throws Exception {
        DockerTier.engine().close();
        var r = lab("test", "docker", "en", "docker-test");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("19/19 steps held (11 passed, 8 solved, 0 failed)"), r.out());
    }

    private record Run(int exit, String out) {}

    private Run lab(String command, String engine, String lang, String dir) throws Exception {
        var cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlab.home=" + home.resolve("home-" + engine), "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main",
                command, "persistence", "--engine", engine, "--lang", lang, "--edition", "community-4.14", "--quiet",
                "--report-dir", home.resolve(dir).toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "lab run on " + engine + " did not finish");
        return new Run(p.exitValue(), out);
    }

    /** Every check of the report with whether it held, in order. */
    private static List<String> outcomes(Path json) throws Exception {
        var out = new ArrayList<String>();
        var m = CHECK.matcher(Files.readString(json));
        while (m.find()) out.add(m.group(2) + " " + m.group(1));
        assertTrue(out.size() > 50, "the report lists the checks: " + out);
        return out;
    }
}
