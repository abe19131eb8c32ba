package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

class InitHooksTest {
    @TempDir
    Path tmp;

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicReference<Harness> current = new AtomicReference<>();
    private final AtomicReference<Integer> bucketsSeenAtShutdown = new AtomicReference<>();

    /** Plays the caller's shell: each script name stands for what its script would do. */
    private int runHook(Path script, String containerPath, Consumer<String> log) {
        String name = script.getFileName().toString();
        ran.add(name);
        paths.add(containerPath);
        switch (name) {
            case "01-create-buckets.sh" -> {
                try (S3Client s3 = current.get().s3()) {
                    s3.createBucket(b -> b.bucket("from-hook"));
                }
                log.accept("make_bucket: from-hook");
                return 0;
            }
            case "02-broken.sh" -> {
                return 3;
            }
            case "03-throws.sh" -> throw new IllegalStateException("interpreter crashed");
            case "90-goodbye.sh" -> {
                try (S3Client s3 = current.get().s3()) {
                    s3.listBuckets();
                    bucketsSeenAtShutdown.set(-1);
                } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                    bucketsSeenAtShutdown.set(e.statusCode());
                }
                return 0;
            }
            default -> {
                return 0;
            }
        }
    }

    private Map<String, Path> initDirs() throws Exception {
        Path boot = Files.createDirectories(tmp.resolve("init/boot.d"));
        Path ready = Files.createDirectories(tmp.resolve("init/ready.d"));
        Path shutdown = Files.createDirectories(tmp.resolve("init/shutdown.d"));
        Files.writeString(boot.resolve("00-boot.sh"), "echo boot");
        Files.writeString(ready.resolve("04-last.sh"), "echo last");
        Files.writeString(ready.resolve("02-broken.sh"), "exit 3");
        Files.writeString(ready.resolve("01-create-buckets.sh"), "awslocal s3 mb s3://from-hook");
        Files.writeString(ready.resolve("03-throws.sh"), "???");
        Files.writeString(ready.resolve("README.md"), "not a hook");
        Files.writeString(Files.createDirectories(ready.resolve("00-sub")).resolve("01-nested.sh"), "echo nested");
        Files.writeString(ready.resolve("05-python.py"), "print('py')");
        Files.writeString(shutdown.resolve("90-goodbye.sh"), "awslocal s3 ls");
        return Map.of("boot.d", boot, "ready.d", ready, "shutdown.d", shutdown);
    }

    @Test
    void stagesRunInOrderAndAFailureDoesNotStopTheRest() throws Exception {
        Harness harness = new Harness(tmp, "community-4.14", Map.of(), initDirs(), this::runHook);
        current.set(harness);
        harness.started();

        // os.walk order: a folder's files by name, then its sub-folders; only .sh and .py count.
        assertEquals(List.of("00-boot.sh", "01-create-buckets.sh", "02-broken.sh", "03-throws.sh",
                "04-last.sh", "05-python.py", "01-nested.sh"), ran);
        assertTrue(paths.contains("/etc/localstack/init/ready.d/00-sub/01-nested.sh"), paths.toString());
        assertTrue(paths.contains("/etc/localstack/init/boot.d/00-boot.sh"), paths.toString());
        try (S3Client s3 = harness.s3()) {
            assertEquals("from-hook", s3.listBuckets().buckets().get(0).name());
        }

        String all = harness.get("/_localstack/init").body();
        assertTrue(all.startsWith("{\"completed\": {\"BOOT\": true, \"START\": true, \"READY\": true,"
                + " \"SHUTDOWN\": false}, \"scripts\": ["), all);
        // BOOT runs in the entrypoint's own process: the runtime reports its scripts UNKNOWN.
        assertTrue(all.contains("{\"stage\": \"BOOT\", \"name\": \"00-boot.sh\", \"state\": \"UNKNOWN\"}"), all);
        assertTrue(all.contains("{\"stage\": \"READY\", \"name\": \"01-create-buckets.sh\","
                + " \"state\": \"SUCCESSFUL\"}"), all);
        assertTrue(all.contains("{\"stage\": \"READY\", \"name\": \"02-broken.sh\", \"state\": \"ERROR\"}"), all);
        assertTrue(all.contains("{\"stage\": \"READY\", \"name\": \"03-throws.sh\", \"state\": \"ERROR\"}"), all);
        assertTrue(all.contains("{\"stage\": \"READY\", \"name\": \"04-last.sh\", \"state\": \"SUCCESSFUL\"}"), all);
        assertTrue(all.contains("{\"stage\": \"SHUTDOWN\", \"name\": \"90-goodbye.sh\","
                + " \"state\": \"UNKNOWN\"}"), all);
        assertFalse(all.contains("README.md"), all);

        String ready = harness.get("/_localstack/init/ready").body();
        assertTrue(ready.startsWith("{\"completed\": true, \"scripts\": [{\"stage\": \"READY\","
                + " \"name\": \"01-create-buckets.sh\""), ready);
        assertFalse(ready.contains("BOOT") || ready.contains("SHUTDOWN"), ready);
        assertTrue(harness.get("/_localstack/init/shutdown").body()
                .startsWith("{\"completed\": false, \"scripts\": [{\"stage\": \"SHUTDOWN\""));
        assertEquals(404, harness.get("/_localstack/init/never").statusCode());

        int readyLine = harness.logs.indexOf("Ready.");
        int hookOutput = harness.logs.indexOf("make_bucket: from-hook");
        assertTrue(hookOutput >= 0 && readyLine > hookOutput, "LocalStack prints Ready. after the READY hooks: " + harness.logs);
        assertTrue(harness.logs.stream().anyMatch(l -> l.endsWith(" ERROR --- [ady_monitor)] localstack.runtime.init    :"
                + " Error while running script Script(path='/etc/localstack/init/ready.d/02-broken.sh', stage=READY,"
                + " state=ERROR): Script /etc/localstack/init/ready.d/02-broken.sh returned a non-zero exit code 3")), harness.logs.toString());
        assertTrue(harness.logs.stream().anyMatch(l -> l.endsWith("Error while running script Script(path="
                + "'/etc/localstack/init/ready.d/03-throws.sh', stage=READY, state=ERROR): interpreter crashed")), harness.logs.toString());

        harness.close();
        assertEquals(503, bucketsSeenAtShutdown.get(), "as observed on LocalStack 4.14, S3 answers 503 during SHUTDOWN hooks");
        assertEquals("90-goodbye.sh", ran.get(ran.size() - 1));
    }
}
