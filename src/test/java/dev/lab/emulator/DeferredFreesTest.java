package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class DeferredFreesTest {
    private static final int BIG = (int) DeferredFrees.MIN_BYTES * 2;

    @TempDir
    Path tmp;

    @Test
    void aReplacedLargeFileStaysReadableUntilReleasedThenIsClosedInTheBackground() throws Exception {
        Path live = Files.createDirectories(tmp.resolve("live"));
        Path object = Files.createDirectories(live.resolve("bkt/dir")).resolve("big");
        byte[] old = filled(BIG, (byte) 1);
        Files.write(object, old);
        DeferredFrees frees = new DeferredFrees(live);

        FileChannel held = frees.hold(request("/bkt/dir/big"));
        assertNotNull(held);
        // What S3Proxy does for a PUT: write a temporary file and rename it over the key.
        Path replacement = Files.write(object.resolveSibling("big-tmp"), filled(16, (byte) 2));
        Files.move(replacement, object, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        ByteBuffer read = ByteBuffer.allocate(BIG);
        while (read.hasRemaining() && held.read(read) >= 0) { }
        assertArrayEquals(old, read.array(), "the old inode is still referenced by the held descriptor");

        frees.release(held);
        for (int i = 0; i < 500 && held.isOpen(); i++) Thread.sleep(10);
        assertFalse(held.isOpen(), "released descriptors are closed");
        frees.shutdown();
    }

    @Test
    void smallMissingDirectoryLinkedAndBucketTargetsAreNotHeld() throws Exception {
        Path live = Files.createDirectories(tmp.resolve("live"));
        Path bucket = Files.createDirectories(live.resolve("bkt"));
        Files.write(bucket.resolve("small"), filled(1024, (byte) 3));
        Files.createDirectories(bucket.resolve("folder"));
        Path outside = Files.write(tmp.resolve("outside"), filled(BIG, (byte) 4));
        Files.createSymbolicLink(bucket.resolve("link"), outside);
        DeferredFrees frees = new DeferredFrees(live);

        for (String uri : new String[] {"/bkt/small", "/bkt/missing", "/bkt/folder", "/bkt/link", "/bkt", "/"}) {
            assertNull(frees.hold(request(uri)), uri);
        }
        frees.release(null);
        frees.shutdown();
    }

    @Test
    void overwritingAndDeletingLargeObjectsServesTheNewStateAndLeavesNothingOpen() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of()).started(); S3Client s3 = harness.s3()) {
            s3.createBucket(b -> b.bucket("frees"));
            byte[] second = filled(BIG, (byte) 6);
            s3.putObject(b -> b.bucket("frees").key("a/big"), RequestBody.fromBytes(filled(BIG, (byte) 5)));
            s3.putObject(b -> b.bucket("frees").key("a/big"), RequestBody.fromBytes(second));
            assertArrayEquals(second, s3.getObjectAsBytes(b -> b.bucket("frees").key("a/big")).asByteArray());
            s3.putObject(b -> b.bucket("frees").key("gone"), RequestBody.fromBytes(filled(BIG, (byte) 7)));
            s3.deleteObject(b -> b.bucket("frees").key("gone"));
            assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket("frees").key("gone")));

            long open = 1;
            for (int i = 0; i < 500 && open > 0; i++) {
                open = deletedFilesOpenUnder(harness.scratch);
                if (open > 0) Thread.sleep(10);
            }
            assertEquals(0, open, "the replaced and the deleted object are released");
        }
    }

    private static long deletedFilesOpenUnder(Path dir) throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (Exception e) {
                    return "";
                }
            }).filter(target -> target.startsWith(dir.toString()) && target.endsWith(" (deleted)")).count();
        }
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    /** A path-style request on 127.0.0.1: all that S3Changes.target reads. */
    private static HttpServletRequest request(String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(DeferredFreesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServerName" -> "127.0.0.1";
                    case "getRequestURI" -> uri;
                    case "getMethod" -> "PUT";
                    default -> null;
                });
    }
}
