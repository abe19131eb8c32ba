package dev.lab.doctor;

import static dev.lab.doctor.Composes.good;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule fires on a file made to break it, at the line of what is wrong, and on nothing else. */
class RulesTest {
    @TempDir Path dir;

    static Stream<Arguments> cases() {
        String vol = "      - localstack-data:/var/lib/localstack\n";
        String env = "      - SERVICES=s3\n";
        return Stream.of(
                Arguments.of("no volume", good("    volumes:\n" + vol, ""), "LS001", 2),
                Arguments.of("anonymous volume", good(vol, "      - /var/lib/localstack\n"), "LS001", 10),
                Arguments.of("DATA_DIR", good(env, env + "      - DATA_DIR=/tmp/localstack/data\n"), "LS002", 9),
                Arguments.of("DATA_DIR in mapping syntax", good(env, "      SERVICES: s3\n      DATA_DIR: /data\n"),
                        "LS002", 9),
                Arguments.of("PERSISTENCE=1 on community", good(env, env + "      - PERSISTENCE=1\n"), "LS009", 9),
                Arguments.of("PERSISTENCE=true on community", good(env, "      - PERSISTENCE=true\n"), "LS009", 8),
                Arguments.of("PERSISTENCE=1 on the pro image without a token",
                        good("localstack/localstack:4.14.0", "localstack/localstack-pro:4.14.0")
                                .replace(env, env + "      - PERSISTENCE=1\n"), "LS003", 9),
                Arguments.of("latest", good(":4.14.0", ":latest"), "LS004", 3),
                Arguments.of("no tag is latest", good(":4.14.0", ""), "LS004", 3),
                Arguments.of("date tag of the unified image", good(":4.14.0", ":2026.03.0"), "LS004", 3),
                Arguments.of("no container_name", good("    container_name: localstack\n", ""), "LS006", 2),
                Arguments.of("healthcheck disabled", good("test: [\"CMD\", \"curl\", \"-f\","
                        + " \"http://localhost:4566/_localstack/health\"]", "test: [\"NONE\"]"), "LS007", 11),
                Arguments.of("external volume", good("  localstack-data:\n", "  localstack-data:\n    external: true\n"),
                        "LS008", 10));
    }

    @ParameterizedTest(name = "{0} → {2} at line {3}")
    @MethodSource("cases")
    void aBrokenFileFiresExactlyItsRuleAtTheLineOfTheMistake(String name, String yaml, String id, int line) throws Exception {
        List<Finding> findings = check(yaml);
        assertEquals(Set.of(id), Composes.ids(findings), findings.toString());
        Finding f = findings.get(0);
        assertEquals(line, f.line(), f.toString());
        assertEquals("localstack", f.service());
        assertEquals(dir.resolve("docker-compose.yml") + ":" + line, f.location());
        assertTrue(!f.message().isBlank() && !f.message().contains("\n") && !f.fix().contains("\n"), f.toString());
    }

    @Test
    void theGoodFileAndOneThatOnlyDiffersOutsideLocalStackFireNothing() throws Exception {
        assertEquals(List.of(), check(Composes.GOOD));
        String otherService = good("  blog-service:\n    image: portal-universe/blog-service:latest\n",
                "  blog-service:\n    image: portal-universe/blog-service:latest\n    user: \"1000\"\n");
        assertEquals(List.of(), check(otherService), "rules only look at LocalStack services");
    }

    @Test
    void aTokenSilencesTheRulesThatNeedOneAndProImagesPersist() throws Exception {
        String env = "      - SERVICES=s3\n";
        assertEquals(List.of(), check(good(env, env + "      - PERSISTENCE=1\n      - LOCALSTACK_AUTH_TOKEN\n")
                .replace(":4.14.0", ":latest")), "a bare KEY passes the caller's token");
        assertEquals(Set.of("LS004"), Composes.ids(check(good(env, env + "      - LOCALSTACK_AUTH_TOKEN=\n")
                .replace(":4.14.0", ":latest"))), "an empty token is no token");
        assertEquals(List.of(), check(good(env, env + "      - PERSISTENCE=1\n      - LOCALSTACK_AUTH_TOKEN=ls-test\n")
                .replace("localstack/localstack:4.14.0", "localstack/localstack-pro:4.14.0")));
        assertEquals(List.of(), check(good(env, env + "      - PERSISTENCE=0\n")));
    }

    @Test
    void everyFindingOfAFileThatBreaksEverythingIsSortedByLine() throws Exception {
        String yaml = """
                services:
                  ls:
                    image: localstack/localstack
                    user: "1000"
                    environment:
                      DATA_DIR: /tmp/data
                      PERSISTENCE: "1"
                    volumes:
                      - type: volume
                        source: data
                        target: /var/lib/localstack
                volumes:
                  data:
                    external: true
                    name: shared-data
                """;
        List<Finding> findings = check(yaml);
        assertEquals(List.of("LS006@2", "LS004@3", "LS002@6", "LS003@7", "LS008@9"),
                findings.stream().map(f -> f.rule().id() + "@" + f.line()).toList());
        Finding external = findings.get(4);
        assertTrue(external.message().contains("external volume \"shared-data\" not found"), external.message());
        assertEquals("create it once with `docker volume create shared-data`, or drop `external: true`", external.fix());
    }

    @Test
    void noHealthcheckIsNoFindingForTheImageHasItsOwn() throws Exception {
        assertEquals(List.of(), check(good("    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\","
                + " \"http://localhost:4566/_localstack/health\"]\n", "")));
    }

    @Test
    void aNonRootUserOnANamedVolumeIsNoFindingForDockerFillsItFromTheImagesOpenFolder() throws Exception {
        String yaml = good("    container_name: localstack\n", "    container_name: localstack\n    user: \"1000:1000\"\n");
        assertEquals(List.of(), check(yaml));
    }

    private List<Finding> check(String yaml) throws Exception {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, yaml);
        return Doctor.check(file).findings();
    }
}
