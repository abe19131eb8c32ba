package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComposeParserErrorsTest {

    private static final Path FILE = Path.of("labs/persistence/files/compose.yml");

    /** Three lines: the service's own keys start on line 4. */
    private static final String APP = "services:\n  app:\n    image: nginx\n";

    private static final String SUPPORTED = "image, container_name, ports, environment, volumes, user, healthcheck,"
            + " depends_on, networks, restart, entrypoint, command, working_dir, env_file, profiles";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("", 1, "empty compose file; 'services' is required"),
                Arguments.of("version: '3.8'\n", 1, "compose file has no 'services'"),
                Arguments.of("- a\n- b\n", 1, "a compose file must be a mapping"),
                Arguments.of(APP + "configs: {}\n", 4, "unsupported top-level compose key 'configs' (supported: services, volumes, networks, version, name, x-*)"),
                Arguments.of("services:\n", 1, "'services' is empty"),
                Arguments.of("services:\n  app: nginx\n", 2, "service 'app' must be a mapping with at least 'image'"),
                Arguments.of("services:\n  app:\n    container_name: xy\n", 2, "service 'app' has no 'image'"),
                Arguments.of(APP + "    build: .\n", 4, "unsupported compose key 'build' in service 'app' (supported: " + SUPPORTED + ")"),
                Arguments.of(APP + "    image: other\n", 4, "duplicate key 'image' in service 'app'"),
                Arguments.of(APP + "    ports: \"80:80\"\n", 4, "'ports' of service 'app' must be a list"),
                Arguments.of(APP + "    ports:\n      - \"http\"\n", 5, "invalid port 'http' in service 'app' (expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT)"),
                Arguments.of(APP + "    ports:\n      - \"80:70000\"\n", 5, "invalid port '80:70000' in service 'app' (expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT)"),
                Arguments.of(APP + "    ports:\n      - \"1:2:3:4\"\n", 5, "invalid port '1:2:3:4' in service 'app' (expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT)"),
                Arguments.of(APP + "    ports:\n      - \"3000-3005:3000-3005\"\n", 5,
                        "invalid port '3000-3005:3000-3005' in service 'app' (expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT)"),
                Arguments.of(APP + "    ports:\n      - \"53:53/udp\"\n", 5, "unsupported protocol in port '53:53/udp' of service 'app' (only tcp)"),
                Arguments.of(APP + "    ports:\n      - published: 80\n", 5, "a port of service 'app' needs 'target'"),
                Arguments.of(APP + "    ports:\n      - target: 80\n        app_protocol: http\n", 6,
                        "unsupported port key 'app_protocol' in service 'app' (supported: target, published, host_ip, protocol, mode)"),
                Arguments.of(APP + "    environment:\n      - \"=x\"\n", 5, "invalid variable '=x' in service 'app' (expected KEY=VALUE)"),
                Arguments.of(APP + "    environment:\n      - A=1\n      - A=2\n", 6, "duplicate variable 'A' in service 'app'"),
                Arguments.of(APP + "    environment:\n      A: [1]\n", 5, "variable 'A' must be a single value"),
                Arguments.of(APP + "    volumes:\n      - data:/data\n", 5, "service 'app' uses volume 'data' which is not declared under top-level 'volumes'"),
                Arguments.of(APP + "    volumes:\n      - ./a:/a:z\n", 5, "unsupported volume mode 'z' in service 'app' (use ro or rw)"),
                Arguments.of(APP + "    volumes:\n      - ./a:data\n", 5, "volume target 'data' in service 'app' must be an absolute container path"),
                Arguments.of(APP + "    volumes:\n      - type: tmpfs\n        target: /tmp\n", 5, "unsupported volume type 'tmpfs' in service 'app' (use bind or volume)"),
                Arguments.of(APP + "    volumes:\n      - type: bind\n        target: /a\n", 5, "a bind volume of service 'app' needs 'source'"),
                Arguments.of(APP + "    volumes:\n      - type: bind\n        source: ./a\n        target: /a\n        bind: {}\n", 8,
                        "unsupported volume key 'bind' in service 'app' (supported: type, source, target, read_only)"),
                Arguments.of(APP + "    volumes:\n      - type: bind\n        source: ./a\n        target: /a\n        read_only: yes\n", 8,
                        "'read_only' must be true or false, not 'yes'"),
                Arguments.of(APP + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10\n", 6,
                        "invalid duration '10' for 'interval' in service 'app' (use e.g. 10s, 1m30s, 500ms)"),
                Arguments.of(APP + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      timeout: 5 seconds\n", 6,
                        "invalid duration '5 seconds' for 'timeout' in service 'app' (use e.g. 10s, 1m30s, 500ms)"),
                Arguments.of(APP + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      retries: many\n", 6,
                        "'retries' in the healthcheck of service 'app' must be a whole number, not 'many'"),
                Arguments.of(APP + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      start_delay: 5s\n", 6,
                        "unsupported healthcheck key 'start_delay' in service 'app' (supported: test, interval, timeout, retries,"
                                + " start_period, start_interval, disable)"),
                Arguments.of(APP + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      start_interval: now\n", 6,
                        "invalid duration 'now' for 'start_interval' in service 'app' (use e.g. 10s, 1m30s, 500ms)"),
                Arguments.of(APP + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      start_interval: 500us\n", 6,
                        "'start_interval' in the healthcheck of service 'app' cannot be less than 1ms, not '500us'"),
                Arguments.of(APP + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10ns\n", 6,
                        "'interval' in the healthcheck of service 'app' cannot be less than 1ms, not '10ns'"),
                Arguments.of(APP + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      start_period: soon\n", 6,
                        "invalid duration 'soon' for 'start_period' in service 'app' (use e.g. 10s, 1m30s, 500ms)"),
                Arguments.of(APP + "    healthcheck:\n      disable: perhaps\n", 5,
                        "'disable' in the healthcheck of service 'app' must be true or false, not 'perhaps'"),
                Arguments.of(APP + "    restart: sometimes\n", 4,
                        "invalid restart policy 'sometimes' in service 'app' (use no, always, on-failure[:N] or unless-stopped)"),
                Arguments.of(APP + "    working_dir: work\n", 4, "'working_dir' of service 'app' must be an absolute container path, not 'work'"),
                Arguments.of(APP + "    command: \"echo 'open\"\n", 4, "unclosed quote in 'command' of service 'app'"),
                Arguments.of(APP + "    entrypoint: {a: b}\n", 4, "'entrypoint' of service 'app' must be a single value"),
                Arguments.of(APP + "    env_file: {a: b}\n", 4, "'env_file' of service 'app' must be a list"),
                Arguments.of(APP + "    profiles: debug\n", 4, "'profiles' of service 'app' must be a list"),
                Arguments.of(APP + "  db:\n    image: db\n    depends_on:\n      app:\n        condition: service_ready\n", 8,
                        "unknown depends_on condition 'service_ready' in service 'db' (use service_started, service_healthy,"
                                + " service_completed_successfully)"),
                Arguments.of(APP + "  db:\n    image: db\n    depends_on:\n      app:\n        restart: true\n", 8,
                        "unsupported depends_on key 'restart' in service 'db' (supported: condition, required)"),
                Arguments.of(APP + "  db:\n    image: db\n    depends_on:\n      web:\n        condition: service_started\n", 7,
                        "service 'db' depends on unknown service 'web'"),
                Arguments.of(APP + "    <<: [1]\n", 4, "a merge key '<<' in service 'app' takes a mapping or a list of mappings"),
                Arguments.of(APP + "    labels: {a: b}\n", 4, "unsupported compose key 'labels' in service 'app' (supported: " + SUPPORTED + ")"),
                Arguments.of(APP + "    healthcheck:\n      test: [\"curl\", \"-f\", \"x\"]\n", 5,
                        "healthcheck test of service 'app' must start with CMD, CMD-SHELL or NONE"),
                Arguments.of(APP + "    depends_on: [db]\n", 4, "service 'app' depends on unknown service 'db'"),
                Arguments.of(APP + "    depends_on:\n      - app\n", 5, "service 'app' depends on itself"),
                Arguments.of(APP + "    networks: [backend]\n", 4, "service 'app' uses unknown network 'backend'"),
                Arguments.of(APP + "    container_name: web\n  api:\n    image: api\n    container_name: web\n", 7,
                        "container name 'web' is used by services 'app' and 'api'"),
                Arguments.of(APP + "volumes:\n  data:\n    driver: local\n", 6, "unsupported key 'driver' in volume 'data' (supported: external, name)"),
                Arguments.of(APP + "volumes:\n  data:\n    external: maybe\n", 6, "'external' of volume 'data' must be true or false, not 'maybe'"),
                Arguments.of(APP + "    ports:\n    - 80\n   - 81\n", 6, "invalid YAML: expected <block end>, but found '<block sequence start>'"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void reportsFileAndLine(String yaml, int line, String problem) {
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeParser.parse(FILE, yaml));
        assertEquals(FILE + ":" + line + ": " + problem, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(FILE, e.file());
        assertEquals(problem, e.problem());
    }

    @Test
    void unreadableFileHasNoLine() {
        Path missing = Path.of("target/does-not-exist/compose.yml");
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeParser.parse(missing));
        assertEquals(0, e.line());
        assertEquals(missing + ": cannot read compose file: java.nio.file.NoSuchFileException: " + missing, e.getMessage());
    }
}
