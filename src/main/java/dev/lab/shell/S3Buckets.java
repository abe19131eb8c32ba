package dev.lab.shell;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@code s3 mb}, {@code rb}, {@code ls}, {@code rm} and {@code presign}, printing what AWS CLI v1 prints. */
final class S3Buckets {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final List<String> UNITS = List.of("KiB", "MiB", "GiB", "TiB", "PiB", "EiB");

    private S3Buckets() {
    }

    static void mb(S3Client s3, String bucket, Io io) {
        s3.createBucket(r -> r.bucket(bucket));
        io.out().accept("make_bucket: " + bucket);
    }

    /** {@code rb}; with {@code --force} it first deletes every object, printing each as the CLI does. */
    static void rb(S3Client s3, String bucket, boolean force, Io io) {
        if (force) {
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                s3.deleteObject(r -> r.bucket(bucket).key(o.key()));
                io.out().accept("delete: s3://" + bucket + "/" + o.key());
            }
        }
        s3.deleteBucket(r -> r.bucket(bucket));
        io.out().accept("remove_bucket: " + bucket);
    }

    static void ls(S3Client s3, AwsArgs args, Io io) {
        List<String> rest = args.paths();
        if (rest.isEmpty() || rest.get(0).equals("s3://")) {
            s3.listBuckets().buckets().forEach(b -> io.out().accept(TIME.format(b.creationDate()) + " " + b.name()));
            return;
        }
        boolean recursive = args.has("--recursive");
        boolean human = args.has("--human-readable");
        S3Path u = S3Path.parse(rest.get(0));
        long count = 0;
        long total = 0;
        var pages = s3.listObjectsV2Paginator(r -> r.bucket(u.bucket()).prefix(u.key()).delimiter(recursive ? null : "/"));
        for (var page : pages) {
            for (CommonPrefix p : page.commonPrefixes()) io.out().accept(String.format("%30s %s", "PRE", p.prefix().substring(u.key().lastIndexOf('/') + 1)));
            for (S3Object o : page.contents()) {
                String key = recursive ? o.key() : o.key().substring(u.key().lastIndexOf('/') + 1);
                io.out().accept(TIME.format(o.lastModified()) + " " + String.format("%10s", human ? size(o.size()) : o.size()) + " " + key);
                count++;
                total += o.size();
            }
        }
        if (args.has("--summarize")) {
            io.out().accept("");
            io.out().accept("Total Objects: " + count);
            io.out().accept("   Total Size: " + (human ? size(total) : String.valueOf(total)));
        }
    }

    /** {@code s3 rm}; with {@code --recursive} every object under the prefix that the filters include. */
    static void rm(S3Client s3, AwsArgs args, S3Filters filters, Io io) {
        S3Path u = S3Path.parse(args.paths().get(0));
        if (!args.has("--recursive")) {
            s3.deleteObject(r -> r.bucket(u.bucket()).key(u.key()));
            io.out().accept("delete: s3://" + u.bucket() + "/" + u.key());
            return;
        }
        String prefix = u.dirPrefix();
        for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(u.bucket()).prefix(u.key())).contents()) {
            String rel = o.key().startsWith(prefix) ? o.key().substring(prefix.length()) : o.key();
            if (!filters.includes(rel)) continue;
            s3.deleteObject(r -> r.bucket(u.bucket()).key(o.key()));
            io.out().accept("delete: s3://" + u.bucket() + "/" + o.key());
        }
    }

    /**
     * {@code s3 presign}: AWS CLI v1 signs the URL with signature version 2 ({@code AWSAccessKeyId},
     * {@code Signature}, {@code Expires}), path style, for a GET within {@code --expires-in} seconds (default 3600).
     */
    static void presign(String endpoint, AwsArgs args, Io io) throws Refused {
        S3Path u = S3Path.parse(args.paths().get(0));
        long seconds;
        try {
            seconds = Long.parseLong(args.options().getOrDefault("--expires-in", "3600"));
        } catch (NumberFormatException e) {
            throw AwsArgs.usage("argument --expires-in: invalid int value: '" + args.options().get("--expires-in") + "'");
        }
        long expires = Instant.now().getEpochSecond() + seconds;
        String path = "/" + u.bucket() + "/" + encode(u.key());
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            signature = Base64.getEncoder().encodeToString(mac.doFinal(("GET\n\n\n" + expires + "\n" + path).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JRE", e);
        }
        io.out().accept(endpoint.replaceAll("/$", "") + path + "?AWSAccessKeyId=" + accessKey() + "&Signature="
                + java.net.URLEncoder.encode(signature, StandardCharsets.UTF_8) + "&Expires=" + expires);
    }

    // The lab's S3 client signs as test/test, as awslocal does; an environment that sets keys is honoured.
    private static String accessKey() {
        String k = System.getenv("AWS_ACCESS_KEY_ID");
        return k == null || k.isBlank() ? "test" : k;
    }

    private static String secret() {
        String k = System.getenv("AWS_SECRET_ACCESS_KEY");
        return k == null || k.isBlank() ? "test" : k;
    }

    private static String encode(String key) {
        return java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/").replace("%7E", "~");
    }

    /** awscli's human_readable_size. */
    static String size(long bytes) {
        if (bytes == 1) return "1 Byte";
        if (bytes < 1024) return bytes + " Bytes";
        for (int i = 0; i < UNITS.size(); i++) {
            double unit = Math.pow(1024, i + 2);
            if (Math.rint(bytes / unit * 1024) < 1024) return String.format(java.util.Locale.ROOT, "%.1f %s", 1024 * bytes / unit, UNITS.get(i));
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", bytes / Math.pow(1024, 6), "EiB");
    }
}
