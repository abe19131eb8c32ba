package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.compose.Healthcheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The LocalStack image's HEALTHCHECK on the embedded engine: the one its build declares, under the compose file's. */
class ImageHealthcheckTest extends EngineFixture {
    ImageHealthcheckTest() { super(UNCONFINED); }

    @Test
    void theImagesCheckIsTheOneImagesLocalstackBuildShDeclares() throws Exception {
        var m = Pattern.compile("\nHEALTHCHECK ((?:--[a-z-]+=\\S+ )+)\\\\\n\\s*CMD (.+)\n")
                .matcher(Files.readString(Path.of("images/localstack/build.sh")));
        assertTrue(m.find(), "build.sh declares a HEALTHCHECK");
        var flags = new HashMap<String, String>();
        for (String f : m.group(1).trim().split(" ")) flags.put(f.substring(2, f.indexOf('=')), f.substring(f.indexOf('=') + 1));
        assertEquals(new Healthcheck(List.of("CMD-SHELL", m.group(2)), seconds(flags.get("interval")), seconds(flags.get("timeout")),
                Integer.parseInt(flags.get("retries")), seconds(flags.get("start-period"))), Images.LOCALSTACK_HEALTHCHECK);
    }

    private static Duration seconds(String text) {
        assertTrue(text.matches("\\d+s"), text);
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }

    @Test
    void aComposeFieldOverridesOnlyItself() throws Exception {
        // Only the start interval is the file's: the image's test (curl of the health endpoint) is what turns it healthy.
        var p = project("services:\n  ls:\n    image: localstack/localstack:4.14.0\n    ports: [\"4566\"]\n"
                + "    healthcheck:\n      start_interval: 200ms\n");
        long t0 = System.nanoTime();
        engine.up(p, List.of());
        assertEquals("starting", container(p, "ls").health());
        for (int i = 0; i < 100 && !container(p, "ls").health().equals("healthy"); i++) Thread.sleep(50);
        assertEquals("healthy", container(p, "ls").health());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 4000, "healthy after " + millis + " ms: the file's 200ms, not the default 5 s start interval");
    }
}
