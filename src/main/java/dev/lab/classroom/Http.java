package dev.lab.classroom;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The few HTTP chores of the board's handlers: bounded bodies, query strings, answers. */
final class Http {
    private Http() {}

    /** A request the board refuses with {@code status}. */
    static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static final long DRAIN = 1 << 20;

    /** The body, at most {@code max} bytes, or a 413 refusal. */
    static byte[] body(HttpExchange ex, int max) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        boolean huge = length != null && length.matches("\\d{1,12}") && Long.parseLong(length) > DRAIN;
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = huge ? new byte[max + 1] : in.readNBytes(max + 1);
            if (b.length > max) {
                // Read a moderate excess away so the client sees the 413 instead of a reset; a huge one just gets closed.
                if (!huge) drain(in);
                ex.getResponseHeaders().set("Connection", "close");
                throw new Refusal(413, "body over " + max + " bytes");
            }
            return b;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        long left = DRAIN;
        for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) left -= n;
    }

    static Map<String, String> query(HttpExchange ex) {
        var out = new HashMap<String, String>();
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) return out;
        for (String kv : q.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) out.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The bearer token of the request, or its {@code token} query parameter. */
    static String token(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) return auth.substring(7).trim();
        return query(ex).get("token");
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
        ex.close();
    }

    static void text(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
