package dev.lab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lab.aws.S3Clients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code aws s3api <operation>}: runs one {@link S3ApiOperations} call and prints the response as
 * the AWS CLI v1 does, list-objects-v2's merged pages included; a service error is the CLI's
 * {@code An error occurred (Code) when calling the Op operation: …} with status 255.
 */
final class S3Api {
    private final Workspace workspace;

    S3Api(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Parses {@code argv}; the endpoint is resolved by the caller once the line is known to be well formed. */
    static S3ApiArgs parse(List<String> argv) throws Refused {
        S3ApiArgs args = S3ApiArgs.parse(argv, S3ApiOperations.parameters());
        args.require(S3ApiOperations.ALL.get(args.operation()).required());
        boolean outfile = args.operation().equals("get-object");
        if (outfile && args.positionals().isEmpty()) throw AwsArgs.usage("the following arguments are required: outfile");
        args.noneUnknown();
        return args;
    }

    int run(String name, S3ApiArgs args, S3Client s3, Io io) throws Refused {
        CliOutput output = CliOutput.of(args.globals().get("--output"), args.globals().get("--query"));
        S3ApiOperations.Op op = S3ApiOperations.ALL.get(args.operation());
        Path outfile = args.positionals().isEmpty() ? null : workspace.resolve(name, args.positionals().get(0));
        Path body = args.param("body") == null ? null : workspace.resolve(name, args.param("body"));
        if (body != null && !Files.isRegularFile(body)) {
            io.err().accept("");
            io.err().accept("Error parsing parameter '--body': Blob values must be a path to a file.");
            return 255;
        }
        ObjectNode response;
        try {
            if (outfile != null) Files.deleteIfExists(outfile);
            response = SdkJson.of(op.call().run(s3, new S3ApiOperations.Params(args, outfile, body)));
        } catch (SdkServiceException e) {
            // A HEAD answer has no body: botocore shows the status and its reason; the SDK would invent a code.
            boolean head = op.api().startsWith("Head");
            String code = head ? String.valueOf(e.statusCode()) : e instanceof software.amazon.awssdk.services.s3.model.S3Exception x && x.awsErrorDetails() != null
                    && x.awsErrorDetails().errorCode() != null ? x.awsErrorDetails().errorCode() : String.valueOf(e.statusCode());
            var details = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException x ? x.awsErrorDetails() : null;
            String message = !head && details != null && details.errorMessage() != null ? details.errorMessage() : reason(e.statusCode());
            io.err().accept("");
            io.err().accept("An error occurred (" + code + ") when calling the " + op.api() + " operation: " + message);
            return 255;
        } catch (java.io.IOException e) {
            io.err().accept("[Errno 2] " + e.getMessage());
            return 255;
        }
        // botocore fills the one member of GetBucketLocation's answer even when the body has none.
        if (op.api().equals("GetBucketLocation") && response.path("LocationConstraint").asText("").isEmpty()) {
            response.putNull("LocationConstraint");
        }
        if (op.api().equals("ListObjectsV2") && args.param("max-keys") == null && args.param("continuation-token") == null
                && !args.globals().containsKey("--no-paginate")) {
            response = merged(response, output.text());
        }
        if (output.text() && output.query() != null) {
            CliOutput.text(output.query().search(response), null, null, io.out());
        } else {
            output.print(op.api(), response, io.out());
        }
        return 0;
    }

    /**
     * What the CLI prints for a paginated ListObjectsV2: the result keys, then the non-aggregate
     * keys (RequestCharged, Prefix); the text format sees one page with every key, null when absent.
     */
    private static ObjectNode merged(ObjectNode page, boolean text) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (text) {
            out.set("RequestCharged", page.path("RequestCharged").isMissingNode() ? NullNode.instance : page.get("RequestCharged"));
            out.set("Prefix", page.has("Prefix") ? page.get("Prefix") : NullNode.instance);
            for (String key : List.of("Contents", "CommonPrefixes")) {
                out.set(key, page.has(key) && !page.get(key).isEmpty() ? page.get(key) : NullNode.instance);
            }
            return out;
        }
        for (String key : List.of("Contents", "CommonPrefixes")) if (page.has(key) && !page.get(key).isEmpty()) out.set(key, page.get(key));
        out.set("RequestCharged", page.has("RequestCharged") ? page.get("RequestCharged") : NullNode.instance);
        out.set("Prefix", page.has("Prefix") ? page.get("Prefix") : NullNode.instance);
        return out;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 501 -> "Not Implemented";
            default -> String.valueOf(status);
        };
    }

}
