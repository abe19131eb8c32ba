package dev.lab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The {@code s3api} operations the lab's CLI runs: for each, the API name, the parameters it
 * requires and those it takes, and the SDK call. Parameters the real CLI takes beyond these are
 * refused by name rather than ignored.
 */
final class S3ApiOperations {
    /** What one operation does with its parsed parameters; {@code outfile} is get-object's target. */
    interface Call {
        SdkPojo run(S3Client s3, Params p) throws Refused;
    }

    record Op(String api, List<String> required, List<String> optional, Call call) {}

    /** An operation's parameters, with the CLI's conversions. */
    record Params(S3ApiArgs args, Path outfile, Path body) {
        String s(String name) {
            return args.param(name);
        }

        Integer i(String name) throws Refused {
            String v = s(name);
            if (v == null) return null;
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new Refused(List.of("", "invalid literal for int() with base 10: '" + v + "'"), 255);
            }
        }

        JsonNode node(String name) throws Refused {
            return s(name) == null ? null : Shorthand.parse("--" + name, s(name));
        }

        Map<String, String> map(String name) throws Refused {
            JsonNode n = node(name);
            if (n == null) return null;
            var m = new LinkedHashMap<String, String>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            return m;
        }

        List<Tag> tags(String name) throws Refused {
            var tags = new ArrayList<Tag>();
            for (JsonNode t : node(name).path("TagSet")) tags.add(Tag.builder().key(t.path("Key").asText()).value(t.path("Value").asText()).build());
            return tags;
        }
    }

    static final Map<String, Op> ALL = new LinkedHashMap<>();

    private static void op(String cli, String api, String required, String optional, Call call) {
        ALL.put(cli, new Op(api, words(required), words(optional), call));
    }

    static {
        op("create-bucket", "CreateBucket", "bucket", "acl create-bucket-configuration", (s3, p) -> {
            JsonNode c = p.node("create-bucket-configuration");
            return s3.createBucket(r -> {
                r.bucket(p.s("bucket")).acl(p.s("acl"));
                if (c != null) r.createBucketConfiguration(b -> b.locationConstraint(c.path("LocationConstraint").asText()));
            });
        });
        op("delete-bucket", "DeleteBucket", "bucket", "", (s3, p) -> s3.deleteBucket(r -> r.bucket(p.s("bucket"))));
        op("head-bucket", "HeadBucket", "bucket", "", (s3, p) -> s3.headBucket(r -> r.bucket(p.s("bucket"))));
        op("list-buckets", "ListBuckets", "", "", (s3, p) -> s3.listBuckets());
        op("get-bucket-location", "GetBucketLocation", "bucket", "", (s3, p) -> s3.getBucketLocation(r -> r.bucket(p.s("bucket"))));
        op("head-object", "HeadObject", "bucket key", "version-id range", (s3, p) ->
                s3.headObject(r -> r.bucket(p.s("bucket")).key(p.s("key")).versionId(p.s("version-id")).range(p.s("range"))));
        op("get-object", "GetObject", "bucket key", "version-id range", (s3, p) ->
                s3.getObject(r -> r.bucket(p.s("bucket")).key(p.s("key")).versionId(p.s("version-id")).range(p.s("range"))
                                .checksumMode("ENABLED"),
                        ResponseTransformer.toFile(p.outfile())));
        op("put-object", "PutObject", "bucket key", "body metadata content-type acl tagging cache-control content-disposition content-encoding",
                (s3, p) -> {
                    Map<String, String> metadata = p.map("metadata");
                    // The CLI sends a CRC32 of the body, which S3 keeps and returns with the object.
                    String crc = Checksums.crc32(p.body());
                    return s3.putObject(r -> r.bucket(p.s("bucket")).key(p.s("key")).metadata(metadata).contentType(p.s("content-type"))
                            .checksumCRC32(crc)
                            .acl(p.s("acl")).tagging(p.s("tagging")).cacheControl(p.s("cache-control"))
                            .contentDisposition(p.s("content-disposition")).contentEncoding(p.s("content-encoding")),
                            p.body() == null ? RequestBody.empty() : RequestBody.fromFile(p.body()));
                });
        op("copy-object", "CopyObject", "bucket key copy-source", "metadata metadata-directive content-type acl", (s3, p) -> {
            Map<String, String> metadata = p.map("metadata");
            String source = p.s("copy-source");
            int slash = source.indexOf('/');
            if (slash < 0) throw new Refused(List.of("", "Parameter validation failed:", "Invalid bucket name \"\": Bucket name must match the regex"), 255);
            return s3.copyObject(r -> r.sourceBucket(source.substring(0, slash)).sourceKey(source.substring(slash + 1))
                    .destinationBucket(p.s("bucket")).destinationKey(p.s("key")).metadata(metadata)
                    .metadataDirective(p.s("metadata-directive")).contentType(p.s("content-type")).acl(p.s("acl")));
        });
        op("delete-object", "DeleteObject", "bucket key", "version-id", (s3, p) ->
                s3.deleteObject(r -> r.bucket(p.s("bucket")).key(p.s("key")).versionId(p.s("version-id"))));
        op("delete-objects", "DeleteObjects", "bucket delete", "", (s3, p) -> {
            JsonNode d = p.node("delete");
            var ids = new ArrayList<ObjectIdentifier>();
            for (JsonNode o : d.path("Objects")) ids.add(ObjectIdentifier.builder().key(o.path("Key").asText()).build());
            boolean quiet = d.path("Quiet").asText().equalsIgnoreCase("true");
            return s3.deleteObjects(r -> r.bucket(p.s("bucket")).delete(x -> x.objects(ids).quiet(quiet)));
        });
        op("list-objects-v2", "ListObjectsV2", "bucket", "prefix delimiter max-keys start-after continuation-token", (s3, p) -> {
            Integer max = p.i("max-keys");
            return s3.listObjectsV2(r -> r.bucket(p.s("bucket")).prefix(p.s("prefix")).delimiter(p.s("delimiter")).maxKeys(max).encodingType("url")
                    .startAfter(p.s("start-after")).continuationToken(p.s("continuation-token")));
        });
        op("get-bucket-versioning", "GetBucketVersioning", "bucket", "", (s3, p) -> s3.getBucketVersioning(r -> r.bucket(p.s("bucket"))));
        op("put-bucket-versioning", "PutBucketVersioning", "bucket versioning-configuration", "", (s3, p) -> {
            JsonNode c = p.node("versioning-configuration");
            return s3.putBucketVersioning(r -> r.bucket(p.s("bucket")).versioningConfiguration(v -> v.status(c.path("Status").asText())));
        });
        op("list-object-versions", "ListObjectVersions", "bucket", "prefix", (s3, p) ->
                s3.listObjectVersions(r -> r.bucket(p.s("bucket")).prefix(p.s("prefix"))));
        op("get-bucket-tagging", "GetBucketTagging", "bucket", "", (s3, p) -> s3.getBucketTagging(r -> r.bucket(p.s("bucket"))));
        op("put-bucket-tagging", "PutBucketTagging", "bucket tagging", "", (s3, p) -> {
            List<Tag> tags = p.tags("tagging");
            return s3.putBucketTagging(r -> r.bucket(p.s("bucket")).tagging(t -> t.tagSet(tags)));
        });
        op("delete-bucket-tagging", "DeleteBucketTagging", "bucket", "", (s3, p) -> s3.deleteBucketTagging(r -> r.bucket(p.s("bucket"))));
        op("get-object-tagging", "GetObjectTagging", "bucket key", "", (s3, p) -> s3.getObjectTagging(r -> r.bucket(p.s("bucket")).key(p.s("key"))));
        op("put-object-tagging", "PutObjectTagging", "bucket key tagging", "", (s3, p) -> {
            List<Tag> tags = p.tags("tagging");
            return s3.putObjectTagging(r -> r.bucket(p.s("bucket")).key(p.s("key")).tagging(t -> t.tagSet(tags)));
        });
        op("delete-object-tagging", "DeleteObjectTagging", "bucket key", "", (s3, p) ->
                s3.deleteObjectTagging(r -> r.bucket(p.s("bucket")).key(p.s("key"))));
    }

    /** Each operation's parameter names, for the argument parser. */
    static Map<String, List<String>> parameters() {
        var m = new LinkedHashMap<String, List<String>>();
        ALL.forEach((k, op) -> {
            var all = new ArrayList<>(op.required());
            all.addAll(op.optional());
            m.put(k, all);
        });
        return m;
    }

    private S3ApiOperations() {
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }
}
