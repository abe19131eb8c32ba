package dev.lab.shell;

import dev.lab.aws.S3Clients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code s3 cp}, {@code mv} and {@code sync}: each file or object to move is one transfer, printed
 * as the CLI prints it ({@code upload: ./a.txt to s3://b/a.txt}); a failed one prints
 * {@code upload failed: …} and the command ends with status 1, as the CLI's do.
 */
final class S3Transfers {
    /** One file or object to copy; {@code run} throws what went wrong. */
    private record Transfer(String kind, String from, String to, Action action, Runnable after) {}

    private interface Action {
        void run() throws IOException;
    }

    private final String name;
    private final Workspace workspace;
    private final S3Client s3;
    private final AwsArgs args;
    private final S3Filters filters;

    S3Transfers(String name, Workspace workspace, S3Client s3, AwsArgs args, List<String> argv) {
        this.name = name;
        this.workspace = workspace;
        this.s3 = s3;
        this.args = args;
        this.filters = S3Filters.of(argv);
    }

    int run(Io io) throws Refused {
        String sub = args.sub();
        String from = args.paths().get(0);
        String to = args.paths().get(1);
        boolean fromS3 = from.startsWith("s3://");
        boolean toS3 = to.startsWith("s3://");
        if (!fromS3 && !toS3) throw new Refused(List.of("", "usage: aws s3 " + sub + " <LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>",
                "Error: Invalid argument type"), 252);
        boolean recursive = sub.equals("sync") || args.has("--recursive");
        boolean move = sub.equals("mv");
        List<Transfer> transfers = new ArrayList<>();
        if (!fromS3) {
            Path source = workspace.resolve(name, from);
            if (recursive ? !Files.isDirectory(source) : !Files.isRegularFile(source)) {
                if (!Files.exists(source)) {
                    io.err().accept("");
                    io.err().accept("The user-provided path " + from + " does not exist.");
                    return 255;
                }
                if (!recursive) throw new ShellError(name + " s3 " + sub + ": " + from + " is a directory; add --recursive");
                return 0;
            }
            S3Path dest = S3Path.parse(to);
            if (!recursive) {
                String key = dest.key().isEmpty() || dest.key().endsWith("/") ? dest.key() + source.getFileName() : dest.key();
                transfers.add(upload(from, source, dest.bucket(), key, move));
            } else {
                String prefix = dest.dirPrefix();
                List<Path> files = files(source);
                Map<String, Long> existing = sub.equals("sync") ? sizes(dest.bucket(), prefix) : Map.of();
                for (Path f : files) {
                    String rel = source.relativize(f).toString().replace('\\', '/');
                    if (!filters.includes(rel)) continue;
                    if (existing.getOrDefault(prefix + rel, -1L) == size(f)) continue;
                    transfers.add(upload(join(from, rel), f, dest.bucket(), prefix + rel, move));
                }
            }
        } else {
            S3Path src = S3Path.parse(from);
            if (!recursive) {
                if (toS3) {
                    S3Path dest = S3Path.parse(to);
                    String key = dest.key().isEmpty() || dest.key().endsWith("/") ? dest.key() + src.name() : dest.key();
                    transfers.add(copy(src.bucket(), src.key(), dest.bucket(), key, move));
                } else if (to.equals("-")) {
                    return toStdout(src, io);
                } else {
                    Path target = workspace.resolve(name, to);
                    boolean dir = to.endsWith("/") || Files.isDirectory(target);
                    if (dir) target = workspace.confine(name, target.resolve(src.name()));
                    transfers.add(download(src.bucket(), src.key(), target, dir ? join(to, src.name()) : to, move));
                }
            } else {
                String prefix = src.dirPrefix();
                for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(src.bucket()).prefix(prefix)).contents()) {
                    String rel = o.key().substring(prefix.length());
                    if (rel.isEmpty() || !filters.includes(rel)) continue;
                    if (toS3) {
                        S3Path dest = S3Path.parse(to);
                        transfers.add(copy(src.bucket(), o.key(), dest.bucket(), dest.dirPrefix() + rel, move));
                        continue;
                    }
                    Path target = workspace.confine(name, workspace.resolve(name, to).resolve(rel));
                    if (sub.equals("sync") && Files.isRegularFile(target) && size(target) == o.size()) continue;
                    transfers.add(download(src.bucket(), o.key(), target, join(to, rel), move));
                }
            }
        }
        return execute(transfers, io);
    }

    // `cp s3://b/k -` streams the object to standard output, as the AWS CLI does, with no "download:" line.
    private int toStdout(S3Path src, Io io) {
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

    private int execute(List<Transfer> transfers, Io io) {
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

    private Transfer upload(String shown, Path file, String bucket, String key, boolean move) {
        Map<String, String> metadata = metadata();
        String type = args.options().get("--content-type");
        return new Transfer(move ? "move" : "upload", display(shown), "s3://" + bucket + "/" + key, () -> {
            String guessed = type != null || args.has("--no-guess-mime-type") ? type : Files.probeContentType(file);
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(guessed).metadata(metadata).acl(args.options().get("--acl"))
                    .checksumCRC32(Checksums.crc32(file)), RequestBody.fromFile(file));
        }, move ? () -> delete(file) : null);
    }

    private Transfer download(String bucket, String key, Path target, String shown, boolean move) {
        return new Transfer(move ? "move" : "download", "s3://" + bucket + "/" + key, display(shown), () -> {
            byte[] data = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, data);
        }, move ? () -> s3.deleteObject(r -> r.bucket(bucket).key(key)) : null);
    }

    private Transfer copy(String bucket, String key, String toBucket, String toKey, boolean move) {
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

    private Map<String, Long> sizes(String bucket, String prefix) {
        var sizes = new HashMap<String, Long>();
        try {
            s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().forEach(o -> sizes.put(o.key(), o.size()));
        } catch (SdkServiceException e) {
            // A missing bucket fails each upload, with the CLI's message.
        }
        return sizes;
    }

    private List<Path> files(Path dir) {
        try (var walk = Files.walk(dir)) {
            // A link is followed, as the AWS CLI does; where paths are confined (a hook's mounts) it must stay inside.
            return walk.filter(Files::isRegularFile).sorted().map(f -> workspace.confine(name, f)).toList();
        } catch (IOException e) {
            throw new ShellError(name + " s3 " + args.sub() + ": cannot read " + dir + ": " + e.getMessage());
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Path f) {
        try {
            Files.delete(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String join(String dir, String rel) {
        return dir.endsWith("/") ? dir + rel : dir + "/" + rel;
    }

    /** awscli's relative_path: a local path as given, with {@code ./} in front of a bare file name. */
    static String display(String path) {
        if (path.startsWith("/")) return path;
        String p = path.startsWith("./") ? path.substring(2) : path;
        return p.contains("/") ? p : "./" + p;
    }
}
