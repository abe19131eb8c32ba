package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lab.engine.Engine;
import dev.lab.hooks.InitScripts;
import dev.lab.hooks.Sandbox;
import dev.lab.session.Engines;
import dev.lab.testing.TestAwslocal;
import dev.lab.testing.Owners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of scenarios, run on the embedded engine's community-4.14 profile and, when a daemon
 * answers, on the docker engine with real LocalStack code. Both must observe what a Docker run
 * recorded in {@code observations.tsv} (the outcomes facts.md predicts), so the embedded half is
 * asserted even where there is no Docker.
 */
class FidelityTest {
    private static final String HEAD = "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
            + "    container_name: lab-fidelity-ls\n    ports:\n      - \"127.0.0.1:PORT:4566\"\n";

    @TempDir Path tmp;

    interface Steps { void run(Scenario s) throws Exception; }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("restart keeps the container, Community loses S3", HEAD + "    volumes:\n      - data:/var/lib/localstack\nvolumes:\n  data:\n",
                        (Steps) s -> {
                            s.up();
                            String id = s.engine.container(s.project, "localstack").orElseThrow().id();
                            s.seed();
                            s.engine.restart(s.project, java.util.List.of());
                            s.seen.put("same container", String.valueOf(s.engine.container(s.project, "localstack").orElseThrow().id().equals(id)));
                            s.data("after restart");
                            s.engine.stop(s.project, java.util.List.of());
                            s.seen.put("after stop", s.containerState());
                            s.engine.start(s.project, java.util.List.of());
                            s.data("after stop+start");
                        }),
                Arguments.of("down keeps named volumes, down -v removes them", HEAD + "    volumes:\n      - data:/var/lib/localstack\nvolumes:\n  data:\n",
                        (Steps) s -> {
                            s.up();
                            s.engine.down(s.project, false);
                            s.seen.put("volume after down", String.valueOf(hasVolume(s, s.project.volumeName("data"))));
                            s.up();
                            s.engine.down(s.project, true);
                            s.seen.put("volume after down -v", String.valueOf(hasVolume(s, s.project.volumeName("data"))));
                            s.seen.put("container after down -v", String.valueOf(s.engine.container(s.project, "localstack").isPresent()));
                        }),
                Arguments.of("down -v never touches a bind mount", HEAD + "    volumes:\n      - ./localstack_data:/var/lib/localstack\n",
                        (Steps) s -> {
                            s.up();
                            s.seen.put("mount", s.mountOf("/var/lib/localstack"));
                            s.engine.down(s.project, true);
                            s.seen.put("logs folder after down -v", String.valueOf(Files.isDirectory(s.project.workdir().resolve("localstack_data/logs"))));
                        }),
                Arguments.of("no volume: the image's VOLUME is anonymous, kept by restart, replaced by down+up", HEAD,
                        (Steps) s -> {
                            s.up();
                            String first = s.mountOf("/var/lib/localstack");
                            s.seen.put("anonymous", String.valueOf(first.startsWith("volume:") && first.length() == 7 + 64));
                            s.engine.restart(s.project, java.util.List.of());
                            s.seen.put("same volume after restart", String.valueOf(s.mountOf("/var/lib/localstack").equals(first)));
                            s.engine.down(s.project, false);
                            s.up();
                            s.seen.put("same volume after down+up", String.valueOf(s.mountOf("/var/lib/localstack").equals(first)));
                            s.engine.purge(s.project.name());
                        }),
                Arguments.of("DATA_DIR is only a deprecation warning", HEAD + "    environment:\n      - DATA_DIR=/tmp/localstack\n",
                        (Steps) s -> {
                            s.up();
                            s.seen.put("warning", String.valueOf(s.logContains("DATA_DIR is deprecated (since 1.0.0) and will be removed")));
                        }),
                Arguments.of("a non-root user on an unwritable bind folder cannot start, chmod 777 fixes it",
                        HEAD + "    user: \"" + Owners.ofRunner().user("1000:1000", 0, 0) + "\"\n    volumes:\n      - ./denied:/var/lib/localstack\n",
                        (Steps) s -> {
                            Path denied = Files.createDirectories(s.project.workdir().resolve("denied"));
                            Files.setAttribute(denied, "unix:mode", 0755);
                            s.up();
                            s.seen.put("state", s.containerState());
                            s.seen.put("log", String.valueOf(s.logContains("/var/lib/localstack/logs\u2019: Permission denied")));
                            Files.setAttribute(denied, "unix:mode", 0777);
                            s.engine.start(s.project, java.util.List.of());
                            s.seen.put("state after chmod 777", s.containerState());
                            s.seed();
                            s.data("S3 after chmod 777");
                        }),
                Arguments.of("hooks: mode 644, no shebang, syntax error, exit 3 and set -e fail as in LocalStack",
                        HEAD + "    volumes:\n      - ./ready:/etc/localstack/init/ready.d\n",
                        (Steps) s -> {
                            s.hook("01-mode644.sh", 0644, "#!/bin/bash\necho 01: ran\n");
                            s.hook("02-noshebang.sh", 0755, "echo 02: ran\n");
                            s.hook("03-syntax.sh", 0755, "#!/bin/bash\necho 03: before\nif then fi (\necho 03: after\n");
                            s.hook("04-exit3.sh", 0755, "#!/bin/bash\necho 04: exiting\nexit 3\n");
                            s.hook("05-sete.sh", 0755, "#!/bin/bash\nset -e\necho 05: before\nfalse\necho 05: after false\n");
                            s.hook("06-ok.py", 0644, "print('06: python')\n");
                            s.up();
                            s.seen.put("init ready", s.http("/_localstack/init/ready").replace(" ", ""));
                            for (String n : new String[] {"01", "02", "03", "04", "05", "06"}) s.hookLog(n);
                            s.seen.put("Ready. after the hooks", String.valueOf(s.logIndex("Ready.") > s.logIndex("05: before")));
                        }),
                Arguments.of("hooks see the mounts at their container paths and reach LocalStack",
                        HEAD + "    volumes:\n      - ./ready:/etc/localstack/init/ready.d\n      - ./seed:/seed\n",
                        (Steps) s -> {
                            java.nio.file.Files.createDirectories(s.project.workdir().resolve("seed"));
                            s.hook("01-mounts.sh", 0755, "#!/bin/sh\nset -e\necho \"01: in $(pwd)\"\n"
                                    + "echo hello > /seed/from-hook\nls /etc/localstack/init/ready.d | sed 's/^/01: ls /'\n"
                                    + "curl -s -o /dev/null -w '01: curl %{http_code}\\n' \"${AWS_ENDPOINT_URL:-http://localhost:4566}/_localstack/health\"\n");
                            s.up();
                            s.seen.put("init ready", s.http("/_localstack/init/ready").replace(" ", ""));
                            s.hookLog("01");
                            s.seen.put("seed file on the host", java.nio.file.Files.readString(s.project.workdir().resolve("seed/from-hook")).strip());
                        }),
                Arguments.of("ready.d creates buckets, S3 errors and JSON shapes are LocalStack's",
                        HEAD + "    volumes:\n      - ./ready:/etc/localstack/init/ready.d\n",
                        (Steps) s -> {
                            org.junit.jupiter.api.Assumptions.assumeTrue(TestAwslocal.available(),
                                    "the hook's awslocal needs the AWS CLI, out of reach here (scripts/test-nonroot.sh)");
                            Path ready = Files.createDirectories(s.project.workdir().resolve("ready"));
                            Path script = Files.writeString(ready.resolve("01-buckets.sh"), "#!/bin/bash\nawslocal s3 mb s3://fidelity\n");
                            Files.setAttribute(script, "unix:mode", 0755);
                            s.up();
                            s.seen.put("init ready", s.http("/_localstack/init/ready").replace(" ", ""));
                            s.seen.put("missing key", errorShape(s.http("/fidelity/nope.txt")));
                            s.seen.put("missing bucket", errorShape(s.http("/nope/k.txt")));
                            String health = s.http("/_localstack/health");
                            s.seen.put("health", health.startsWith("200 ") + " " + health.contains("\"edition\": \"community\"")
                                    + " " + health.contains("\"version\": \"4.14.0\"") + " " + health.contains("\"s3\": \"running\""));
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theEmbeddedEngineObservesWhatDockerWithRealLocalStackRecorded(String name, String compose, Steps steps) throws Exception {
        Map<String, String> recorded = Recorded.TABLE.get(name);
        assertNotNull(recorded, "no observations recorded for this scenario in " + Recorded.FILE);
        Map<String, String> embedded;
        try (Engine engine = Engines.open("embedded", "community-4.14", tmp.resolve("engine"),
                InitScripts.of(TestAwslocal.in(tmp), Sandbox.detect()))) {
            embedded = run(engine, tmp.resolve("embedded/fidelity"), compose, steps);
        }
        assertEquals(recorded, embedded, "embedded engine vs the observations recorded on Docker (" + Recorded.FILE + ")");
        Map<String, String> docker;
        try (Engine engine = DockerTier.engine()) {
            docker = run(engine, tmp.resolve("docker/fidelity"), compose, steps);
        }
        Recorded.write(name, docker);
        assertEquals(recorded, docker, "Docker with real LocalStack vs " + Recorded.FILE
                + " (a new recording is in " + Recorded.OUT + ")");
    }

    private static Map<String, String> run(Engine engine, Path workdir, String compose, Steps steps) throws Exception {
        var s = new Scenario(engine, workdir, compose);
        try {
            steps.run(s);
        } finally {
            engine.purge(s.project.name());
        }
        return new LinkedHashMap<>(s.seen);
    }

    private static boolean hasVolume(Scenario s, String name) {
        return s.engine.volumes(s.project).stream().anyMatch(v -> v.name().equals(name));
    }

    /** Status, Code, Message and the bucket or key element of an S3 error document. */
    private static String errorShape(String response) {
        String body = response.substring(4);
        return response.substring(0, 3) + " " + tag(body, "Code") + " " + tag(body, "Message") + " "
                + (body.contains("<Key>") ? tag(body, "Key") : tag(body, "BucketName"))
                + (body.contains("xmlns") ? " (xmlns!)" : "");
    }

    private static String tag(String xml, String name) {
        int a = xml.indexOf("<" + name + ">");
        int b = xml.indexOf("</" + name + ">");
        return a < 0 || b < 0 ? "(no " + name + ")" : xml.substring(a + name.length() + 2, b);
    }
}
