package dev.lab.repl;

import dev.lab.aws.S3Clients;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.VolumeInfo;
import dev.lab.session.Session;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * A text that changes whenever the engine's state does: the project's containers (state, exit code),
 * its volumes, and the S3 buckets and objects (key, ETag) — what a step's checks can look at.
 */
final class EngineSignature {
    private EngineSignature() {}

    static String of(Session session) {
        var s = new StringBuilder();
        try {
            var project = session.project();
            for (ContainerInfo c : session.engine().containers(project)) s.append(c.name()).append(' ').append(c.state().word()).append(' ').append(c.exitCode()).append('\n');
            for (VolumeInfo v : session.engine().volumes(project)) s.append("volume ").append(v.name()).append('\n');
        } catch (RuntimeException e) {
            s.append("engine: ").append(e.getMessage()).append('\n');
        }
        try {
            var s3 = S3Clients.forEndpoint(session.s3Endpoint());
            for (Bucket b : s3.listBuckets().buckets()) {
                s.append("bucket ").append(b.name()).append('\n');
                s3.listObjectsV2Paginator(r -> r.bucket(b.name())).contents()
                        .forEach(o -> s.append("  ").append(o.key()).append(' ').append(o.eTag()).append('\n'));
            }
        } catch (RuntimeException e) {
            s.append("s3 down\n");
        }
        return s.toString();
    }
}
