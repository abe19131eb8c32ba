package dev.lab.repl;

import dev.lab.aws.S3Clients;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.MountInfo;
import dev.lab.engine.VolumeInfo;
import dev.lab.session.Session;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.Bucket;

/** {@code state}: containers, volumes, buckets and objects as the engine and LocalStack see them now. */
final class State {
    private State() {}

    static void print(Session session, Screen out) {
        var t = out.texts();
        var none = t.get("state.none");
        var project = session.project();
        var rows = new ArrayList<List<String>>();
        for (ContainerInfo c : session.engine().containers(project)) {
            var mounts = c.mounts().stream().map(State::mount).toList();
            rows.add(List.of(c.name(), c.state().word() + (c.running() ? "" : " (" + c.exitCode() + ")"), c.image(), String.join("\n", mounts)));
        }
        out.table(List.of(t.get("col.container"), t.get("col.state"), "image", "mounts"), rows.isEmpty() ? List.of(List.of(none, "", "", "")) : rows);
        var vols = new ArrayList<List<String>>();
        for (VolumeInfo v : session.engine().volumes(project)) {
            vols.add(List.of(v.anonymous() ? v.name().substring(0, 12) + "… (" + t.get("state.anonymous") + ")" : v.name(), v.mountpoint().toString()));
        }
        out.table(List.of(t.get("col.volume"), "mountpoint"), vols.isEmpty() ? List.of(List.of(none, "")) : vols);
        URI endpoint = session.s3Endpoint();
        var s3 = S3Clients.forEndpoint(endpoint);
        try {
            var buckets = new ArrayList<List<String>>();
            for (Bucket b : s3.listBuckets().buckets()) {
                var keys = s3.listObjectsV2(r -> r.bucket(b.name())).contents().stream().map(o -> o.key() + " (" + o.size() + " B)").toList();
                buckets.add(List.of(b.name(), keys.isEmpty() ? t.get("state.empty") : String.join("\n", keys)));
            }
            out.table(List.of(t.get("col.bucket"), t.get("col.objects")), buckets.isEmpty() ? List.of(List.of(none, "")) : buckets);
        } catch (SdkException e) {
            out.println(t.get("state.s3Down", endpoint.toString(), e.getClass().getSimpleName()));
        }
    }

    private static String mount(MountInfo m) {
        String src = m.type().equals("bind") ? m.source() : m.name().length() == 64 ? m.name().substring(0, 12) + "…" : m.name();
        return m.type() + " " + src + " → " + m.destination();
    }
}
