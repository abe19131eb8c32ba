package dev.lab.classroom;

import java.net.URI;

/**
 * The board's two addresses: the join URL learners get ({@code http://HOST:PORT/join/CODE}) and the
 * instructor's ({@code http://HOST:PORT/board?token=TOKEN}).
 */
public record ClassUrl(URI base, String secret) {
    /** The join URL's board and class code; anything else is an error saying what a join URL looks like. */
    public static ClassUrl join(String url) {
        URI u = parse(url);
        String path = u.getPath() == null ? "" : u.getPath();
        if (!path.matches("/join/[A-Za-z0-9-]{4,64}/?")) {
            throw new IllegalArgumentException("--class must be the join URL the board printed (http://HOST:PORT/join/CODE), not " + url);
        }
        return new ClassUrl(root(u), path.replaceAll("/$", "").substring("/join/".length()));
    }

    /** The instructor URL's board and token; {@code token} (from {@code --token}) wins over the one in the URL. */
    public static ClassUrl instructor(String url, String token) {
        URI u = parse(url);
        String t = token;
        if (t == null && u.getQuery() != null) {
            for (String kv : u.getQuery().split("&")) if (kv.startsWith("token=")) t = kv.substring(6);
        }
        if (t == null || t.isEmpty()) throw new IllegalArgumentException("no instructor token: use the URL `lab class serve` printed, or --token");
        return new ClassUrl(root(u), t);
    }

    private static URI parse(String url) {
        try {
            URI u = URI.create(url);
            if (!"http".equals(u.getScheme()) || u.getHost() == null) throw new IllegalArgumentException("not an http URL");
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad class URL " + url + ": " + e.getMessage());
        }
    }

    private static URI root(URI u) {
        return URI.create("http://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""));
    }
}
