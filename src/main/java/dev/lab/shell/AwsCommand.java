package dev.lab.shell;

import dev.lab.aws.S3Clients;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The built-in {@code awslocal} and {@code aws --endpoint-url …}: resolves the endpoint and hands
 * {@code s3api} to {@link S3Api} and {@code s3} to {@link S3Command}, printing
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
        if (asksVersion(argv)) return;
        if ("s3api".equals(AwsArgs.service(argv))) S3Api.parse(argv);
        else S3Command.supported(argv.get(0), AwsArgs.parse(argv));
    }

    int run(List<String> argv, Io io) {
        String name = argv.get(0);
        if (asksVersion(argv)) {
            io.out().accept(version());
            return 0;
        }
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
        return S3Command.run(name, args, argv, workspace, endpoint, io);
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

    /** The AWS CLI's wording for a request that got no answer. */
    static String clientError(SdkClientException e, String endpoint) {
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

    /** {@code --version} anywhere on the line: AWS CLI v1 then prints its version, whatever else is there. */
    private static boolean asksVersion(List<String> argv) {
        return argv.subList(1, argv.size()).contains("--version");
    }

    /**
     * The real CLI's line ({@code aws-cli/1.44.44 Python/3.13.2 Linux/6.8.0 botocore/1.42.54}) in its shape, naming
     * what answers instead: this runner, the Java and system it runs on, and the AWS SDK it calls S3 with.
     */
    static String version() {
        return "lab-builtin-aws Java/" + System.getProperty("java.version") + " " + System.getProperty("os.name") + "/"
                + System.getProperty("os.version") + " aws-sdk-java/" + software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION;
    }
}
