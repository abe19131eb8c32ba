package dev.lab.check;

import dev.lab.aws.S3Clients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Checks on buckets and objects, asked of the S3 endpoint with the AWS SDK. */
final class S3Checks {
    private S3Checks() {}

    static Check bucket(String text, String bucket, String state) {
        return check(text, state, p -> {
            try {
                p.s3().headBucket(r -> r.bucket(bucket));
                return found("exists", "HeadBucket " + bucket + " → 200");
            } catch (SdkServiceException e) {
                return found(e.statusCode() == 404 ? "missing" : "error " + S3Clients.errorCode(e), "HeadBucket " + bucket + " → " + e.statusCode());
            }
        });
    }

    static Check object(String text, String path, String state) {
        String bucket = bucketOf(path);
        String key = path.substring(bucket.length() + 1);
        return check(text, state, p -> {
            List<S3Object> keys = list(p, bucket);
            Pattern glob = glob(key);
            var hits = keys.stream().map(S3Object::key).filter(k -> glob.matcher(k).matches()).toList();
            return found(hits.isEmpty() ? "missing" : "exists", "ListObjectsV2 " + bucket + " → " + keys.size()
                    + " key(s)" + (hits.isEmpty() ? "" : ": " + String.join(", ", hits)));
        });
    }

    static Check digest(String text, String path, String eq, String file) {
        String bucket = bucketOf(path);
        String key = path.substring(bucket.length() + 1);
        return new Check() {
            @Override public String text() { return text; }

            @Override public List<String> referenceFiles() { return List.of(file); }

            @Override public CheckResult evaluate(Probes p) {
                String expected;
                try {
                    expected = sha256(Files.readAllBytes(p.workspace().resolve(file)));
                } catch (IOException e) {
                    return CheckResult.of(text, "sha256 of " + file, "cannot read " + file, false, e.getMessage());
                }
                try {
                    byte[] data = p.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
                    String actual = sha256(data);
                    return CheckResult.of(text, expected, actual, actual.equals(expected), "GetObject " + path + " → 200, " + data.length + " bytes");
                } catch (SdkServiceException e) {
                    return CheckResult.of(text, expected, S3Clients.errorCode(e), false, "GetObject " + path + " → " + e.statusCode());
                } catch (SdkClientException e) {
                    return CheckResult.of(text, expected, "S3 endpoint unreachable", false, p.s3Endpoint() + ": " + e.getMessage());
                }
            }
        };
    }

    /** {@code objects <bucket>[/<prefix>] count = <n>}: keys under the prefix; a missing bucket is an error, not 0. */
    static Check count(String text, String path, String word, int n) {
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String prefix = slash < 0 ? "" : path.substring(slash + 1);
        String where = "ListObjectsV2 " + bucket + (prefix.isEmpty() ? "" : " prefix " + prefix);
        return check(text, String.valueOf(n), p -> {
            try {
                var keys = p.s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix))
                        .contents().stream().map(S3Object::key).toList();
                return found(String.valueOf(keys.size()), where + " → " + keys.size() + " key(s)"
                        + (keys.isEmpty() || keys.size() > 5 ? "" : ": " + String.join(", ", keys)));
            } catch (SdkServiceException e) {
                if (!S3Clients.errorCode(e).equals("NoSuchBucket")) throw e;
                return found("bucket " + bucket + " does not exist", where + " → 404 NoSuchBucket");
            }
        });
    }

    /** The bucket and key of {@code <bucket>/<key>}. */
    static String[] split(String path) {
        String bucket = bucketOf(path);
        return new String[] {bucket, path.substring(bucket.length() + 1)};
    }

    private static List<S3Object> list(Probes p, String bucket) {
        try {
            return p.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().toList();
        } catch (SdkServiceException e) {
            if (S3Clients.errorCode(e).equals("NoSuchBucket")) return List.of();
            throw e;
        }
    }

    /** The actual value and its evidence. */
    private record Found(String actual, String evidence) {}

    private static Found found(String actual, String evidence) { return new Found(actual, evidence); }

    private static Check check(String text, String expected, Function<Probes, Found> probe) {
        return new Check() {
            @Override public String text() { return text; }

            @Override public CheckResult evaluate(Probes p) {
                try {
                    Found f = probe.apply(p);
                    return CheckResult.of(text, expected, f.actual(), f.actual().equals(expected), f.evidence());
                } catch (SdkClientException e) {
                    return CheckResult.of(text, expected, "S3 endpoint unreachable", false, p.s3Endpoint() + ": " + e.getMessage());
                } catch (SdkServiceException e) {
                    return CheckResult.of(text, expected, "error " + S3Clients.errorCode(e), false, e.getMessage());
                }
            }
        };
    }

    private static String bucketOf(String path) {
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) throw new CheckSyntaxException("expected <bucket>/<key> but found '" + path + "'");
        return path.substring(0, slash);
    }

    private static Pattern glob(String key) {
        var re = new StringBuilder();
        for (char c : key.toCharArray()) re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        return Pattern.compile(re.toString());
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
