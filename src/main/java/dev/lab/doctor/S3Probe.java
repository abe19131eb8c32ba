package dev.lab.doctor;

import dev.lab.aws.S3Clients;
import java.net.URI;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/** Writes the live scenario's bucket and object, and looks for them again. */
final class S3Probe {
    static final String BUCKET = "lab-doctor";
    static final String KEY = "probe.txt";

    private final S3Client s3;
    private final URI endpoint;

    S3Probe(URI endpoint) {
        this.s3 = S3Clients.forEndpoint(endpoint);
        this.endpoint = endpoint;
    }

    /**
     * Waits (up to a minute) until LocalStack's READY hooks have run, as {@code /_localstack/init/ready} reports: an
     * action during a hook would stop it half done, on Docker as on the embedded engine, and the rows would be a race.
     */
    void awaitInit() {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r = dev.lab.http.PlainHttp.send("GET", endpoint.resolve("/_localstack/init/ready"),
                        java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5));
                if (r.status() == 200 && r.body().replace(" ", "").contains("\"completed\":true")) return;
                Thread.sleep(100);
            } catch (java.io.IOException e) {
                return; // not answering: the action's row will say what state LocalStack is in
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Creates the bucket (if missing) and writes the object. */
    void seed() {
        try {
            s3.createBucket(b -> b.bucket(BUCKET));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException kept) {
            // The previous action kept it: the object is rewritten anyway so every action starts alike.
        }
        s3.putObject(r -> r.bucket(BUCKET).key(KEY), RequestBody.fromString("written by lab doctor --live\n"));
    }

    boolean bucketExists() {
        return exists(() -> s3.headBucket(b -> b.bucket(BUCKET)));
    }

    boolean objectExists() {
        return exists(() -> s3.headObject(r -> r.bucket(BUCKET).key(KEY)));
    }

    private static boolean exists(Runnable head) {
        try {
            head.run();
            return true;
        } catch (SdkServiceException e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }
}
