package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageOverridesTest {
    private static final ComposeFile FILE = ComposeParser.parse(Path.of("compose-variants/persistence/named-volume.yml"));

    @Test
    void localstackStandsForEveryLocalStackServiceAndOtherNamesForTheirService() {
        var out = ImageOverrides.apply(FILE, Map.of("localstack", "localstack/localstack-pro:4.14.0", "blog-service", "me/blog:2"));
        assertEquals("localstack/localstack-pro:4.14.0", out.services().get("localstack").image());
        assertEquals("me/blog:2", out.services().get("blog-service").image());
        assertEquals(FILE.services().get("localstack").volumes(), out.services().get("localstack").volumes());
        assertSame(FILE, ImageOverrides.apply(FILE, Map.of()));
    }

    @Test
    void parsesNameEqualsImageAndNamesABadArgument() {
        assertEquals(Map.of("localstack", "localstack/localstack:latest"), ImageOverrides.parse(List.of("localstack=localstack/localstack:latest")));
        var e = assertThrows(IllegalArgumentException.class, () -> ImageOverrides.parse(List.of("localstack")));
        assertEquals("--image expects NAME=IMAGE (e.g. localstack=localstack/localstack:4.14.0), not localstack", e.getMessage());
    }
}
