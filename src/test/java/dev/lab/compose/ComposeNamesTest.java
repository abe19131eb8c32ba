package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Names the engines turn into folders must follow Docker's rules, or the file is rejected at its line. */
class ComposeNamesTest {
    private static final Path FILE = Path.of("compose.yml");
    private static final String APP = "services:\n  app:\n    image: nginx\n";

    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of(APP + "volumes:\n  x/../../../../home/you/photos: {}\n", 5,
                        "invalid volume name 'x/../../../../home/you/photos': only [a-zA-Z0-9][a-zA-Z0-9_.-]* is allowed"),
                Arguments.of(APP + "volumes:\n  ..: {}\n", 5, "invalid volume name '..': only [a-zA-Z0-9][a-zA-Z0-9_.-]* is allowed"),
                Arguments.of(APP + "volumes:\n  data:\n    external: true\n    name: /home/you/photos\n", 7,
                        "invalid volume name '/home/you/photos': only [a-zA-Z0-9][a-zA-Z0-9_.-]+ is allowed"),
                Arguments.of(APP + "volumes:\n  data:\n    name: ../up\n", 6,
                        "invalid volume name '../up': only [a-zA-Z0-9][a-zA-Z0-9_.-]+ is allowed"),
                Arguments.of("services:\n  ../app:\n    image: nginx\n", 2,
                        "invalid service name '../app': only [a-zA-Z0-9][a-zA-Z0-9_.-]* is allowed"),
                Arguments.of(APP + "    container_name: ../../etc\n", 4,
                        "invalid container name '../../etc': only [a-zA-Z0-9][a-zA-Z0-9_.-]+ is allowed"),
                Arguments.of(APP + "    container_name: a b\n", 4,
                        "invalid container name 'a b': only [a-zA-Z0-9][a-zA-Z0-9_.-]+ is allowed"),
                Arguments.of(APP + "name: ../Shop\n", 4, "invalid project name '../Shop': it must contain only lowercase"
                        + " letters, digits, '-' and '_', and start with a letter or a digit"));
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void rejectsNamesDockerRejects(String yaml, int line, String problem) {
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeParser.parse(FILE, yaml));
        assertEquals(FILE + ":" + line + ": " + problem, e.getMessage());
    }

    @Test
    void acceptsNamesDockerAccepts() {
        var f = ComposeParser.parse(FILE, "name: shop_1-a\nservices:\n  web.1:\n    image: nginx\n    container_name: Web_1.a-b\n"
                + "    volumes: [\"d:/d\", \"x.y-z:/e\"]\nvolumes:\n  d: {}\n  x.y-z:\n    external: true\n    name: My.vol_1\n");
        assertEquals("shop_1-a", f.projectName());
        assertEquals("My.vol_1", f.volumes().get("x.y-z").externalName());
    }

    @Test
    void projectNameFromAFolderIsNormalisedAsComposeDoes() {
        assertEquals("mylab", Names.project("My Lab!"));
        assertEquals("persistence", Names.project("persistence"));
        assertEquals("a_b-c", Names.project("-_A_b-c"));
        assertEquals("etc", Names.project("../etc"));
        assertThrows(IllegalArgumentException.class, () -> Names.project(".."));
    }

    @Test
    void deepNestingIsOneLocatedError() {
        String deep = "services:\n  app:\n    image: nginx\n    x: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeParser.parse(FILE, deep));
        assertEquals(FILE + ":4: invalid YAML: nesting deeper than 64 levels", e.getMessage());
    }
}
