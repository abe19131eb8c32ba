package dev.lab.shell;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code curl} for loopback URLs: GET/HEAD/POST, {@code -f}, {@code -s}, {@code -i}, {@code -o},
 * {@code -X}, {@code -H}, {@code -F name=@file}, {@code -w '%{http_code}'}, with curl's exit codes
 * (7 refused, 22 HTTP error with {@code -f}).
 */
final class CurlCommand implements Command {
    /** Built on first use: creating an HttpClient sets up TLS, which start-up should not pay for. */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }
    private final Workspace workspace;

    CurlCommand(Workspace workspace) { this.workspace = workspace; }

    @Override
    public int run(List<String> argv, Io io) throws InterruptedException {
        var o = CurlOptions.parse(argv);
        URI uri = URI.create(o.url.contains("://") ? o.url : "http://" + o.url);
        if (!loopback(uri.getHost())) {
            throw new ShellError("curl " + o.url + ": the runner only sends requests to this machine (localhost, 127.0.0.1)");
        }
        var req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        o.headers.forEach(h -> req.header(h.substring(0, h.indexOf(':')).trim(), h.substring(h.indexOf(':') + 1).trim()));
        if (!o.form.isEmpty()) {
            var form = Form.build(o.form, workspace);
            req.header("Content-Type", form.contentType()).method(o.method == null ? "POST" : o.method, HttpRequest.BodyPublishers.ofByteArray(form.body()));
        } else if (o.head) {
            req.method("HEAD", HttpRequest.BodyPublishers.noBody());
        } else {
            req.method(o.method == null ? "GET" : o.method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> resp;
        try {
            resp = Http.CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            io.err().accept("curl: (7) Failed to connect to " + uri.getHost() + " port " + port(uri) + " after 0 ms: Couldn't connect to server");
            return 7;
        } catch (IOException e) {
            io.err().accept("curl: (56) Recv failure: " + e.getMessage());
            return 56;
        }
        if (o.include || o.head) {
            io.out().accept("HTTP/1.1 " + resp.statusCode());
            resp.headers().map().forEach((k, v) -> io.out().accept(k + ": " + String.join(", ", v)));
            io.out().accept("");
        }
        if (o.fail && resp.statusCode() >= 400) {
            if (!o.silent || o.showError) io.err().accept("curl: (22) The requested URL returned error: " + resp.statusCode());
            return 22;
        }
        if (o.output != null) {
            if (!o.output.equals("/dev/null")) {
                try {
                    Files.write(workspace.resolve("curl", o.output), resp.body());
                } catch (IOException e) {
                    io.err().accept("curl: (23) Failure writing output to destination: " + e.getMessage());
                    return 23;
                }
            }
        } else if (!o.head) {
            printBody(resp, io);
        }
        if (o.writeOut != null) io.out().accept(o.writeOut.replace("%{http_code}", String.valueOf(resp.statusCode())).replace("\\n", ""));
        return 0;
    }

    private static void printBody(HttpResponse<byte[]> resp, Io io) {
        byte[] body = resp.body();
        String type = resp.headers().firstValue("Content-Type").orElse("");
        boolean text = type.startsWith("text") || type.contains("json") || type.contains("xml") || isText(body);
        if (!text) {
            io.out().accept("<binary body: " + body.length + " bytes, " + (type.isEmpty() ? "unknown type" : type) + "; use -o FILE to save it>");
            return;
        }
        new String(body, StandardCharsets.UTF_8).lines().forEach(io.out());
    }

    private static boolean isText(byte[] body) {
        for (int i = 0; i < Math.min(body.length, 512); i++) if (body[i] == 0) return false;
        return new String(body, StandardCharsets.UTF_8).chars().noneMatch(c -> c == 0xFFFD);
    }

    private static int port(URI uri) { return uri.getPort() > 0 ? uri.getPort() : 80; }

    private static boolean loopback(String host) {
        if (host == null) return false;
        if (host.equals("localhost")) return true;
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress()
                    && host.matches("[0-9.:\\[\\]a-fA-F]+");
        } catch (IOException e) {
            return false;
        }
    }

    /** The parsed command line. */
    static final class CurlOptions {
        String url;
        String method;
        String output;
        String writeOut;
        boolean fail, silent, showError, include, head;
        final List<String> headers = new ArrayList<>();
        final List<String> form = new ArrayList<>();

        static CurlOptions parse(List<String> argv) {
            var o = new CurlOptions();
            for (int i = 1; i < argv.size(); i++) {
                String a = argv.get(i);
                switch (a) {
                    case "-X", "--request" -> o.method = arg(argv, ++i, a);
                    case "-o", "--output" -> o.output = arg(argv, ++i, a);
                    case "-w", "--write-out" -> o.writeOut = arg(argv, ++i, a);
                    case "-H", "--header" -> o.headers.add(arg(argv, ++i, a));
                    case "-F", "--form" -> o.form.add(arg(argv, ++i, a));
                    case "--fail" -> o.fail = true;
                    case "--silent" -> o.silent = true;
                    case "--show-error" -> o.showError = true;
                    case "--include" -> o.include = true;
                    case "--head" -> o.head = true;
                    case "--location" -> { }
                    default -> {
                        if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1) flags(o, a);
                        else if (a.startsWith("--")) throw new ShellError("curl: option " + a + " is not supported");
                        else if (o.url != null) throw new ShellError("curl: one URL per command, got " + o.url + " and " + a);
                        else o.url = a;
                    }
                }
            }
            if (o.url == null) throw new ShellError("curl: no URL specified");
            return o;
        }

        private static void flags(CurlOptions o, String a) {
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'f' -> o.fail = true;
                    case 's' -> o.silent = true;
                    case 'S' -> o.showError = true;
                    case 'i' -> o.include = true;
                    case 'I' -> o.head = true;
                    case 'L' -> { }
                    default -> throw new ShellError("curl: option -" + c + " is not supported");
                }
            }
        }

        private static String arg(List<String> argv, int i, String opt) {
            if (i >= argv.size()) throw new ShellError("curl: option " + opt + " needs an argument");
            return argv.get(i);
        }
    }

    /** A multipart/form-data body from {@code -F} arguments. */
    record Form(String contentType, byte[] body) {
        static Form build(List<String> fields, Workspace workspace) {
            String boundary = "------------------------lab" + Long.toHexString(System.nanoTime());
            var out = new java.io.ByteArrayOutputStream();
            try {
                for (String f : fields) {
                    int eq = f.indexOf('=');
                    if (eq < 0) throw new ShellError("curl: -F expects name=value or name=@file, got " + f);
                    String name = f.substring(0, eq);
                    String value = f.substring(eq + 1);
                    out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                    if (value.startsWith("@")) {
                        Path file = workspace.resolve("curl", value.substring(1));
                        if (!Files.isRegularFile(file)) throw new ShellError("curl: (26) Failed to open/read local data from file/application: " + value.substring(1));
                        String type = Files.probeContentType(file);
                        out.write(("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file.getFileName()
                                + "\"\r\nContent-Type: " + (type == null ? "application/octet-stream" : type) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                        out.write(Files.readAllBytes(file));
                    } else {
                        out.write(("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value).getBytes(StandardCharsets.UTF_8));
                    }
                    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                }
                out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ShellError("curl: cannot read form data: " + e.getMessage());
            }
            return new Form("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }
}
