package dev.lab.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab doctor} through {@code Main}: the text and JSON reports and exit codes 0, 1 and 2. */
class DoctorCliTest {
    @TempDir Path dir;

    @Test
    void aGoodFileExitsZeroWithNoProblemsFound() throws Exception {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), Composes.GOOD);
        var r = Cli.run("doctor", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("no problems found"), r.out().lines().toList());
        var j = Cli.run("doctor", "--json", file.toString());
        assertEquals(0, j.code());
        assertEquals(List.of(), j.jsonArray());
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLineOfTheBadByte() throws Exception {
        Path file = Files.write(dir.resolve("bad.yml"), "services:\n  x:\n    image: \u00ff\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        var r = Cli.run("doctor", file.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("bad.yml:3: invalid UTF-8 byte 0xFF"), r.err());
    }

    @Test
    void aFileWithoutLocalStackSaysNothingWasChecked() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yml"), "services:\n  app:\n    image: portal-universe/blog-service:1\n");
        var r = Cli.run("doctor", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("no LocalStack service (image localstack/localstack or localstack/localstack-pro) in " + file
                + ": nothing to check"), r.out().lines().toList());
    }

    @Test
    void findingsPrintAlignedWithTheirFixAndACountAndExitOne() {
        var r = Cli.run("doctor", "compose-variants/persistence/data-dir.yml");
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("LS009  note     localstack  compose-variants/persistence/data-dir.yml:11  "
                + "PERSISTENCE=1 does nothing on Community"), lines.get(0));
        assertTrue(lines.get(1).startsWith("       fix: for data that must survive: set LOCALSTACK_AUTH_TOKEN"), lines.get(1));
        assertTrue(lines.get(2).startsWith("LS002  warning  localstack  compose-variants/persistence/data-dir.yml:12  "
                + "DATA_DIR is deprecated"), lines.get(2));
        assertTrue(lines.get(3).startsWith("       fix: remove DATA_DIR"), lines.get(3));
        assertEquals("1 problem(s), 1 note(s)", lines.get(4));
    }

    @Test
    void jsonIsAnArrayOfFindingsWithEveryField() throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yml"), Composes.good("    container_name: localstack\n", "")
                .replace(":4.14.0", ":latest"));
        var r = Cli.run("doctor", "--json", file.toString());
        assertEquals(1, r.code(), r.err());
        List<Map<String, Object>> findings = r.jsonArray();
        assertEquals(2, findings.size(), r.out());
        Map<String, Object> latest = findings.get(1);
        assertEquals("LS004", latest.get("id"));
        assertEquals("latest-needs-token", latest.get("name"));
        assertEquals("error", latest.get("severity"));
        assertEquals("localstack", latest.get("service"));
        assertEquals(file.toString(), latest.get("file"));
        assertEquals(3, latest.get("line"));
        assertTrue(((String) latest.get("message")).contains("exits with code 55"), r.out());
        assertTrue(((String) latest.get("fix")).contains("localstack/localstack:4.14.0"), r.out());
        assertEquals(Map.of("id", "LS006", "name", "no-container-name", "severity", "warning", "line", 2),
                Map.of("id", findings.get(0).get("id"), "name", findings.get(0).get("name"),
                        "severity", findings.get(0).get("severity"), "line", findings.get(0).get("line")));
    }

    @Test
    void aMissingFileIsExitTwoWithOneLineNamingIt() {
        var r = Cli.run("doctor", dir.resolve("nope.yml").toString());
        assertEquals(2, r.code());
        assertEquals(List.of("lab: " + dir.resolve("nope.yml") + ": no such compose file (lab doctor [COMPOSE_FILE],"
                + " default ./docker-compose.yml)"), r.err().lines().toList());
        assertEquals("", r.out());
        var byDefault = Cli.run("doctor");
        assertEquals(2, byDefault.code(), "the repository has no ./docker-compose.yml");
        assertTrue(byDefault.err().startsWith("lab: docker-compose.yml: no such compose file"), byDefault.err());
    }

    @Test
    void anUnparsableFileIsExitTwoWithFileAndLine() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bad.yml"), "services:\n  localstack:\n    image: [unclosed\n");
        var r = Cli.run("doctor", yaml.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("lab: " + yaml + ":"), r.err());
        Path subset = Files.writeString(dir.resolve("build.yml"), "services:\n  app:\n    image: x\n    build: .\n");
        var s = Cli.run("doctor", subset.toString());
        assertEquals(2, s.code());
        assertTrue(s.err().startsWith("lab: " + subset + ":4: unsupported compose key 'build'"), s.err());
    }
}
