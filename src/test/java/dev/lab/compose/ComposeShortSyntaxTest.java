package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComposeShortSyntaxTest {

    private static Service service(String body) {
        String text = "services:\n  app:\n    image: nginx\n" + body + "volumes:\n  data:\n";
        return ComposeParser.parse(Path.of("c.yml"), text).service("app");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "'\"4566:4566\"'            | null      | 4566 | 4566 | 4566:4566",
        "'\"127.0.0.1:4566:4566\"'  | 127.0.0.1 | 4566 | 4566 | 127.0.0.1:4566:4566",
        "'\"4566\"'                 | null      | 0    | 4566 | 4566",
        "4566                       | null      | 0    | 4566 | 4566",
        "8080:80                    | null      | 8080 | 80   | 8080:80",
        "'\"8080:80/tcp\"'          | null      | 8080 | 80   | 8080:80",
        "'\"127.0.0.1::80\"'        | 127.0.0.1 | 0    | 80   | 127.0.0.1::80",
        "'\"[::1]:8080:80\"'        | ::1       | 8080 | 80   | [::1]:8080:80"})
    void parsesPorts(String yaml, String hostIp, int hostPort, int containerPort, String spec) {
        PortMapping port = service("    ports:\n      - " + yaml + "\n").ports().get(0);
        assertEquals(new PortMapping(hostIp, hostPort, containerPort), port);
        assertEquals(spec, port.spec());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "data:/var/lib/data          | VOLUME    | data        | /var/lib/data | false",
        "data:/var/lib/data:ro       | VOLUME    | data        | /var/lib/data | true",
        "./init:/etc/init:rw         | BIND      | ./init      | /etc/init     | false",
        "/srv/files:/files:ro        | BIND      | /srv/files  | /files        | true",
        "~/cache:/root/.cache        | BIND      | ~/cache     | /root/.cache  | false",
        "../shared:/shared           | BIND      | ../shared   | /shared       | false",
        "/var/lib/localstack         | ANONYMOUS | null        | /var/lib/localstack | false"})
    void parsesShortVolumes(String spec, Mount.Type type, String source, String target, boolean readOnly) {
        assertEquals(new Mount(type, source, target, readOnly), service("    volumes:\n      - " + spec + "\n").volumes().get(0));
    }

    @ParameterizedTest
    @CsvSource({"10s, PT10S", "1m30s, PT1M30S", "500ms, PT0.5S", "1h, PT1H", "1.5s, PT1.5S", "2m0s, PT2M", "250us, PT0.00025S"})
    void parsesDurations(String text, Duration expected) {
        assertEquals(expected, Durations.parse(text));
        String yaml = "    healthcheck:\n      test: [\"NONE\"]\n      interval: " + text + "\n";
        if (expected.compareTo(Healthcheck.MINIMUM_DURATION) < 0) {
            // Docker: "Interval in Healthcheck cannot be less than 1ms".
            var e = org.junit.jupiter.api.Assertions.assertThrows(ComposeException.class, () -> service(yaml));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("cannot be less than 1ms"), e.getMessage());
            return;
        }
        assertEquals(expected, service(yaml).healthcheck().interval());
    }

    @ParameterizedTest
    @CsvSource({"10", "s", "10 s", "-5s", "1d", "''", "99999999999h"})
    void rejectsBadDurations(String text) {
        assertNull(Durations.parse(text));
    }
}
