package dev.lab.app;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough {@code multipart/form-data} parsing to read one file part. */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private Multipart() {}

    /** A file part: its file name, content type and bytes. */
    record Part(String filename, String contentType, byte[] data) {}

    /** The part named {@code field}, or null when the body has none. */
    static Part filePart(String contentType, byte[] body, String field) {
        if (contentType == null) return null;
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) return null;
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int headersStart = pos + delimiter.length + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) return null;
            int next = indexOf(body, delimiter, headersEnd);
            if (next < 0) return null;
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            Matcher name = NAME.matcher(headers);
            if (name.find() && name.group(1).equals(field)) {
                Matcher file = FILENAME.matcher(headers);
                String filename = file.find() ? file.group(1) : "upload";
                String type = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                        .map(l -> l.substring(13).trim()).findFirst().orElse("application/octet-stream");
                return new Part(filename, type, Arrays.copyOfRange(body, headersEnd + 4, next - 2));
            }
            pos = next;
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (data[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
