package dev.lab.json;

import java.util.Map;

/**
 * Just enough JSON writing for the {@code /_localstack} documents and lab's reports. Output uses
 * Python's default separators ({@code ", "} and {@code ": "}) because that is what LocalStack's
 * own endpoints send, and people grep for it.
 */
public final class Json {
    private Json() {
    }

    /** A JSON string, or {@code null} for a null value. */
    public static String string(String value) {
        if (value == null) return "null";
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** An object whose values are already rendered JSON, in the map's order. */
    public static String object(Map<String, String> renderedValues) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> e : renderedValues.entrySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(string(e.getKey())).append(": ").append(e.getValue());
        }
        return out.append('}').toString();
    }

    /** An array of already rendered JSON values. */
    public static String array(Iterable<String> renderedValues) {
        StringBuilder out = new StringBuilder("[");
        for (String value : renderedValues) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(value);
        }
        return out.append(']').toString();
    }
}
