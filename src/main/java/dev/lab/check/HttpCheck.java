package dev.lab.check;

import dev.lab.http.PlainHttp;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code http [METHOD] <url> status <code> [code <S3ErrorCode>]}: a plain, unsigned request, as curl sends it. */
record HttpCheck(String text, String method, URI url, int status, String errorCode) implements Check {
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");

    static HttpCheck parse(String text, List<String> w) {
        int i = 1;
        String method = "GET";
        if (w.get(1).matches("GET|HEAD|POST|PUT|DELETE")) method = w.get(i++);
        URI url = URI.create(w.get(i++));
        String host = url.getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127."))) {
            throw new CheckSyntaxException("http checks only go to localhost or 127.0.0.1, not " + url);
        }
        if (!w.get(i++).equals("status")) throw new CheckSyntaxException("expected 'status <code>' in check `" + text + "`");
        int status = Integer.parseInt(w.get(i++));
        String code = w.size() > i + 1 && w.get(i).equals("code") ? w.get(i + 1) : null;
        return new HttpCheck(text, method, url, status, code);
    }

    @Override
    public CheckResult evaluate(Probes probes) {
        String expected = status + (errorCode == null ? "" : " " + errorCode);
        try {
            PlainHttp.Response resp = PlainHttp.send(method, url, Duration.ofSeconds(2), Duration.ofSeconds(10));
            Matcher m = CODE.matcher(resp.body());
            String code = m.find() ? m.group(1) : null;
            String actual = resp.status() + (errorCode == null ? "" : " " + code);
            String body = resp.body().length() > 120 ? resp.body().substring(0, 120) + "…" : resp.body();
            return CheckResult.of(text, expected, actual, actual.equals(expected),
                    method + " " + url + " → " + resp.status() + (body.isBlank() || !body.isBlank() && !isText(body) ? "" : " " + body.strip().replace('\n', ' ')));
        } catch (IOException e) {
            return CheckResult.of(text, expected, "connection refused", false, method + " " + url + " → " + e.getClass().getSimpleName());
        }
    }

    private static boolean isText(String body) {
        return body.chars().noneMatch(c -> c == 0 || c == 0xFFFD);
    }
}
