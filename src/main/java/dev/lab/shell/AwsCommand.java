package dev.lab.shell;

import dev.lab.aws.S3Clients;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code awslocal s3 …} and {@code aws --endpoint-url … s3 …}: mb, rb, ls, cp, rm, printing what
 * the AWS CLI prints. {@code aws} without {@code --endpoint-url} is refused: it would call real AWS.
 */
final class AwsCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final Workspace workspace;
    private final Supplier<URI> localstack;
    private final boolean local;
    private final String environmentEndpoint;

    /**
     * @param localstack          where LocalStack answers
     * @param local               {@code awslocal}, which calls it by default; plain {@code aws} must name an endpoint
     * @param environmentEndpoint {@code AWS_ENDPOINT_URL}, which the real CLI uses when no {@code --endpoint-url} is given
     */
    AwsCommand(Workspace workspace, Supplier<URI> localstack, boolean local, String environmentEndpoint) {
        this.workspace = workspace;
        this.localstack = localstack;
        this.local = local;
        this.environmentEndpoint = environmentEndpoint == null || environmentEndpoint.isBlank() ? null : environmentEndpoint;
    }

    int run(List<String> argv, Io io) {
        String name = argv.get(0);
        if ("s3api".equals(AwsArgs.service(argv))) {
            try {
                S3ApiArgs args = S3Api.parse(argv);
                String endpoint = endpoint(args.globals().get("--endpoint-url"));
                return new S3Api(workspace).run(name, args, S3Clients.forEndpoint(URI.create(endpoint)), io);
            } catch (Refused e) {
                return e.report(io);
            } catch (SdkClientException e) {
                io.err().accept("");
                io.err().accept(clientError(e, args(argv)));
                return 255;
            }
        }
        AwsArgs args;
        try {
            args = AwsArgs.parse(argv);
        } catch (Refused e) {
            return e.report(io);
        }
        String endpoint = endpoint(args.endpoint());
        switch (args.sub()) {
            case "ls", "rm" -> args.only(name, "--recursive");
            case "rb" -> args.only(name, "--force");
            default -> args.only(name);
        }
        S3Client s3 = S3Clients.forEndpoint(URI.create(endpoint));
        var rest = args.paths();
        String sub = args.sub();
        try {
            return switch (sub) {
                case "mb" -> { String b = bucket(name, rest); s3.createBucket(r -> r.bucket(b)); io.out().accept("make_bucket: " + b); yield 0; }
                case "rb" -> rb(s3, bucket(name, rest), args.has("--force"), io);
                case "ls" -> ls(s3, rest, args.has("--recursive"), io);
                case "cp" -> cp(name, s3, rest, io);
                case "rm" -> rm(name, s3, rest, args.has("--recursive"), io);
                case "sync" -> sync(name, s3, rest, io);
                default -> throw new ShellError(name + " s3 " + sub + " is not supported by the lab's runner (supported: mb, rb, ls, cp, rm, sync)");
            };
        } catch (SdkServiceException e) {
            if (sub.equals("mb") || sub.equals("rb")) {
                io.err().accept((sub.equals("mb") ? "make_bucket" : "remove_bucket") + " failed: " + rest.get(0)
                        + " An error occurred (" + S3Clients.errorCode(e) + ") when calling the " + operation(sub, rest)
                        + " operation: " + message(e));
                return 1;
            }
            io.err().accept("An error occurred (" + S3Clients.errorCode(e) + ") when calling the " + operation(sub, rest)
                    + " operation: " + message(e));
            return 254;
        } catch (SdkClientException e) {
            io.err().accept(clientError(e, endpoint));
            return 255;
        }
    }

    private String args(List<String> argv) {
        int i = argv.indexOf("--endpoint-url");
        return endpoint(i > 0 && i + 1 < argv.size() ? argv.get(i + 1) : null);
    }

    /** {@code --endpoint-url}, else AWS_ENDPOINT_URL, else (awslocal only) the lab's LocalStack. */
    private String endpoint(String given) {
        String endpoint = given != null ? given : environmentEndpoint;
        // Asked only when needed: the workspace's compose file may be broken, and `aws --endpoint-url` does not care.
        if (endpoint == null && local) endpoint = localstack.get().toString();
        if (endpoint == null) {
            throw new ShellError("aws without --endpoint-url or AWS_ENDPOINT_URL would call real AWS; add --endpoint-url " + localstack.get() + " or use awslocal");
        }
        return endpoint;
    }

    /** {@code rb}; with {@code --force} it first deletes every object, printing each as the CLI does. */
    private static int rb(S3Client s3, String bucket, boolean force, Io io) {
        if (force) {
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                s3.deleteObject(r -> r.bucket(bucket).key(o.key()));
                io.out().accept("delete: s3://" + bucket + "/" + o.key());
            }
        }
        s3.deleteBucket(r -> r.bucket(bucket));
        io.out().accept("remove_bucket: " + bucket);
        return 0;
    }

    private int ls(S3Client s3, List<String> rest, boolean recursive, Io io) {
        if (rest.isEmpty()) {
            s3.listBuckets().buckets().forEach(b -> io.out().accept(TIME.format(b.creationDate()) + " " + b.name()));
            return 0;
        }
        S3Uri u = S3Uri.parse("ls", rest.get(0));
        var resp = s3.listObjectsV2(r -> r.bucket(u.bucket()).prefix(u.key()).delimiter(recursive ? null : "/"));
        for (CommonPrefix p : resp.commonPrefixes()) io.out().accept(String.format("%30s %s", "PRE", p.prefix().substring(u.key().length())));
        for (S3Object o : resp.contents()) {
            String key = recursive ? o.key() : o.key().substring(u.key().length());
            io.out().accept(TIME.format(o.lastModified()) + String.format(" %10d ", o.size()) + key);
        }
        return 0;
    }

    private int cp(String name, S3Client s3, List<String> rest, Io io) {
        if (rest.size() != 2) throw new ShellError(name + " s3 cp: a source and a destination are required");
        String from = rest.get(0);
        String to = rest.get(1);
        if (!from.startsWith("s3://") && to.startsWith("s3://")) {
            Path file = workspace.resolve(name, from);
            if (!Files.isRegularFile(file)) {
                io.err().accept("The user-provided path " + from + " does not exist.");
                return 255;
            }
            S3Uri u = S3Uri.parse("cp", to);
            String key = u.key().isEmpty() || u.key().endsWith("/") ? u.key() + file.getFileName() : u.key();
            s3.putObject(r -> r.bucket(u.bucket()).key(key), RequestBody.fromFile(file));
            io.out().accept("upload: " + from + " to s3://" + u.bucket() + "/" + key);
            return 0;
        }
        if (from.startsWith("s3://") && !to.startsWith("s3://")) {
            S3Uri u = S3Uri.parse("cp", from);
            if (to.equals("-")) return toStdout(s3, u, io);
            Path target = workspace.resolve(name, to);
            if (Files.isDirectory(target)) {
                target = workspace.confine(name, target.resolve(u.key().substring(u.key().lastIndexOf('/') + 1)));
            }
            try {
                byte[] data = s3.getObjectAsBytes(r -> r.bucket(u.bucket()).key(u.key())).asByteArray();
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.write(target, data);
            } catch (SdkServiceException e) {
                io.err().accept("fatal error: An error occurred (" + (e.statusCode() == 404 ? "404" : S3Clients.errorCode(e))
                        + ") when calling the HeadObject operation: " + (e.statusCode() == 404 ? "Not Found" : message(e)));
                return 1;
            } catch (java.io.IOException e) {
                io.err().accept("download failed: " + e.getMessage());
                return 1;
            }
            io.out().accept("download: " + from + " to " + to);
            return 0;
        }
        throw new ShellError(name + " s3 cp: exactly one of source and destination must be an s3:// URI");
    }

    // `cp s3://b/k -` streams the object to standard output, as the AWS CLI does, with no "download:" line.
    private static int toStdout(S3Client s3, S3Uri u, Io io) {
        try {
            String text = s3.getObjectAsBytes(r -> r.bucket(u.bucket()).key(u.key())).asUtf8String();
            if (!text.isEmpty()) text.lines().forEach(io.out());
            return 0;
        } catch (SdkServiceException e) {
            io.err().accept("fatal error: An error occurred (" + (e.statusCode() == 404 ? "404" : S3Clients.errorCode(e))
                    + ") when calling the HeadObject operation: " + (e.statusCode() == 404 ? "Not Found" : message(e)));
            return 1;
        }
    }

    /** {@code s3 sync}: copies what the destination lacks or has with another size; deletes nothing. */
    private int sync(String name, S3Client s3, List<String> rest, Io io) {
        if (rest.size() != 2) throw new ShellError(name + " s3 sync: a source and a destination are required");
        String from = rest.get(0);
        String to = rest.get(1);
        if (from.startsWith("s3://") && !to.startsWith("s3://")) {
            S3Uri u = S3Uri.parse("sync", from);
            Path dir = workspace.resolve(name, to);
            String prefix = u.key().isEmpty() || u.key().endsWith("/") ? u.key() : u.key() + "/";
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(u.bucket()).prefix(prefix)).contents()) {
                Path target = dir.resolve(o.key().substring(prefix.length())).normalize();
                if (!target.startsWith(dir)) continue;
                target = workspace.confine(name, target);
                try {
                    if (Files.isRegularFile(target) && Files.size(target) == o.size()) continue;
                    Files.createDirectories(target.getParent());
                    Files.write(target, s3.getObjectAsBytes(r -> r.bucket(u.bucket()).key(o.key())).asByteArray());
                } catch (java.io.IOException e) {
                    io.err().accept("download failed: " + target + ": " + e.getMessage());
                    return 1;
                }
                io.out().accept("download: s3://" + u.bucket() + "/" + o.key() + " to " + to.replaceAll("/$", "") + "/" + o.key().substring(prefix.length()));
            }
            return 0;
        }
        if (!from.startsWith("s3://") && to.startsWith("s3://")) {
            Path dir = workspace.resolve(name, from);
            if (!Files.isDirectory(dir)) {
                io.err().accept("The user-provided path " + from + " does not exist.");
                return 255;
            }
            S3Uri u = S3Uri.parse("sync", to);
            String prefix = u.key().isEmpty() || u.key().endsWith("/") ? u.key() : u.key() + "/";
            List<Path> files;
            try (var walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (java.io.IOException e) {
                io.err().accept("upload failed: " + e.getMessage());
                return 1;
            }
            // A link is followed, as the AWS CLI does; where paths are confined (a hook's mounts) it must stay inside.
            files.forEach(f -> workspace.confine(name, f));
            var existing = new java.util.HashMap<String, Long>();
            s3.listObjectsV2Paginator(r -> r.bucket(u.bucket()).prefix(prefix)).contents().forEach(o -> existing.put(o.key(), o.size()));
            try {
                for (Path f : files) {
                    String key = prefix + dir.relativize(f).toString().replace('\\', '/');
                    if (existing.getOrDefault(key, -1L) == Files.size(f)) continue;
                    s3.putObject(r -> r.bucket(u.bucket()).key(key), RequestBody.fromFile(f));
                    io.out().accept("upload: " + from.replaceAll("/$", "") + "/" + dir.relativize(f) + " to s3://" + u.bucket() + "/" + key);
                }
            } catch (java.io.IOException e) {
                io.err().accept("upload failed: " + e.getMessage());
                return 1;
            }
            return 0;
        }
        throw new ShellError(name + " s3 sync: exactly one of source and destination must be an s3:// URI");
    }

    private int rm(String name, S3Client s3, List<String> rest, boolean recursive, Io io) {
        if (rest.size() != 1) throw new ShellError(name + " s3 rm: one s3:// URI is required");
        S3Uri u = S3Uri.parse("rm", rest.get(0));
        var keys = recursive
                ? s3.listObjectsV2(r -> r.bucket(u.bucket()).prefix(u.key())).contents().stream().map(S3Object::key).toList()
                : List.of(u.key());
        for (String k : keys) {
            s3.deleteObject(r -> r.bucket(u.bucket()).key(k));
            io.out().accept("delete: s3://" + u.bucket() + "/" + k);
        }
        return 0;
    }

    private static String bucket(String name, List<String> rest) {
        if (rest.size() != 1) throw new ShellError(name + " s3: one s3://bucket URI is required");
        return S3Uri.parse("s3", rest.get(0)).bucket();
    }

    private static String operation(String sub, List<String> rest) {
        return switch (sub) {
            case "mb" -> "CreateBucket";
            case "rb" -> "DeleteBucket";
            case "ls" -> rest.isEmpty() ? "ListBuckets" : "ListObjectsV2";
            case "rm" -> "DeleteObject";
            case "sync" -> "ListObjectsV2";
            default -> "PutObject";
        };
    }

    /** The AWS CLI's wording for a request that got no answer. */
    private static String clientError(SdkClientException e, String endpoint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) return "Could not connect to the endpoint URL: \"" + endpoint + "/\"";
            if (t instanceof java.net.SocketTimeoutException) return "Read timeout on endpoint URL: \"" + endpoint + "/\"";
        }
        return "Connection was closed before we received a valid response from endpoint URL: \"" + endpoint + "/\" ("
                + e.getMessage() + ")";
    }

    private static String message(SdkServiceException e) {
        String m = e.getMessage();
        int cut = m == null ? -1 : m.indexOf(" (Service:");
        return cut > 0 ? m.substring(0, cut) : String.valueOf(m);
    }

    /** {@code s3://bucket/key}. */
    record S3Uri(String bucket, String key) {
        static S3Uri parse(String sub, String uri) {
            if (!uri.startsWith("s3://") || uri.length() == 5) throw new ShellError("s3 " + sub + ": expected an s3://bucket[/key] URI, got " + uri);
            String rest = uri.substring(5);
            int slash = rest.indexOf('/');
            return slash < 0 ? new S3Uri(rest, "") : new S3Uri(rest.substring(0, slash), rest.substring(slash + 1));
        }
    }
}
