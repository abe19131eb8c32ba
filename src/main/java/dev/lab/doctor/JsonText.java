package dev.lab.doctor;

/** Just enough JSON writing for doctor's reports: quoted strings with the escapes JSON requires. */
final class JsonText {
    private JsonText() {}

    static String string(String value) {
        if (value == null) return "null";
        var out = new StringBuilder(value.length() + 2).append('"');
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return out.append('"').toString();
    }
}
