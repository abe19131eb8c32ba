package dev.lab.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    // Every variant sets PERSISTENCE=1 on the community image without a token: the lab's very lesson.
    static final Map<String, Set<String>> EXPECTED = Map.of(
            "bind-mount.yml", Set.of("LS003"),
            "init-script.yml", Set.of("LS003"),
            "named-volume.yml", Set.of("LS003"));

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
        assertEquals(11, findings.get(0).line(), "LS003 points at PERSISTENCE=1");
        assertEquals("localstack", findings.get(0).service(), "blog-service is not LocalStack and is not checked");
    }

    @Test
    void everyVariantFileHasAnExpectation() throws Exception {
        try (var files = Files.list(DIR)) {
            assertEquals(EXPECTED.keySet(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .collect(Collectors.toSet()));
        }
    }
}
