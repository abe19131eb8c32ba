package dev.lab.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.testing.Owners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LS005 decides from the bind folder's owner, group and mode as the kernel would, whoever runs the
 * tests (as another user than root the ids are renamed, see {@link Owners}).
 */
class WritableTest {
    private static final Owners OWNERS = Owners.ofRunner();
    @TempDir Path dir;

    private List<Finding> check(String user, String mount) throws Exception {
        String yaml = "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n    container_name: localstack\n"
                + (user == null ? "" : "    user: \"" + user + "\"\n")
                + "    volumes:\n      - " + mount + "\n"
                + "    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:4566/_localstack/health\"]\n";
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, yaml);
        return Doctor.check(file).findings();
    }

    private Path folder(int uid, int gid, String mode) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("localstack_data"));
        OWNERS.own(folder, uid, gid, Integer.parseInt(mode, 8));
        return folder;
    }

    @ParameterizedTest(name = "user {0} on a folder {1}:{2} mode {3} → fires {4}")
    @CsvSource({"1000:1000, 0, 0, 755, true", "1000:1000, 1000, 1000, 755, false", "1000:1000, 0, 0, 777, false",
                "1000:1000, 0, 1000, 775, false", "1000:1000, 0, 0, 775, true", "1000:1000, 0, 1000, 755, true",
                "1000:1000, 1000, 0, 577, true", "1000, 0, 1000, 770, false", "root, 0, 0, 700, false", ", 0, 0, 700, false"})
    void aBindFolderTheUserCannotWriteIsAnError(String user, int uid, int gid, String mode, boolean fires) throws Exception {
        Path folder = folder(uid, gid, mode);
        user = OWNERS.user(user, uid, gid);
        var findings = check(user, "./localstack_data:/var/lib/localstack");
        assertEquals(fires ? Set.of("LS005") : Set.of(), Composes.ids(findings), findings.toString());
        if (fires) {
            Finding f = findings.get(0);
            assertEquals(7, f.line(), "the mount's line");
            assertEquals(Rule.Severity.ERROR, f.rule().severity());
            assertTrue(f.message().contains("owner " + OWNERS.folderUid(uid) + ":" + OWNERS.folderGid(gid) + ", mode " + mode),
                    f.message());
            assertTrue(f.message().contains("/var/lib/localstack/logs\u2019: Permission denied"), f.message());
            String owner = user.contains(":") ? user : user + ":" + user;
            assertEquals("`sudo chown -R " + owner + " " + folder + "`, or `chmod -R 777 " + folder + "` (dev only)", f.fix());
        }
    }

    @Test
    void aFolderTheUserCannotWriteIsFineOnceItHoldsLogsForTheEntrypointOnlyMakesThat() throws Exception {
        folder(1000, 1000, "755");
        String other = OWNERS.user("1001:1001", 1000, 1000);
        assertEquals(Set.of("LS005"), Composes.ids(check(other, "./localstack_data:/var/lib/localstack")));
        Path logs = Files.createDirectories(dir.resolve("localstack_data/logs"));
        Files.setAttribute(logs, "unix:mode", 0755);
        assertEquals(Set.of(), Composes.ids(check(other, "./localstack_data:/var/lib/localstack")),
                "`mkdir -p logs` finds it: observed on Docker, a non-root user then reaches Ready.");
    }

    @Test
    void aMissingBindFolderIsCreatedRootOwnedByDockerSoANonRootUserCannotWriteIt() throws Exception {
        var findings = check("1000:1000", "./missing:/var/lib/localstack");
        assertEquals(Set.of("LS005"), Composes.ids(findings));
        assertTrue(findings.get(0).message().startsWith("bind folder " + dir.resolve("missing") + " does not exist"),
                findings.get(0).message());
        assertTrue(findings.get(0).fix().contains("mkdir -p " + dir.resolve("missing")), findings.get(0).fix());
        assertEquals(List.of(), check(null, "./missing:/var/lib/localstack"), "root can write what Docker creates");
    }

    @Test
    void aNonRootUserCanWriteANewVolumeForDockerFillsItFromTheImagesOpenFolder() throws Exception {
        var findings = check("1000:1000", "/var/lib/localstack");
        assertEquals(Set.of("LS001"), Composes.ids(findings), "the anonymous volume is lost on down + up, but writable");
    }
}
