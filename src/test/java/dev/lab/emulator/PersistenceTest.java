package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

class PersistenceTest {
    @TempDir
    Path tmp;

    private static List<String> buckets(Harness harness) {
        try (S3Client s3 = harness.s3()) {
            return s3.listBuckets().buckets().stream().map(Bucket::name).toList();
        }
    }

    private static void createBucketWithObject(Harness harness, String bucket) {
        try (S3Client s3 = harness.s3()) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("data/item.json").contentType("application/json"),
                    RequestBody.fromString("{\"n\": 1}"));
        }
    }

    private static Harness pro(Path tmp, String save) throws Exception {
        return new Harness(tmp, "pro", Map.of("PERSISTENCE", "1", "SNAPSHOT_SAVE_STRATEGY", save,
                "SNAPSHOT_FLUSH_INTERVAL", "1")).started();
    }

    private static Path snapshotOf(Harness harness, String bucket) {
        return harness.volume.resolve("state/s3").resolve(bucket);
    }

    @Test
    void communityForgetsEverythingEvenWithPersistence() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of("PERSISTENCE", "1"))
                .started()) {
            createBucketWithObject(harness, "ephemeral");
            harness.restart();
            assertEquals(List.of(), buckets(harness));
            assertFalse(Files.exists(harness.volume.resolve("state/s3")));
            assertTrue(harness.logs.stream().noneMatch(l -> l.contains("WARN")), harness.logs.toString());
        }
    }

    @Test
    void proWithoutPersistenceForgetsToo() throws Exception {
        try (Harness harness = new Harness(tmp, "pro", Map.of()).started()) {
            createBucketWithObject(harness, "ephemeral");
            harness.restart();
            assertEquals(List.of(), buckets(harness));
        }
    }

    @Test
    void onRequestSavesAfterEachChange() throws Exception {
        try (Harness harness = pro(tmp, "ON_REQUEST")) {
            createBucketWithObject(harness, "kept");
            Harness.poll("object in snapshot", Duration.ofSeconds(5),
                    () -> Files.exists(snapshotOf(harness, "kept").resolve("data/item.json")));
            harness.restart();
            assertEquals(List.of("kept"), buckets(harness));
            try (S3Client s3 = harness.s3()) {
                var object = s3.getObjectAsBytes(b -> b.bucket("kept").key("data/item.json"));
                assertEquals("{\"n\": 1}", object.asUtf8String());
                assertEquals("application/json", object.response().contentType());
                s3.deleteObject(b -> b.bucket("kept").key("data/item.json"));
                s3.deleteBucket(b -> b.bucket("kept"));
            }
            Harness.poll("deletion in snapshot", Duration.ofSeconds(5),
                    () -> !Files.exists(snapshotOf(harness, "kept")));
            harness.restart();
            assertEquals(List.of(), buckets(harness));
        }
    }

    @Test
    void onShutdownSavesOnlyAtStop() throws Exception {
        try (Harness harness = pro(tmp, "ON_SHUTDOWN")) {
            createBucketWithObject(harness, "kept");
            assertFalse(Files.exists(snapshotOf(harness, "kept")));
            harness.restart();
            assertEquals(List.of("kept"), buckets(harness));
        }
    }

    @Test
    void scheduledSavesEveryFlushInterval() throws Exception {
        try (Harness harness = pro(tmp, "SCHEDULED")) {
            createBucketWithObject(harness, "kept");
            Harness.poll("scheduled save", Duration.ofSeconds(10),
                    () -> Files.exists(snapshotOf(harness, "kept").resolve("data/item.json")));
            assertTrue(harness.emulator.running());
            harness.restart();
            assertEquals(List.of("kept"), buckets(harness));
        }
    }

    @Test
    void manualSavesOnlyOnRequest() throws Exception {
        try (Harness harness = pro(tmp, "MANUAL")) {
            createBucketWithObject(harness, "unsaved");
            harness.restart();
            assertEquals(List.of(), buckets(harness));

            createBucketWithObject(harness, "saved");
            var response = harness.post("/_localstack/state/save");
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(Files.exists(snapshotOf(harness, "saved")));
            harness.restart();
            assertEquals(List.of("saved"), buckets(harness));
        }
    }

    @Test
    void manualLoadRestoresOnlyOnRequest() throws Exception {
        try (Harness harness = new Harness(tmp, "pro", Map.of("PERSISTENCE", "1",
                "SNAPSHOT_SAVE_STRATEGY", "ON_SHUTDOWN", "SNAPSHOT_LOAD_STRATEGY", "MANUAL")).started()) {
            createBucketWithObject(harness, "kept");
            harness.restart();
            assertEquals(List.of(), buckets(harness));
            assertEquals(405, harness.get("/_localstack/state/load").statusCode());

            var response = harness.post("/_localstack/state/load");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(List.of("kept"), buckets(harness));
        }
    }

    @Test
    void stateEndpointsNeedPersistenceOnPro() throws Exception {
        try (Harness harness = new Harness(tmp, "pro", Map.of()).started()) {
            var response = harness.post("/_localstack/state/save");
            assertEquals(400, response.statusCode());
            assertTrue(response.body().contains("PERSISTENCE"), response.body());
        }
    }
}
