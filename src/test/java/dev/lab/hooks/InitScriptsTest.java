package dev.lab.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Init hooks on the embedded engine, in bubblewrap: LocalStack's exec rules, states and log lines; confinement. */
class InitScriptsTest {
    private static final String INIT = "/etc/localstack/init/ready.d/";
    private static final String ERR = "ERROR --- [ady_monitor)] localstack.runtime.init    : Error while running script Script(path='";

    @TempDir Path tmp;

    static Sandbox sandbox() {
        Sandbox s = Sandbox.detect();
        assertTrue(s.available(), "these tests need bubblewrap (scripts/test.sh installs it): " + s.unavailableReason());
        return s;
    }

    @Test
    void theExecBitTheShebangAndTheExitCodeDecideAsInLocalStack() throws Exception {
        try (var p = new HookProject(tmp, InitScripts.of(HookEnvironment.none(), sandbox()))) {
            p.script("01-mode644.sh", 0644, "#!/bin/bash\necho 01: ran\n")
                    .script("02-noshebang.sh", 0755, "echo 02: ran\n")
                    .script("03-syntax.sh", 0755, "#!/bin/bash\necho 03: before\nif then fi (\necho 03: after\n")
                    .script("04-exit3.sh", 0755, "#!/bin/bash\necho 04: exiting\nexit 3\n")
                    .script("05-sete.sh", 0755, "#!/bin/bash\nset -e\nfalse\necho 05: after false\n")
                    .script("06-ok.sh", 0755, "#!/bin/sh\necho 06: in $(pwd) >&2\ntouch /seed/from-hook\n"
                            + "curl -s -o /dev/null -w '06: curl %{http_code}\\n' \"${AWS_ENDPOINT_URL:-http://localhost:4566}/_localstack/health\"\n")
                    .script("07-notes.txt", 0755, "#!/bin/sh\necho 07: never\n")
                    .up();
            assertEquals("{\"completed\":true,\"scripts\":["
                    + "{\"stage\":\"READY\",\"name\":\"01-mode644.sh\",\"state\":\"ERROR\"},"
                    + "{\"stage\":\"READY\",\"name\":\"02-noshebang.sh\",\"state\":\"ERROR\"},"
                    + "{\"stage\":\"READY\",\"name\":\"03-syntax.sh\",\"state\":\"ERROR\"},"
                    + "{\"stage\":\"READY\",\"name\":\"04-exit3.sh\",\"state\":\"ERROR\"},"
                    + "{\"stage\":\"READY\",\"name\":\"05-sete.sh\",\"state\":\"ERROR\"},"
                    + "{\"stage\":\"READY\",\"name\":\"06-ok.sh\",\"state\":\"SUCCESSFUL\"}]}", p.init());
            List<String> log = p.log();
            int from = log.indexOf("LocalStack version: 4.14.0");
            assertEquals(List.of(
                    ERR + INIT + "01-mode644.sh', stage=READY, state=ERROR): [Errno 13] Permission denied: '" + INIT + "01-mode644.sh'",
                    ERR + INIT + "02-noshebang.sh', stage=READY, state=ERROR): [Errno 8] Exec format error: '" + INIT + "02-noshebang.sh'",
                    "03: before",
                    INIT + "03-syntax.sh: line 3: syntax error near unexpected token `then'",
                    INIT + "03-syntax.sh: line 3: `if then fi ('",
                    ERR + INIT + "03-syntax.sh', stage=READY, state=ERROR): Script " + INIT + "03-syntax.sh returned a non-zero exit code 2",
                    "04: exiting",
                    ERR + INIT + "04-exit3.sh', stage=READY, state=ERROR): Script " + INIT + "04-exit3.sh returned a non-zero exit code 3",
                    ERR + INIT + "05-sete.sh', stage=READY, state=ERROR): Script " + INIT + "05-sete.sh returned a non-zero exit code 1",
                    "06: in /opt/code/localstack",
                    "06: curl 200",
                    "Ready."), log.subList(from + 1, log.size()), String.join("\n", log));
            assertTrue(Files.exists(p.seed.resolve("from-hook")), "/seed is the host's ./seed");
        }
    }

    @Test
    void aHookCannotWriteOutsideTheServiceMounts() throws Exception {
        String tag = UUID.randomUUID().toString();
        Path hostTmp = Path.of("/tmp/outside-" + tag);
        Path home = Path.of(System.getProperty("user.home"), "outside-" + tag);
        try (var p = new HookProject(tmp, InitScripts.of(HookEnvironment.none(), sandbox()))) {
            Path escaped = p.workdir.resolve("escaped-" + tag);
            p.script("01-escape.sh", 0755, "#!/bin/bash\n"
                    + "for f in " + hostTmp + " /root/outside-" + tag + " " + home + " " + escaped + " /usr/outside-" + tag
                    + " /etc/outside-" + tag + "; do\n"
                    + "  if echo x > \"$f\" 2>/dev/null; then echo \"wrote $f\"; else echo \"refused $f\"; fi\n"
                    + "done\necho x > /seed/inside && echo wrote /seed/inside\n").up();
            List<String> log = p.log();
            assertTrue(log.contains("refused " + escaped), "the workspace is not at its host path: " + log);
            assertTrue(log.contains("refused /usr/outside-" + tag), "the host's /usr is read-only: " + log);
            assertFalse(Files.exists(Path.of("/etc/outside-" + tag)), "/etc in the sandbox is a tmpfs with the host's entries read-only");
            assertTrue(log.contains("wrote " + hostTmp), "/tmp is the sandbox's own tmpfs: " + log);
            assertTrue(log.contains("wrote /seed/inside"), log.toString());
            assertFalse(Files.exists(hostTmp), "the host's /tmp is untouched");
            assertFalse(Files.exists(home), "the host's home is untouched");
            assertFalse(Files.exists(Path.of("/root/outside-" + tag)));
            assertFalse(Files.exists(escaped), "the workspace outside the mounts is untouched");
            assertEquals("x\n", Files.readString(p.seed.resolve("inside")));
        }
    }

    @Test
    void withoutASandboxHooksRunUnconfinedWithTheMountPathsMappedAndSaySoOnce() throws Exception {
        try (var p = new HookProject(tmp, InitScripts.of(HookEnvironment.none(), Sandbox.off("LAB_SANDBOX=off")))) {
            p.script("01-seed.sh", 0755, "#!/bin/bash\nset -e\necho one > /seed/a\ncat /seed/a\n")
                    .script("02-mode644.sh", 0644, "#!/bin/bash\necho 02: ran\n")
                    .script("03-exit3.sh", 0755, "#!/bin/bash\nexit 3\n").up();
            List<String> log = p.log();
            String notice = "lab: init hooks run unconfined (LAB_SANDBOX=off): a hook can change any file you can,"
                    + " and only the container paths written in the hook itself are mapped to the mounted host folders";
            assertEquals(1, log.stream().filter(notice::equals).count(), log.toString());
            assertEquals("one\n", Files.readString(p.seed.resolve("a")));
            assertTrue(log.contains("one"), log.toString());
            assertTrue(p.init().contains("{\"stage\":\"READY\",\"name\":\"01-seed.sh\",\"state\":\"SUCCESSFUL\"}"), p.init());
            assertTrue(log.contains(ERR + INIT + "02-mode644.sh', stage=READY, state=ERROR): [Errno 13] Permission denied: '"
                    + INIT + "02-mode644.sh'"), log.toString());
            assertTrue(log.contains(ERR + INIT + "03-exit3.sh', stage=READY, state=ERROR): Script " + INIT
                    + "03-exit3.sh returned a non-zero exit code 3"), log.toString());
        }
    }

    @Test
    void confinedOnlyRefusesToRunHooksWithoutASandbox() throws Exception {
        try (var p = new HookProject(tmp, InitScripts.confinedOnly(HookEnvironment.none(), Sandbox.off("bwrap not found")))) {
            p.script("01-seed.sh", 0755, "#!/bin/sh\ntouch /seed/ran\n").up();
            assertFalse(Files.exists(p.seed.resolve("ran")), "the hook must not run");
            assertTrue(p.log().contains(ERR + INIT + "01-seed.sh', stage=READY, state=ERROR): not run: hooks of a compose file"
                    + " under check run only in a sandbox, and none can start here (bwrap not found)"), p.log().toString());
        }
    }
}
