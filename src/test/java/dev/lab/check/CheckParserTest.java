package dev.lab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckParserTest {
    @TempDir Path ws;

    @ParameterizedTest
    @ValueSource(strings = {
        "bucket b exists", "bucket b missing", "object b/k.jpg exists", "object b/*-x.jpg missing",
        "object b/k sha256 = f.jpg", "objects b count = 2", "http GET http://localhost:4566/b/k status 404 code NoSuchKey",
        "http http://127.0.0.1:4566/_localstack/health status 200", "container localstack running",
        "container localstack exited exit 1", "volume localstack-data missing", "mount localstack /var/lib/localstack bind",
        "path localstack_data not-empty", "log blog-service contains \"Created S3 bucket 'b'\"", "output lacks \"error\"",
        "bucket b versioning enabled", "object b/k.txt metadata owner = kim", "object b/k.txt metadata owner matches /^k/",
        "object b/k.txt content-type = text/plain", "object b/k.txt size = 5", "objects b/img/ count = 0",
        "http http://localhost:4566/_localstack/init/ready json completed = true",
        "http GET http://localhost:4566/_localstack/init json scripts[?name=='ready.sh'].state | [0] = SUCCESSFUL",
        "http HEAD http://localhost:4566/b/k header Content-Type contains \"text\"",
        "container localstack health healthy", "command \"aws s3api head-bucket --bucket b\" exit 254",
        "file data/x.txt mode = 0600", "file data/x.txt owner = 1000:1000", "file data/x.txt matches /^ok$/",
        "file data/x.txt lacks \"secret\"", "log localstack matches /Ready\\.$/", "output matches /^2\\d\\d$/"})
    void parsesEveryForm(String line) {
        assertEquals(line, CheckParser.parse(line).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bucket b present", "teapot b", "object nokey exists", "http GET http://example.com/ status 200",
        "log x contains unquoted", "objects b count 2", "container",
        "bucket b versioning on", "object b/k size = big", "object b/k size matches /1/", "object b/k metadata owner",
        "objects b/p count = 1 2", "http GET http://localhost/ json a.[ = 1", "http GET http://localhost/ header X-A",
        "container c health sick", "command aws s3 ls exit 0", "command \"true\" exit", "file f mode = rw-r--r--",
        "file f mode = 0999", "file f owner kim", "file f matches /(/", "output matches nope", "log c equals \"x\""})
    void rejectsBadLinesWithTheLineInTheMessage(String line) {
        var e = assertThrows(CheckSyntaxException.class, () -> CheckParser.parse(line));
        assertTrue(e.getMessage().contains(line) || e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void hostChecksLookAtTheWorkspaceAndTheOutput() throws Exception {
        Files.createDirectories(ws.resolve("empty"));
        Files.createDirectories(ws.resolve("full/state"));
        var probes = new Probes(() -> URI.create("http://127.0.0.1:1"), null, null, ws, () -> List.of("make_bucket: b", "404"));
        assertTrue(CheckParser.parse("path empty empty").evaluate(probes).passed());
        assertTrue(CheckParser.parse("path full not-empty").evaluate(probes).passed());
        var missing = CheckParser.parse("path nothing exists").evaluate(probes);
        assertFalse(missing.passed());
        assertEquals("missing", missing.actual());
        assertTrue(CheckParser.parse("output contains \"404\"").evaluate(probes).passed());
        var lacks = CheckParser.parse("output lacks \"make_bucket\"").evaluate(probes);
        assertFalse(lacks.passed());
        assertEquals("make_bucket: b", lacks.evidence());
    }

    @Test
    void s3ChecksAgainstADeadEndpointFailWithEvidenceInsteadOfThrowing() {
        var probes = new Probes(() -> URI.create("http://127.0.0.1:1"), null, null, ws, List::of);
        var r = CheckParser.parse("bucket b exists").evaluate(probes);
        assertFalse(r.passed());
        assertEquals("exists", r.expected());
        assertEquals("S3 endpoint unreachable", r.actual());
        var h = CheckParser.parse("http GET http://127.0.0.1:1/b status 200").evaluate(probes);
        assertFalse(h.passed());
        assertEquals("connection refused", h.actual());
    }
}
