package dev.lab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.check.CheckResult;
import dev.lab.term.CompactChecks;
import dev.lab.term.Texts;
import dev.lab.term.Width;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's pieces without a terminal: commands cut by bash, typing modes, compact checks, step prose. */
class DemoPartsTest {
    @Test
    void bashSaysWhereACommandEnds() {
        var script = "# comment\ndocker compose up -d\n\ncat > hook.sh <<'EOF'\n#!/bin/bash\necho hi\nEOF\nfor i in 1 2; do\n  echo $i\ndone\ncurl -s \\\n  http://x\n";
        assertEquals(List.of("docker compose up -d", "cat > hook.sh <<'EOF'\n#!/bin/bash\necho hi\nEOF", "for i in 1 2; do\n  echo $i\ndone",
                "curl -s \\\n  http://x"), Commands.split(script));
    }

    @Test
    void typingModes() {
        assertEquals(new Typing(Typing.Mode.KEYS, 0), Typing.parse("keys"));
        assertEquals(new Typing(Typing.Mode.AUTO, 40), Typing.parse("auto=40"));
        assertEquals(new Typing(Typing.Mode.AUTO, 25), Typing.parse("auto"));
        assertEquals(new Typing(Typing.Mode.OFF, 0), Typing.parse("off"));
        var e = assertThrows(IllegalArgumentException.class, () -> Typing.parse("auto=0"));
        assertEquals("--typing must be keys, auto, auto=N (characters a second) or off, not auto=0", e.getMessage());
    }

    @Test
    void compactChecksAreOneLinePerFailureOneForTheRestAndNoWiderThanTheWidth() {
        String health = "{\n  \"services\": {\"s3\": \"running\"" + ", \"x\": \"y\"".repeat(40) + "},\n  \"edition\": \"community\"\n}";
        var results = List.of(new CheckResult("http GET /_localstack/health status 200", "200", "200", true, health),
                new CheckResult("bucket portal-blog-uploads exists", "exists", "missing", false, "NoSuchBucket\nsecond line"),
                new CheckResult("container localstack running", "running", "running", true, ""));
        var lines = CompactChecks.lines(results, Texts.of("en"), 80);
        assertEquals(List.of("✗ bucket portal-blog-uploads exists — expected exists, found missing", "    NoSuchBucket",
                "✓ 2 of 3 checks held"), lines);
        var narrow = CompactChecks.lines(results, Texts.of("ko"), 30);
        narrow.forEach(l -> assertTrue(Width.columns(l) <= 30, l));
        assertEquals("✓ 확인 3개 중 2개 통과", narrow.get(2));
    }

    @Test
    void stepProseLeavesOutCodeTablesAndHtmlAndJoinsWrappedLines() {
        var md = "Line one\ncontinues here.\n\n```bash {run}\necho no\n```\n| a | b |\n|---|---|\n1. **first** item\n2. second\n<details>x</details>\n> quoted";
        assertEquals(List.of("Line one continues here.", "1. first item", "2. second", "quoted"), Audience.paragraphs(md));
    }
}
