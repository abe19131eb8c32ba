package dev.lab.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lab's own compose variants: exactly the expected rules fire on each, and no variant is left out. */
class VariantsTest {
    static final Path DIR = Path.of("compose-variants/persistence");

    // The fixed variants only get the Community note (LS009); each broken one fires the pitfall it teaches.
    static final Map<String, Set<String>> EXPECTED = Map.of(
            "bind-mount.yml", Set.of("LS009"),
            "init-script.yml", Set.of("LS009"),
            "named-volume.yml", Set.of("LS009"),
            "community-backup.yml", Set.of(),
            "no-volume.yml", Set.of("LS001", "LS002", "LS009"),
            "data-dir.yml", Set.of("LS002", "LS009"),
            "non-root.yml", Set.of("LS005", "LS009"));

    static Stream<Arguments> variants() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("variants")
    void eachVariantFiresExactlyItsRules(String file, Set<String> ids) {
        var checkup = Doctor.check(DIR.resolve(file));
        assertEquals(List.of("localstack"), checkup.services());
        var findings = checkup.findings();
        assertEquals(ids, Composes.ids(findings), findings.toString());
        boolean broken = ids.stream().anyMatch(id -> !id.equals("LS009"));
        assertEquals(broken ? 1 : 0, checkup.exitCode(), "broken variants fail, fixed ones pass: " + findings);
        assertTrue(findings.stream().allMatch(f -> f.service().equals("localstack")), "blog-service is not LocalStack");
    }

    @Test
    void everyVariantFileHasAnExpectation() throws Exception {
        try (var files = Files.list(DIR)) {
            assertEquals(EXPECTED.keySet(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .collect(Collectors.toSet()));
        }
    }
}
