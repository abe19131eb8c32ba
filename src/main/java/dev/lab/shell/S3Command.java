package dev.lab.shell;

import dev.lab.aws.S3Clients;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The built-in {@code aws s3} at a resolved endpoint: the subcommands the runner supports and their options, each handed
 * to {@link S3Buckets} or {@link S3Transfers}, and the errors in AWS CLI v1's words and exit codes.
 */
final class S3Command {
    private S3Command() {}

    /** Refuses, as a {@link ShellError}, a subcommand or option the runner does not support. */
    static void supported(String name, AwsArgs args) {
        switch (args.sub()) {
            case "ls" -> args.only(name, "--recursive", "--human-readable", "--summarize");
            case "rm" -> args.only(name, "--recursive", "--exclude", "--include");
            case "rb" -> args.only(name, "--force");
            case "presign" -> args.only(name, "--expires-in");
            case "cp", "mv", "sync" -> args.only(name, "--recursive", "--exclude", "--include", "--content-type", "--metadata", "--acl",
                    "--no-guess-mime-type", "--only-show-errors", "--no-progress", "--quiet");
            case "mb" -> args.only(name);
            default -> throw new ShellError(name + " s3 " + args.sub() + " is not supported by the lab's runner (supported: mb, rb, ls, cp, mv, rm, sync, presign)");
        }
    }

    static int run(String name, AwsArgs args, List<String> argv, Workspace workspace, String endpoint, Io io) {
        supported(name, args);
        S3Client s3 = S3Clients.forEndpoint(URI.create(endpoint));
        var rest = args.paths();
        String sub = args.sub();
        try {
            switch (sub) {
                case "mb" -> S3Buckets.mb(s3, bucket(name, rest), io);
                case "rb" -> S3Buckets.rb(s3, bucket(name, rest), args.has("--force"), io);
                case "ls" -> {
                    if (!rest.isEmpty() && !rest.get(0).equals("s3://")) uri(sub, rest.get(0));
                    S3Buckets.ls(s3, args, io);
                }
                case "rm" -> {
                    uri(sub, rest.get(0));
                    S3Buckets.rm(s3, args, S3Filters.of(argv), io);
                }
                case "presign" -> {
                    uri(sub, rest.get(0));
                    S3Buckets.presign(endpoint, args, io);
                }
                case "cp", "mv", "sync" -> {
                    for (String p : rest) if (p.startsWith("s3://")) uri(sub, p);
                    return new S3Transfers(name, workspace, s3, args, argv).run(quiet(args, io));
                }
                default -> throw new ShellError(name + " s3 " + sub + " is not supported by the lab's runner (supported: mb, rb, ls, cp, mv, rm, sync, presign)");
            }
            return 0;
        } catch (Refused e) {
            return e.report(io);
        } catch (SdkServiceException e) {
            if (sub.equals("mb") || sub.equals("rb")) {
                io.err().accept((sub.equals("mb") ? "make_bucket" : "remove_bucket") + " failed: " + rest.get(0)
                        + " An error occurred (" + S3Clients.errorCode(e) + ") when calling the " + operation(sub, rest)
                        + " operation: " + AwsCommand.message(e));
                return 1;
            }
            io.err().accept("");
            io.err().accept("An error occurred (" + S3Clients.errorCode(e) + ") when calling the " + operation(sub, rest)
                    + " operation: " + AwsCommand.message(e));
            return 255;
        } catch (SdkClientException e) {
            io.err().accept(AwsCommand.clientError(e, endpoint));
            return 255;
        }
    }

    // --quiet and --only-show-errors keep the transfer lines off stdout; errors still show.
    private static Io quiet(AwsArgs args, Io io) {
        return args.has("--quiet") || args.has("--only-show-errors") ? new Io(line -> { }, args.has("--quiet") ? line -> { } : io.err()) : io;
    }

    private static String bucket(String name, List<String> rest) {
        if (rest.size() != 1) throw new ShellError(name + " s3: one s3://bucket URI is required");
        return uri("s3", rest.get(0)).bucket();
    }

    private static S3Uri uri(String sub, String uri) {
        return S3Uri.parse(sub, uri);
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
