package dev.lab.emulator;

import dev.lab.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests for a service the emulator does not answer: LocalStack's HTTP 501 {@code InternalFailure},
 * in the protocol the client speaks. Outside {@code SERVICES} the message is LocalStack's own; inside
 * it (or with SERVICES unset) the message adds that the embedded engine provides S3 only, so the
 * learner reading the CLI's error line knows to try {@code --engine docker}.
 */
final class OtherServices {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/]+/([^/]+)/aws4_request");
    private static final Pattern QUERY_CREDENTIAL = Pattern.compile("X-Amz-Credential=[^&]*?(?:/|%2F)\\d{8}(?:/|%2F)[^/%]+(?:/|%2F)([^/%&]+)(?:/|%2F)aws4_request");
    /** Signing names that differ from the service names in the health document. */
    private static final Map<String, String> SIGNING_NAMES = Map.of("monitoring", "cloudwatch", "email", "ses",
            "states", "stepfunctions", "execute-api", "apigateway", "elasticmapreduce", "emr", "tagging",
            "resourcegroupstaggingapi");

    private OtherServices() {
    }

    /** The service a request is signed for; unsigned requests (curl) are S3's, as on LocalStack. */
    static String target(HttpServletRequest request) {
        Matcher m = CREDENTIAL.matcher(String.valueOf(request.getHeader("Authorization")));
        if (!m.find()) {
            m = QUERY_CREDENTIAL.matcher(String.valueOf(request.getQueryString()));
            if (!m.find()) return ServiceHealth.PROVIDED;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        return SIGNING_NAMES.getOrDefault(name, name);
    }

    /** The message of the 501 for {@code service}. */
    static String message(String service, boolean enabled) {
        String own = "Service '" + service + "' is not enabled. Please check your 'SERVICES' configuration variable.";
        return enabled ? "Service '" + service + "' is not enabled. lab's embedded engine provides S3 only;"
                + " run the lab with --engine docker for " + service + "." : own;
    }

    /** Answers the 501 in the request's protocol: S3's XML, the query protocol's XML, or JSON. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, String service, String message)
            throws IOException {
        String type = String.valueOf(request.getContentType());
        String requestId = UUID.randomUUID().toString();
        String body;
        if (service.equals(ServiceHealth.PROVIDED)) {
            response.setContentType("application/xml");
            body = "<?xml version='1.0' encoding='utf-8'?>\n<Error><Code>InternalFailure</Code><Message>" + escape(message)
                    + "</Message><RequestId>" + requestId + "</RequestId></Error>";
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            response.setContentType("text/xml");
            body = "<ErrorResponse><Error><Code>InternalFailure</Code><Message>" + escape(message)
                    + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        } else {
            response.setContentType(type.startsWith("application/x-amz-json") ? type : "application/json");
            response.setHeader("x-amzn-errortype", "InternalFailure");
            body = "{\"__type\": \"InternalFailure\", \"message\": " + Json.string(message) + "}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(501);
        response.setHeader("x-amzn-requestid", requestId);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
