package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lab.fs.TreeState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;

/**
 * The snapshot shares unchanged files with the live store as hard links; S3Proxy changes a file's
 * mode for ACL calls in place, and replaces an object (bytes and metadata attributes) by rename. Those
 * changes must reach neither the saved snapshot nor what a load puts back.
 */
class SnapshotInPlaceTest {
    @TempDir Path tmp;

    @Test
    void loadAfterAnAclChangeAndAnOverwriteRestoresBytesModeAndAttributes() throws Exception {
        try (Harness h = new Harness(tmp, "pro", Map.of("PERSISTENCE", "1", "SNAPSHOT_SAVE_STRATEGY", "MANUAL"))
                .started(); S3Client s3 = h.s3()) {
            s3.createBucket(b -> b.bucket("plain"));
            s3.putObject(b -> b.bucket("plain").key("doc.txt").contentType("text/plain"), RequestBody.fromString("one"));
            s3.createBucket(b -> b.bucket("kept"));
            // S3Proxy 4.1.0 answers 501 to versioning; its archive step (rename, then version attributes written in
            // place) is covered by LinkedSnapshotTest.detachKeepsModeAndAttributeChangesOutOfTheSnapshot.
            s3.putObject(b -> b.bucket("kept").key("a/item.json").metadata(Map.of("who", "first")),
                    RequestBody.fromString("{\"v\": 1}"));
            assertEquals(200, h.post("/_localstack/state/save").statusCode());

            Path live = h.scratch.resolve("tmp/localstack-s3-storage");
            Path snapshot = h.volume.resolve("state/s3");
            var saved = TreeState.of(snapshot);
            assertEquals(saved, TreeState.of(live));

            s3.putObjectAcl(b -> b.bucket("plain").key("doc.txt").acl(ObjectCannedACL.PUBLIC_READ));
            s3.putObject(b -> b.bucket("kept").key("a/item.json").metadata(Map.of("who", "second")),
                    RequestBody.fromString("{\"v\": 2}"));
            assertNotEquals(saved, TreeState.of(live));
            assertEquals(saved, TreeState.of(snapshot), "in-place changes stayed out of the snapshot");

            assertEquals(200, h.post("/_localstack/state/load").statusCode());
            assertEquals(saved, TreeState.of(live));
            var grants = s3.getObjectAcl(b -> b.bucket("plain").key("doc.txt")).grants();
            assertEquals(0, grants.stream().filter(g -> g.permission() == Permission.READ).count(), grants.toString());
            assertEquals("first", s3.headObject(b -> b.bucket("kept").key("a/item.json")).metadata().get("who"));
        }
    }
}
