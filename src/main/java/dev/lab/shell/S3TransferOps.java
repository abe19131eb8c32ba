package dev.lab.shell;

import dev.lab.aws.S3Clients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The transfers {@link S3Transfers} plans, and running them: each file or object to move is one transfer, printed as
 * the CLI prints it ({@code upload: ./a.txt to s3://b/a.txt}); a failed one prints {@code upload failed: …} and the
 * command ends with status 1, as the CLI's do. {@code --content-type}, {@code --metadata} and {@code --acl} apply to
 * every upload and copy.
 */
record S3TransferOps(String name, S3Client s3, AwsArgs args) {
    /** One file or object to copy; {@code action} throws what went wrong, {@code after} (a move's delete) may be null. */
    record Transfer(String kind, String from, String to, Action action, Runnable after) {}

    interface Action {
        void run() throws IOException;
    }

    // `cp s3://b/k -` streams the object to standard output, as the AWS CLI does, with no "download:" line.
    int toStdout(S3Path src, Io io) {
        try {
            String text = s3.getObjectAsBytes(r -> r.bucket(src.bucket()).key(src.key())).asUtf8String();
            if (!text.isEmpty()) text.lines().forEach(io.out());
            return 0;
        } catch (SdkServiceException e) {
            io.err().accept("fatal error: An error occurred (" + (e.statusCode() == 404 ? "404" : S3Clients.errorCode(e))
                    + ") when calling the HeadObject operation: " + (e.statusCode() == 404 ? "Key \"" + src.key() + "\" does not exist" : AwsCommand.message(e)));
            return 1;
        }
    }

    int execute(List<Transfer> transfers, Io io) {
        int status = 0;
        for (Transfer t : transfers) {
            try {
                t.action().run();
                if (t.after() != null) t.after().run();
                io.out().accept(t.kind() + ": " + t.from() + " to " + t.to());
            } catch (SdkServiceException e) {
                boolean head = t.kind().equals("download") || (t.kind().equals("move") && t.from().startsWith("s3://") && !t.to().startsWith("s3://"));
                if (head && e.statusCode() == 404) {
                    io.err().accept("fatal error: An error occurred (404) when calling the HeadObject operation: Key \""
                            + t.from().substring(t.from().indexOf('/', 5) + 1) + "\" does not exist");
                } else {
                    io.err().accept(t.kind() + " failed: " + t.from() + " to " + t.to() + " An error occurred (" + S3Clients.errorCode(e)
                            + ") when calling the " + (head ? "GetObject" : t.to().startsWith("s3://") && t.from().startsWith("s3://") ? "CopyObject" : "PutObject")
                            + " operation: " + AwsCommand.message(e));
                }
                status = 1;
            } catch (IOException | RuntimeException e) {
                io.err().accept(t.kind() + " failed: " + t.from() + " to " + t.to() + " " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    Transfer upload(String shown, Path file, String bucket, String key, boolean move) {
        Map<String, String> metadata = metadata();
        String type = args.options().get("--content-type");
        return new Transfer(move ? "move" : "upload", display(shown), "s3://" + bucket + "/" + key, () -> {
            String guessed = type != null || args.has("--no-guess-mime-type") ? type : Files.probeContentType(file);
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(guessed).metadata(metadata).acl(args.options().get("--acl"))
                    .checksumCRC32(Checksums.crc32(file)), RequestBody.fromFile(file));
        }, move ? () -> delete(file) : null);
    }

    Transfer download(String bucket, String key, Path target, String shown, boolean move) {
        return new Transfer(move ? "move" : "download", "s3://" + bucket + "/" + key, display(shown), () -> {
            byte[] data = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, data);
        }, move ? () -> s3.deleteObject(r -> r.bucket(bucket).key(key)) : null);
    }

    Transfer copy(String bucket, String key, String toBucket, String toKey, boolean move) {
        Map<String, String> metadata = metadata();
        String type = args.options().get("--content-type");
        boolean replace = metadata != null || type != null;
        return new Transfer(move ? "move" : "copy", "s3://" + bucket + "/" + key, "s3://" + toBucket + "/" + toKey, () ->
                s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(key).destinationBucket(toBucket).destinationKey(toKey)
                        .metadata(metadata).contentType(type).acl(args.options().get("--acl"))
                        .metadataDirective(replace ? "REPLACE" : null)),
                move ? () -> s3.deleteObject(r -> r.bucket(bucket).key(key)) : null);
    }

    private Map<String, String> metadata() {
        String m = args.options().get("--metadata");
        if (m == null) return null;
        try {
            var out = new java.util.LinkedHashMap<String, String>();
            Shorthand.parse("--metadata", m).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (Refused e) {
            throw new ShellError(name + " s3 " + args.sub() + ": " + e.lines.get(e.lines.size() - 1));
        }
    }

    private static void delete(Path f) {
        try {
            Files.delete(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** awscli's relative_path: a local path as given, with {@code ./} in front of a bare file name. */
    static String display(String path) {
        if (path.startsWith("/")) return path;
        String p = path.startsWith("./") ? path.substring(2) : path;
        return p.contains("/") ? p : "./" + p;
    }
}
