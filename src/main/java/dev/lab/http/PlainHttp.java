package dev.lab.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One unsigned HTTP request, as curl sends it, over {@link HttpURLConnection}. Not the JDK's
 * {@code java.net.http.HttpClient}: on Java 17 it cannot be closed, and its selector thread, still
 * in native code, holds the JVM's exit back by about a third of a second.
 */
public final class PlainHttp {
    /** Status, body (the error body for 4xx/5xx; empty for HEAD) and headers. */
    public record Response(int status, String body, java.util.Map<String, java.util.List<String>> headers) {
        /** The values of a header, its name compared without case as HTTP does; empty when absent. */
        public java.util.List<String> header(String name) {
            for (var e : headers.entrySet()) if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) return e.getValue();
            return java.util.List.of();
        }
    }

    private PlainHttp() {
    }

    public static Response send(String method, URI url, Duration connectTimeout, Duration timeout) throws IOException {
        return send(method, url, java.util.Map.of(), "", connectTimeout, timeout);
    }

    /** A request with these headers and, for PUT and POST, this body (UTF-8). */
    public static Response send(String method, URI url, java.util.Map<String, String> headers, String body,
                                Duration connectTimeout, Duration timeout) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        try {
            c.setRequestMethod(method);
            c.setConnectTimeout((int) connectTimeout.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            headers.forEach(c::setRequestProperty);
            if (method.equals("PUT") || method.equals("POST")) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(bytes.length);
                try (var out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (in != null) in.close();
            return new Response(status, answer, c.getHeaderFields());
        } finally {
            c.disconnect();
        }
    }
}
