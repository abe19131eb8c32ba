package dev.lab.shell;

import dev.lab.aws.S3Clients;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The built-in {@code awslocal} and {@code aws --endpoint-url …}: resolves the endpoint and hands
 * {@code s3api} to {@link S3Api}, {@code s3} to {@link S3Buckets} and {@link S3Transfers}, printing
 * what AWS CLI v1 prints. {@code aws} without an endpoint is refused: it would call real AWS.
 */
final class AwsCommand {
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

    /**
     * Checks a command line without running it: what the CLI refuses, and what the runner does not
     * support, as {@link Refused} or {@link ShellError}.
     */
    static void lint(List<String> argv) throws Refused {
        if ("s3api".equals(AwsArgs.service(argv))) S3Api.parse(argv);
        else supported(argv.get(0), AwsArgs.parse(argv));
    }

    private static void supported(String name, AwsArgs args) {
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
                io.err().accept(clientError(e, endpointOf(argv)));
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
                        + " operation: " + message(e));
                return 1;
            }
            io.err().accept("");
            io.err().accept("An error occurred (" + S3Clients.errorCode(e) + ") when calling the " + operation(sub, rest)
                    + " operation: " + message(e));
            return 255;
        } catch (SdkClientException e) {
            io.err().accept(clientError(e, endpoint));
            return 255;
        }
    }

    // --quiet and --only-show-errors keep the transfer lines off stdout; errors still show.
    private static Io quiet(AwsArgs args, Io io) {
        return args.has("--quiet") || args.has("--only-show-errors") ? new Io(line -> { }, args.has("--quiet") ? line -> { } : io.err()) : io;
    }

    private String endpointOf(List<String> argv) {
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

    /** The AWS CLI's wording for a request that got no answer. */
    private static String clientError(SdkClientException e, String endpoint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) return "Could not connect to the endpoint URL: \"" + endpoint + "/\"";
            if (t instanceof java.net.SocketTimeoutException) return "Read timeout on endpoint URL: \"" + endpoint + "/\"";
        }
        return "Connection was closed before we received a valid response from endpoint URL: \"" + endpoint + "/\" ("
                + e.getMessage() + ")";
    }

    static String message(SdkServiceException e) {
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
