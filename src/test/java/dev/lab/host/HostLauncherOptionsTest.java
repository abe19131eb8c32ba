package dev.lab.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine host's JVM gets lab's class-data archive (and, when training, a class list) from its launcher. */
class HostLauncherOptionsTest {
    private static final HostIdentity IDENTITY = new HostIdentity("embedded", "community-4.14", Map.of());

    @AfterEach
    void clear() {
        System.clearProperty("lab.host.cds");
        System.clearProperty("lab.host.classlist");
    }

    @Test
    void theHostSharesTheArchiveItsLauncherNames() {
        System.setProperty("lab.host.cds", "/opt/lab dir/app/lab.jsa");
        List<String> cmd = HostLauncher.command(IDENTITY);
        int archive = cmd.indexOf("-XX:SharedArchiveFile=/opt/lab dir/app/lab.jsa");
        assertTrue(archive > 0, "no archive option in " + cmd);
        assertTrue(archive < cmd.indexOf("-cp"), "JVM options go before the class path: " + cmd);
        assertTrue(cmd.contains("-Xshare:auto"), "an unusable archive must not stop the host: " + cmd);
        assertTrue(cmd.indexOf("dev.lab.cli.Main") > cmd.indexOf("-cp"), cmd.toString());
    }

    @Test
    void withoutAnArchiveTheHostStartsPlain() {
        List<String> cmd = HostLauncher.command(IDENTITY);
        assertFalse(cmd.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xshare")), cmd.toString());
        assertFalse(cmd.stream().anyMatch(a -> a.startsWith("-XX:DumpLoadedClassList")), cmd.toString());
        assertTrue(cmd.contains("-XX:+UseSerialGC"), "the host runs with the GC the archive was made for: " + cmd);
    }

    @Test
    void trainingWritesTheHostsClassList() {
        System.setProperty("lab.host.classlist", "/tmp/train/host.classlist");
        assertTrue(HostLauncher.command(IDENTITY).contains("-XX:DumpLoadedClassList=/tmp/train/host.classlist"));
    }
}
