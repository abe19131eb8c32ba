package dev.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.hooks.InitScripts;
import dev.lab.hooks.Sandbox;
import dev.lab.lab.LabLoader;
import dev.lab.session.Engines;
import dev.lab.testing.TestAwslocal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code lab run persistence} on the embedded engine, whose ready.d hooks (bucket creation, the Community
 * restore from /s3-backup) run in bubblewrap and, without it, unconfined with the mount paths mapped.
 */
class PersistenceHooksTest {
    @TempDir Path tmp;

    static Stream<Arguments> ways() {
        return Stream.of(Arguments.of("sandbox", "ko"), Arguments.of("unconfined", "en"));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("ways")
    void thePersistenceLabPasses(String way, String language) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestAwslocal.available(),
                "the lab's hooks need awslocal, and the AWS CLI behind it is out of reach here (scripts/test-nonroot.sh)");
        Sandbox sandbox = way.equals("sandbox") ? Sandbox.detect() : Sandbox.off("LAB_SANDBOX=off");
        assertEquals(way.equals("sandbox"), sandbox.available(), "needs bubblewrap: " + sandbox.unavailableReason());
        var lab = LabLoader.loadFolder(Path.of("labs/persistence"), language);
        var cmd = new RunCommand();
        new CommandLine(cmd).parseArgs("persistence", "--edition", "community-4.14", "--workspace", tmp.resolve("ws").toString(),
                "--quiet", "--lang", language);
        var out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try (var engine = Engines.open("embedded", "community-4.14", tmp.resolve("engine"),
                InitScripts.of(TestAwslocal.in(tmp), sandbox))) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = cmd.run(lab, engine, new Preflight(lab), false);
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("init-script") && printed.contains("community-backup"), printed);
    }
}
