package dev.lab.check;

import dev.lab.aws.S3Clients;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Checks on what S3 says about one object (HeadObject) and about a bucket's versioning. */
final class S3HeadChecks {
    private S3HeadChecks() {}

    /** {@code object <bucket>/<key> metadata <name> = <value>}: user metadata ({@code x-amz-meta-<name>}). */
    static Check metadata(String text, String bucket, String key, String name, Expectation e) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return head(text, bucket, key, e, h -> h.metadata().get(lower), "(no metadata " + lower + ")");
    }

    /** {@code object <bucket>/<key> content-type = <type>}. */
    static Check contentType(String text, String bucket, String key, Expectation e) {
        return head(text, bucket, key, e, HeadObjectResponse::contentType, "(no content type)");
    }

    /** {@code object <bucket>/<key> size = <bytes>}. */
    static Check size(String text, String bucket, String key, Expectation e) {
        return head(text, bucket, key, e, h -> String.valueOf(h.contentLength()), "(no size)");
    }

    /** {@code bucket <bucket> versioning enabled|suspended|unversioned}. */
    static Check versioning(String text, String bucket, String state) {
        return new Check() {
            @Override public String text() { return text; }

            @Override public CheckResult evaluate(Probes p) {
                try {
                    var r = p.s3().getBucketVersioning(b -> b.bucket(bucket));
                    String found = r.statusAsString() == null || r.statusAsString().isEmpty() ? "unversioned" : r.statusAsString().toLowerCase();
                    return CheckResult.of(text, state, found, found.equals(state), "GetBucketVersioning " + bucket + " → "
                            + (r.statusAsString() == null ? "{}" : "Status " + r.statusAsString()));
                } catch (SdkServiceException x) {
                    String code = S3Clients.errorCode(x);
                    return CheckResult.of(text, state, code.equals("NoSuchBucket") ? "bucket " + bucket + " does not exist" : "error " + code,
                            false, "GetBucketVersioning " + bucket + " → " + x.statusCode() + " " + code);
                } catch (SdkClientException x) {
                    return CheckResult.of(text, state, "S3 endpoint unreachable", false, p.s3Endpoint() + ": " + x.getMessage());
                }
            }
        };
    }

    private static Check head(String text, String bucket, String key, Expectation e, Function<HeadObjectResponse, String> field,
                              String none) {
        return new Check() {
            @Override public String text() { return text; }

            @Override public CheckResult evaluate(Probes p) {
                String where = "HeadObject " + bucket + "/" + key;
                try {
                    var h = p.s3().headObject(r -> r.bucket(bucket).key(key));
                    String found = field.apply(h);
                    String evidence = where + " → 200, " + h.contentLength() + " bytes, " + h.contentType()
                            + (h.metadata().isEmpty() ? "" : ", metadata " + h.metadata());
                    return found == null ? e.absent(text, none, evidence) : e.result(text, List.of(found), evidence);
                } catch (SdkServiceException x) {
                    String actual = x.statusCode() == 404 ? "no object " + bucket + "/" + key : "error " + S3Clients.errorCode(x);
                    return CheckResult.of(text, e.expected(), actual, false, where + " → " + x.statusCode());
                } catch (SdkClientException x) {
                    return CheckResult.of(text, e.expected(), "S3 endpoint unreachable", false, p.s3Endpoint() + ": " + x.getMessage());
                }
            }
        };
    }
}
