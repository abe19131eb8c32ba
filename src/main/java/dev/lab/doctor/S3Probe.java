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

    S3Probe(URI endpoint) {
        this.s3 = S3Clients.forEndpoint(endpoint);
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
