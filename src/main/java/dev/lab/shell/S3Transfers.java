package dev.lab.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code s3 cp}, {@code mv} and {@code sync}: which files or objects to move, as the CLI decides (paths, {@code --recursive},
 * {@code --exclude}/{@code --include}, sync's size check), run by {@link S3TransferOps}.
 */
final class S3Transfers {
    private final String name;
    private final Workspace workspace;
    private final S3Client s3;
    private final AwsArgs args;
    private final S3Filters filters;
    private final S3TransferOps ops;

    S3Transfers(String name, Workspace workspace, S3Client s3, AwsArgs args, List<String> argv) {
        this.name = name;
        this.workspace = workspace;
        this.s3 = s3;
        this.args = args;
        this.filters = S3Filters.of(argv);
        this.ops = new S3TransferOps(name, s3, args);
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
        List<S3TransferOps.Transfer> transfers = new ArrayList<>();
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
                transfers.add(ops.upload(from, source, dest.bucket(), key, move));
            } else {
                String prefix = dest.dirPrefix();
                List<Path> files = files(source);
                Map<String, Long> existing = sub.equals("sync") ? sizes(dest.bucket(), prefix) : Map.of();
                for (Path f : files) {
                    String rel = source.relativize(f).toString().replace('\\', '/');
                    if (!filters.includes(rel)) continue;
                    if (existing.getOrDefault(prefix + rel, -1L) == size(f)) continue;
                    transfers.add(ops.upload(join(from, rel), f, dest.bucket(), prefix + rel, move));
                }
            }
        } else {
            S3Path src = S3Path.parse(from);
            if (!recursive) {
                if (toS3) {
                    S3Path dest = S3Path.parse(to);
                    String key = dest.key().isEmpty() || dest.key().endsWith("/") ? dest.key() + src.name() : dest.key();
                    transfers.add(ops.copy(src.bucket(), src.key(), dest.bucket(), key, move));
                } else if (to.equals("-")) {
                    return ops.toStdout(src, io);
                } else {
                    Path target = workspace.resolve(name, to);
                    boolean dir = to.endsWith("/") || Files.isDirectory(target);
                    if (dir) target = workspace.confine(name, target.resolve(src.name()));
                    transfers.add(ops.download(src.bucket(), src.key(), target, dir ? join(to, src.name()) : to, move));
                }
            } else {
                String prefix = src.dirPrefix();
                for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(src.bucket()).prefix(prefix)).contents()) {
                    String rel = o.key().substring(prefix.length());
                    if (rel.isEmpty() || !filters.includes(rel)) continue;
                    if (toS3) {
                        S3Path dest = S3Path.parse(to);
                        transfers.add(ops.copy(src.bucket(), o.key(), dest.bucket(), dest.dirPrefix() + rel, move));
                        continue;
                    }
                    Path target = workspace.confine(name, workspace.resolve(name, to).resolve(rel));
                    if (sub.equals("sync") && Files.isRegularFile(target) && size(target) == o.size()) continue;
                    transfers.add(ops.download(src.bucket(), o.key(), target, join(to, rel), move));
                }
            }
        }
        return ops.execute(transfers, io);
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

    private static String join(String dir, String rel) {
        return dir.endsWith("/") ? dir + rel : dir + "/" + rel;
    }
}
