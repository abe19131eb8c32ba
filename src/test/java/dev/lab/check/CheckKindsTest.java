package dev.lab.check;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.aws.S3Clients;
import dev.lab.compose.ComposeParser;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import dev.lab.session.Engines;
import dev.lab.testing.Owners;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every check kind against one known state on the embedded engine: when the state matches the
 * check it holds, and when it does not (wrong bucket, key, digest, count, status, code, container
 * state, exit code, volume, mount kind, path, log line, output) it fails, and its expected,
 * actual and evidence say why. A checker that always says "passed" fails this test.
 */
class CheckKindsTest {
    private static final Owners OWNERS = Owners.ofRunner();
    @TempDir static Path tmp;
    static Engine engine;
    static Project project;
    static Probes probes;
    static int port;

    /**
     * The state: {@code localstack} running on a bind folder, {@code denied} (user 1000 on a bind folder of
     * root's, 0755) exited 1, {@code keeper} on the named volume {@code data} with the image's healthcheck turned
     * off ({@code localstack} has it: health {@code starting}), bucket {@code box} holding {@code k.txt} ("hello") and
     * {@code img/a.jpg}, bucket {@code empty}; output lines {@code make_bucket: box} and {@code 200}.
     */
    @BeforeAll
    static void state() throws Exception {
        try (var s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Path ws = Files.createDirectories(tmp.resolve("checks"));
        Files.writeString(ws.resolve("hello.txt"), "hello");
        Files.writeString(ws.resolve("other.txt"), "other");
        Files.createDirectories(ws.resolve("empty-dir"));
        OWNERS.own(Files.createDirectories(ws.resolve("denied_data")), 0, 0, 0755);
        Files.writeString(ws.resolve("docker-compose.yml"), """
                services:
                  localstack:
                    image: localstack/localstack:4.14.0
                    container_name: localstack
                    ports: ["127.0.0.1:%d:4566"]
                    volumes: ["./localstack_data:/var/lib/localstack"]
                  keeper:
                    image: localstack/localstack:4.14.0
                    container_name: keeper
                    volumes: ["data:/var/lib/localstack"]
                    healthcheck: {disable: true}
                  denied:
                    image: localstack/localstack:4.14.0
                    container_name: denied
                    user: "%s"
                    volumes: ["./denied_data:/var/lib/localstack"]
                volumes:
                  data:
                """.formatted(port, OWNERS.user("1000:1000", 0, 0)));
        project = new Project("checks", ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
        engine = Engines.open("embedded", "community-4.14", tmp.resolve("engine"));
        engine.up(project, List.of());
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        var s3 = S3Clients.forEndpoint(endpoint);
        s3.createBucket(r -> r.bucket("box"));
        s3.createBucket(r -> r.bucket("empty"));
        s3.putObject(r -> r.bucket("box").key("k.txt"), RequestBody.fromString("hello"));
        s3.putObject(r -> r.bucket("box").key("img/a.jpg").contentType("image/jpeg").metadata(java.util.Map.of("owner", "kim")),
                RequestBody.fromString("jpeg"));
        Files.writeString(ws.resolve("notes.txt"), "first line\nstatus: SUCCESSFUL\n");
        Files.setPosixFilePermissions(ws.resolve("notes.txt"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        probes = new Probes(() -> endpoint, engine, () -> project, ws, () -> List.of("make_bucket: box", "200"),
                () -> java.util.Map.of("PATH", System.getenv("PATH"), "MARK", "from-probes"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (engine != null) {
            engine.purge(project.name());
            engine.close();
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        # check                                                   | holds | expected                 | actual             | evidence contains
        bucket box exists                                           | true  | exists                   | exists             | HeadBucket box → 200
        bucket nope exists                                        | false | exists                   | missing            | HeadBucket nope → 404
        bucket nope missing                                       | true  | missing                  | missing            | HeadBucket nope → 404
        bucket box missing                                          | false | missing                  | exists             | HeadBucket box → 200
        object box/k.txt exists                                     | true  | exists                   | exists             | 2 key(s): k.txt
        object box/nope.txt exists                                  | false | exists                   | missing            | ListObjectsV2 box → 2 key(s)
        object nope/k.txt exists                                  | false | exists                   | missing            | ListObjectsV2 nope → 0 key(s)
        object box/img/*.jpg exists                                 | true  | exists                   | exists             | img/a.jpg
        object box/*.png exists                                     | false | exists                   | missing            | ListObjectsV2 box → 2 key(s)
        object box/*.png missing                                    | true  | missing                  | missing            | ListObjectsV2 box → 2 key(s)
        object box/k.txt missing                                    | false | missing                  | exists             | k.txt
        object box/k.tx? missing                                    | false | missing                  | exists             | k.txt
        object box/k.txt sha256 = hello.txt                         | true  | 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 | 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 | GetObject box/k.txt → 200, 5 bytes
        object box/k.txt sha256 = other.txt                         | false | d9298a10d1b0735837dc4bd85dac641b0f3cef27a47e5d53a54f2f3f5b2fcffa | 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 | GetObject box/k.txt → 200, 5 bytes
        object box/nope.txt sha256 = hello.txt                      | false | 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 | NoSuchKey | GetObject box/nope.txt → 404
        object box/k.txt sha256 = no-such-file                      | false | sha256 of no-such-file   | cannot read no-such-file | no-such-file
        objects box count = 2                                       | true  | 2                        | 2                  | ListObjectsV2 box → 2 key(s)
        objects box count = 3                                       | false | 3                        | 2                  | ListObjectsV2 box → 2 key(s)
        objects empty count = 1                                   | false | 1                        | 0                  | ListObjectsV2 empty → 0 key(s)
        objects box/img/ count = 1                                | true  | 1                        | 1                  | ListObjectsV2 box prefix img/ → 1 key(s): img/a.jpg
        objects box/img/ count = 2                                | false | 2                        | 1                  | ListObjectsV2 box prefix img/ → 1 key(s)
        objects box/none/ count = 0                               | true  | 0                        | 0                  | prefix none/ → 0 key(s)
        objects nope count = 0                                    | false | 0                        | bucket nope does not exist | ListObjectsV2 nope → 404 NoSuchBucket
        objects nope/img/ count = 0                               | false | 0                        | bucket nope does not exist | 404 NoSuchBucket
        object box/img/a.jpg metadata owner = kim                 | true  | kim                      | kim                | metadata {owner=kim}
        object box/img/a.jpg metadata owner = lee                 | false | lee                      | kim                | HeadObject box/img/a.jpg → 200
        object box/img/a.jpg metadata Owner matches /^k/          | true  | matches /^k/             | matches /^k/       | → 200
        object box/k.txt metadata owner = kim                     | false | kim                      | (no metadata owner) | HeadObject box/k.txt → 200
        object box/img/a.jpg content-type = image/jpeg            | true  | image/jpeg               | image/jpeg         | image/jpeg
        object box/img/a.jpg content-type = image/png             | false | image/png                | image/jpeg         | image/jpeg
        object box/img/a.jpg size = 4                             | true  | 4                        | 4                  | 4 bytes
        object box/img/a.jpg size = 5                             | false | 5                        | 4                  | 4 bytes
        object box/nope.jpg size = 4                              | false | 4                        | no object box/nope.jpg | HeadObject box/nope.jpg → 404
        bucket nope versioning unversioned                        | false | unversioned              | bucket nope does not exist | 404 NoSuchBucket
        http GET http://127.0.0.1:PORT/_localstack/health json services.s3 = running | true | running | running | services.s3 → running
        http GET http://127.0.0.1:PORT/_localstack/health json services.s3 = disabled | false | disabled | running | services.s3 → running
        http GET http://127.0.0.1:PORT/_localstack/init/ready json completed = true | true | true  | true              | completed → true
        http GET http://127.0.0.1:PORT/_localstack/init/ready json completed = false | false | false | true             | completed → true
        http GET http://127.0.0.1:PORT/box/k.txt json a = 1      | false | 1                        | not JSON           | → 200 hello
        http GET http://127.0.0.1:PORT/_localstack/health header Content-Type contains "json" | true | contains "json" | contains "json" | Content-Type: application/json
        http GET http://127.0.0.1:PORT/_localstack/health header Content-Type = text/html | false | text/html | application/json | Content-Type: application/json
        http HEAD http://127.0.0.1:PORT/box/k.txt header X-Nope matches /./ | false | matches /./ | no match for /./ | no X-Nope header
        object box/k.txt metadata owner matches /./               | false | matches /./              | no match for /./   | HeadObject box/k.txt → 200
        container localstack health starting                      | true  | starting                 | starting           | (starting)
        container localstack health healthy                       | false | healthy                  | starting           | (starting)
        container keeper health none                              | true  | none                     | none               | (no healthcheck)
        container keeper health healthy                           | false | healthy                  | none               | (no healthcheck)
        container ghost health healthy                            | false | healthy                  | no container       | no container named ghost
        command "test -f hello.txt" exit 0                        | true  | exit 0                   | exit 0             | $ test -f hello.txt
        command "test -f nope.txt" exit 0                         | false | exit 0                   | exit 1             | $ test -f nope.txt
        command "echo \"$MARK\"; exit 3" exit 3                  | true  | exit 3                   | exit 3             | → from-probes
        command "grep -q nothing hello.txt" exit 0                | false | exit 0                   | exit 1             | grep -q nothing
        file notes.txt mode = 0640                                | true  | 0640                     | 0640               | stat notes.txt: 0640
        file notes.txt mode = 644                                 | false | 0644                     | 0640               | stat notes.txt: 0640
        file nope.txt mode = 0644                                 | false | 0644                     | missing            | nope.txt does not exist
        file notes.txt owner = OWNER                              | true  | OWNER                    | OWNER              | stat notes.txt
        file notes.txt owner = nobody                             | false | nobody                   | OWNER              | stat notes.txt
        file notes.txt owner = 65534:65534                        | false | 65534:65534              | UID:GID            | stat notes.txt
        file notes.txt contains "SUCCESSFUL"                      | true  | contains "SUCCESSFUL"    | contains "SUCCESSFUL" | status: SUCCESSFUL
        file notes.txt lacks "first"                              | false | lacks "first"            | contains "first"   | first line
        file notes.txt matches /^status: [A-Z]+$/     | true  | matches /^status: [A-Z]+$/ | matches /^status: [A-Z]+$/ | status: SUCCESSFUL
        file notes.txt matches /^status: ERROR$/                  | false | matches /^status: ERROR$/ | no match for /^status: ERROR$/ | last: status: SUCCESSFUL
        file nope.txt contains "x"                                | false | contains "x"             | missing            | nope.txt is not a file
        log localstack matches /Ready[.]$/                         | true  | matches /Ready[.]$/       | matches /Ready[.]$/ | Ready.
        log localstack matches /^Nope/                            | false | matches /^Nope/          | no match for /^Nope/ | last:
        output matches /^make_bucket: [a-z]+$/                       | true  | matches /^make_bucket: [a-z]+$/ | matches /^make_bucket: [a-z]+$/ | make_bucket: box
        output matches /^5[0-9][0-9]$/                                  | false | matches /^5[0-9][0-9]$/        | no match for /^5[0-9][0-9]$/ | last: 200
        http GET http://127.0.0.1:PORT/box/k.txt status 200         | true  | 200                      | 200                | → 200 hello
        http GET http://127.0.0.1:PORT/box/k.txt status 404         | false | 404                      | 200                | → 200 hello
        http HEAD http://127.0.0.1:PORT/box/nope.txt status 200     | false | 200                      | 404                | HEAD http://127.0.0.1:PORT/box/nope.txt → 404
        http GET http://127.0.0.1:PORT/box/nope status 404 code NoSuchKey    | true  | 404 NoSuchKey    | 404 NoSuchKey    | <Code>NoSuchKey</Code>
        http GET http://127.0.0.1:PORT/box/nope status 404 code NoSuchBucket | false | 404 NoSuchBucket | 404 NoSuchKey    | <Code>NoSuchKey</Code>
        http GET http://127.0.0.1:PORT/nope/k status 404 code NoSuchKey    | false | 404 NoSuchKey    | 404 NoSuchBucket | <Code>NoSuchBucket</Code>
        container localstack running                              | true  | running                  | running            | localstack
        container denied running                                  | false | running                  | exited             | denied
        container denied exited exit 1                            | true  | exited exit 1            | exited exit 1      | exited (1)
        container denied exited exit 0                            | false | exited exit 0            | exited exit 1      | exited (1)
        container localstack exited                               | false | exited                   | running            | running
        container ghost absent                                    | true  | absent                   | absent             | no container named ghost
        container localstack absent                               | false | absent                   | running            | localstack
        volume data exists                                        | true  | exists                   | exists             | checks_data
        volume nope exists                                        | false | exists                   | missing            | volumes: checks_data
        volume data missing                                       | false | missing                  | exists             | checks_data
        mount localstack /var/lib/localstack bind                 | true  | bind                     | bind               | → /var/lib/localstack
        mount localstack /var/lib/localstack volume               | false | volume                   | bind               | localstack_data → /var/lib/localstack
        mount keeper /var/lib/localstack volume                   | true  | volume                   | volume             | volume checks_data → /var/lib/localstack
        mount keeper /var/lib/localstack bind                     | false | bind                     | volume             | volume checks_data → /var/lib/localstack
        mount localstack /etc/localstack/init/ready.d none        | true  | none                     | none               | no mount at /etc/localstack/init/ready.d
        mount localstack /var/lib/localstack none                 | false | none                     | bind               | localstack_data → /var/lib/localstack
        mount ghost /var/lib/localstack bind                      | false | bind                     | no container       | no container named ghost
        path hello.txt exists                                     | true  | exists                   | exists             | hello.txt is a file
        path nope.txt exists                                      | false | exists                   | missing            | nope.txt does not exist
        path hello.txt missing                                    | false | missing                  | exists             | hello.txt is a file
        path empty-dir empty                                      | true  | empty                    | empty              | ls empty-dir: (empty)
        path localstack_data empty                                | false | empty                    | not-empty          | logs
        path localstack_data not-empty                            | true  | not-empty                | not-empty          | state
        path empty-dir not-empty                                  | false | not-empty                | empty              | (empty)
        path nope not-empty                                       | false | not-empty                | missing            | nope does not exist
        log localstack contains "Ready."                          | true  | contains "Ready."        | contains "Ready."  | Ready.
        log localstack contains "no such line"                    | false | contains "no such line"  | lacks "no such line" | last:
        log localstack lacks "Ready."                             | false | lacks "Ready."           | contains "Ready."  | Ready.
        log denied contains "Permission denied"                   | true  | contains "Permission denied" | contains "Permission denied" | /var/lib/localstack/logs’: Permission denied
        log denied contains "Ready."                              | false | contains "Ready."        | lacks "Ready."     | Permission denied
        log ghost contains "Ready."                               | false | contains "Ready."        | no container       | ghost
        output contains "make_bucket"                             | true  | contains "make_bucket"   | contains "make_bucket" | make_bucket: box
        output contains "404"                                     | false | contains "404"           | lacks "404"        | last: 200
        output lacks "make_bucket"                                | false | lacks "make_bucket"      | contains "make_bucket" | make_bucket: box
        output lacks "error"                                      | true  | lacks "error"            | lacks "error"      | last: 200
        """)
    void aCheckHoldsExactlyWhenTheStateMatchesAndSaysWhatItFound(String line, boolean holds, String expected, String actual,
                                                                 String evidence) {
        String owner = System.getProperty("user.name");
        String ids = ids();
        String text = line.replace("OWNER", owner).replace("PORT", String.valueOf(port));
        String wanted = expected.replace("OWNER", owner);
        String found = actual.replace("OWNER", owner).replace("UID:GID", ids);
        CheckResult r = CheckParser.parse(text).evaluate(probes);
        assertAll(text,
                () -> assertEquals(holds, r.passed(), "passed: " + r),
                () -> assertEquals(wanted, r.expected(), "expected: " + r),
                () -> assertEquals(found, r.actual(), "actual: " + r),
                () -> assertTrue(r.evidence().contains(evidence.replace("PORT", String.valueOf(port))), "evidence: " + r));
    }

    private static String ids() {
        try {
            var f = tmp.resolve("checks/notes.txt");
            return Files.getAttribute(f, "unix:uid") + ":" + Files.getAttribute(f, "unix:gid");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
