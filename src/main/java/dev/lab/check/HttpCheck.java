package dev.lab.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lab.http.PlainHttp;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain, unsigned request, as curl sends it, and one assertion on the answer:
 * {@code status <code> [code <S3ErrorCode>]}, {@code header <Name> <expectation>}, or
 * {@code json <JMESPath> <expectation>} on the body parsed as JSON.
 */
record HttpCheck(String text, String method, URI url, int status, String errorCode, String header,
                 String jsonPath, Expression<JsonNode> json, Expectation expectation) implements Check {
    /** Built on first use, as start-up should not pay for it (a lab with only status checks never needs them). */
    private static final class Http {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final class Json {
        static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();
    }
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern TAIL = Pattern.compile("^http\\s+(?:(GET|HEAD|POST|PUT|DELETE)\\s+)?(\\S+)\\s+(status|header|json)\\s+(.*)$");
    private static final Pattern OPERATOR = Pattern.compile("\\s(=|contains|lacks|matches)\\s");

    static HttpCheck parse(String text) {
        Matcher m = TAIL.matcher(text);
        if (!m.matches()) throw new CheckSyntaxException("expected http [METHOD] <url> status|header|json … in check `" + text + "`");
        String method = m.group(1) == null ? "GET" : m.group(1);
        URI url = URI.create(m.group(2));
        String host = url.getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127."))) {
            throw new CheckSyntaxException("http checks only go to localhost or 127.0.0.1, not " + url);
        }
        String rest = m.group(4).strip();
        if (m.group(3).equals("status")) {
            String[] w = rest.split("\\s+");
            if (w.length != 1 && !(w.length == 3 && w[1].equals("code"))) {
                throw new CheckSyntaxException("expected 'status <code> [code <S3ErrorCode>]' in check `" + text + "`");
            }
            return new HttpCheck(text, method, url, Integer.parseInt(w[0]), w.length == 3 ? w[2] : null, null, null, null, null);
        }
        Matcher op = OPERATOR.matcher(" " + rest);
        if (!op.find() || op.start() == 0) throw new CheckSyntaxException("expected <name> =|contains|lacks|matches … in check `" + text + "`");
        String subject = rest.substring(0, op.start() - 1).strip();
        Expectation e = Expectation.parse(rest.substring(op.start()), "=", "contains", "lacks", "matches");
        if (m.group(3).equals("header")) return new HttpCheck(text, method, url, 0, null, subject, null, null, e);
        try {
            return new HttpCheck(text, method, url, 0, null, null, subject, Json.JMESPATH.compile(subject), e);
        } catch (RuntimeException x) {
            throw new CheckSyntaxException("bad JMESPath '" + subject + "': " + x.getMessage());
        }
    }

    @Override
    public CheckResult evaluate(Probes probes) {
        String expected = expectation != null ? expectation.expected() : status + (errorCode == null ? "" : " " + errorCode);
        try {
            PlainHttp.Response resp = PlainHttp.send(method, url, Duration.ofSeconds(2), Duration.ofSeconds(10));
            String body = resp.body().length() > 120 ? resp.body().substring(0, 120) + "…" : resp.body();
            String evidence = method + " " + url + " → " + resp.status() + (body.isBlank() || !isText(body) ? "" : " " + body.strip().replace('\n', ' '));
            if (header != null) {
                List<String> values = resp.header(header);
                if (values.isEmpty()) return expectation.absent(text, "(no " + header + " header)", evidence + " | no " + header + " header");
                return expectation.result(text, List.of(String.join(", ", values)), evidence + " | " + header + ": " + String.join(", ", values));
            }
            if (json != null) return jsonResult(resp, expected, evidence);
            Matcher m = CODE.matcher(resp.body());
            String code = m.find() ? m.group(1) : null;
            String actual = resp.status() + (errorCode == null ? "" : " " + code);
            return CheckResult.of(text, expected, actual, actual.equals(expected), evidence);
        } catch (IOException e) {
            return CheckResult.of(text, expected, "connection refused", false, method + " " + url + " → " + e.getClass().getSimpleName());
        }
    }

    private CheckResult jsonResult(PlainHttp.Response resp, String expected, String evidence) {
        JsonNode doc;
        try {
            doc = Http.MAPPER.readTree(resp.body());
        } catch (IOException e) {
            return CheckResult.of(text, expected, "not JSON", false, evidence);
        }
        JsonNode v = doc == null ? null : json.search(doc);
        String found = v == null || v.isNull() ? "null" : v.isValueNode() ? v.asText() : v.toString();
        return expectation.result(text, List.of(found), evidence + " | " + jsonPath + " → " + found);
    }

    private static boolean isText(String body) {
        return body.chars().noneMatch(c -> c == 0 || c == 0xFFFD);
    }
}
