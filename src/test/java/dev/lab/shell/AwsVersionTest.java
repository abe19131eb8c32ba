package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.testing.TestAwslocal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aws --version} (anywhere on the line) answers as AWS CLI v1 does, one line on stdout and exit 0, but names the
 * built-in instead of claiming to be the CLI.
 */
class AwsVersionTest {
    private static final List<List<String>> LINES = List.of(List.of("--version"), List.of("s3", "--version"),
            List.of("--version", "s3", "ls"), List.of("s3api", "list-buckets", "--version"), List.of("--debug", "--version"));

    @TempDir Path tmp;

    private record Outcome(int status, List<String> out, List<String> err) {}

    private Outcome builtIn(String name, List<String> words) {
        var argv = new ArrayList<>(List.of(name));
        argv.addAll(words);
        var c = new Io.Capture();
        int status = LabCommands.run(null, Map.of(), argv, tmp, Map.of(), c.io());
        return new Outcome(status, c.out, c.err);
    }

    @Test
    void theBuiltInNamesItselfOnStdoutAndSucceeds() throws Exception {
        for (String name : List.of("aws", "awslocal")) {
            for (var words : LINES) {
                var o = builtIn(name, words);
                assertEquals(0, o.status(), name + " " + words + ": " + o);
                assertEquals(List.of(), o.err(), name + " " + words);
                assertEquals(1, o.out().size(), o.toString());
                String line = o.out().get(0);
                assertTrue(line.matches("lab-builtin-aws Java/\\S+ \\S+/\\S+ aws-sdk-java/2\\.\\d+\\.\\d+"), line);
                assertTrue(!line.contains("aws-cli/"), "the built-in is not the AWS CLI: " + line);
            }
        }
        AwsCommand.lint(List.of("aws", "--version")); // the lint a command line passes first: no Refused
    }

    @Test
    void theRealCliAnswersOnTheSameStreamWithTheSameStatus() throws Exception {
        Assumptions.assumeTrue(TestAwslocal.available(), "needs the AWS CLI (the non-root pass cannot reach root's)");
        for (var words : LINES) {
            var cmd = new ArrayList<>(List.of("aws"));
            cmd.addAll(words);
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            var mine = builtIn("aws", words);
            assertEquals(p.exitValue(), mine.status(), words.toString());
            assertEquals(out.lines().count(), (long) mine.out().size(), words + ": " + out);
            assertEquals(err.isEmpty(), mine.err().isEmpty(), words + ": " + err);
            assertTrue(out.startsWith("aws-cli/1."), "the real CLI's shape: " + out);
            assertEquals(out.strip().split(" ").length, mine.out().get(0).split(" ").length, "the same four words: " + out);
        }
    }
}
