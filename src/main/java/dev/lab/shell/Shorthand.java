package dev.lab.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A structured parameter as the AWS CLI takes it: JSON ({@code {"Status": "Enabled"}}) or its
 * shorthand ({@code Status=Enabled}, {@code TagSet=[{Key=a,Value=b}]}, {@code k=v,x=y}).
 */
final class Shorthand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String option;
    private final String text;
    private int at;

    private Shorthand(String option, String text) {
        this.option = option;
        this.text = text;
    }

    /** @throws Refused with the CLI's wording when the value is neither */
    static JsonNode parse(String option, String value) throws Refused {
        String v = value.strip();
        try {
            if (v.startsWith("{") || v.startsWith("[")) return JSON.readTree(v);
        } catch (JsonProcessingException e) {
            throw bad(option, "Invalid JSON: " + e.getOriginalMessage());
        }
        Shorthand p = new Shorthand(option, v);
        ObjectNode out = p.pairs('\0');
        if (p.at != v.length()) throw bad(option, "Expected: ',', received: '" + v.charAt(p.at) + "' for input:\n" + v);
        return out;
    }

    private ObjectNode pairs(char end) throws Refused {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        while (at < text.length() && text.charAt(at) != end) {
            int eq = text.indexOf('=', at);
            if (eq < 0) throw bad(option, "Expected: '=', received: 'EOF' for input:\n" + text);
            String key = text.substring(at, eq).strip();
            at = eq + 1;
            o.set(key, value());
            if (at < text.length() && text.charAt(at) == ',') at++;
        }
        return o;
    }

    private JsonNode value() throws Refused {
        if (at < text.length() && text.charAt(at) == '[') {
            at++;
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            while (at < text.length() && text.charAt(at) != ']') {
                a.add(value());
                if (at < text.length() && text.charAt(at) == ',') at++;
            }
            at++;
            return a;
        }
        if (at < text.length() && text.charAt(at) == '{') {
            at++;
            ObjectNode o = pairs('}');
            at++;
            return o;
        }
        int start = at;
        while (at < text.length() && !List.of(',', ']', '}').contains(text.charAt(at))) at++;
        return JsonNodeFactory.instance.textNode(text.substring(start, at).strip());
    }

    private static Refused bad(String option, String why) {
        return new Refused(List.of("", "Error parsing parameter '" + option + "': " + why), 255);
    }
}
