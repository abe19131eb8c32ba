package dev.lab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK response as botocore hands it to the AWS CLI: the service model's member names in model
 * order, members the answer lacked left out, timestamps as the wire had them (CLI v1 prints them
 * unparsed: RFC 1123 in headers, ISO 8601 in XML bodies).
 */
final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter HEADER_TIME = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private SdkJson() {
    }

    static ObjectNode of(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) continue;
            // A flattened XML list with no member is no element at all, which botocore leaves out.
            ListTrait list = field.getTrait(ListTrait.class);
            if (list != null && list.isFlattened() && value instanceof List<?> l && l.isEmpty()) continue;
            out.set(field.memberName(), value(value, field.location() == MarshallLocation.HEADER));
        }
        return out;
    }

    private static JsonNode value(Object value, boolean header) {
        if (value instanceof SdkPojo p) return of(p);
        if (value instanceof String s) return NODES.textNode(s);
        if (value instanceof Boolean b) return NODES.booleanNode(b);
        if (value instanceof Integer i) return NODES.numberNode(i);
        if (value instanceof Long l) return NODES.numberNode(l);
        if (value instanceof Instant t) {
            t = t.truncatedTo(ChronoUnit.SECONDS);
            // RFC 1123 pads the day of month, as HTTP dates do.
            return NODES.textNode(header ? HEADER_TIME.format(t).replaceFirst(", (\\d) ", ", 0$1 ") : DateTimeFormatter.ISO_INSTANT.format(t));
        }
        if (value instanceof SdkBytes b) return NODES.textNode(b.asUtf8String());
        if (value instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(e -> a.add(value(e, header)));
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), value(v, header)));
            return o;
        }
        return NODES.textNode(String.valueOf(value));
    }
}
