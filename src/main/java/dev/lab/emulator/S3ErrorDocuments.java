package dev.lab.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Brings S3Proxy's error documents in line with LocalStack's. S3Proxy already
 * omits the xmlns and uses the same codes and messages, but leaves out the
 * element naming what was missing: LocalStack adds {@code <BucketName>} to
 * {@code NoSuchBucket} and {@code <Key>} to {@code NoSuchKey}, right after
 * {@code <Message>}.
 */
final class S3ErrorDocuments {
    /** Added to S3Proxy's {@code NotImplemented} message. */
    static final String LACKS = " The lab's embedded engine lacks this; run the lab with --engine docker, where LocalStack has it.";

    private S3ErrorDocuments() {
    }

    /**
     * Adds the missing element to {@code xml} for a path-style request to
     * {@code rawPath} (still percent-encoded); other documents pass unchanged.
     */
    static String enrich(String xml, String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = path.indexOf('/');
        String bucket = decode(slash < 0 ? path : path.substring(0, slash));
        String key = slash < 0 ? "" : decode(path.substring(slash + 1));
        if (xml.contains("<Code>NoSuchBucket</Code>") && !xml.contains("<BucketName>")) {
            return insertAfterMessage(xml, "BucketName", bucket);
        }
        if (xml.contains("<Code>NoSuchKey</Code>") && !xml.contains("<Key>")) {
            return insertAfterMessage(xml, "Key", key);
        }
        if (xml.contains("<Code>NotImplemented</Code>") && !xml.contains(LACKS)) {
            // LocalStack implements these (versioning, tagging); say where they are, in the line the CLI prints.
            return xml.replace("</Message>", LACKS + "</Message>");
        }
        return xml;
    }

    private static String insertAfterMessage(String xml, String element, String value) {
        String anchor = "</Message>";
        int at = xml.indexOf(anchor);
        if (at < 0) {
            return xml;
        }
        at += anchor.length();
        return xml.substring(0, at) + "<" + element + ">" + escape(value)
                + "</" + element + ">" + xml.substring(at);
    }

    /** Percent-decoding of a path segment, where {@code +} is a literal plus. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
