package dev.lab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private static List<Command> commands(String content) {
        return new Block(Block.Kind.RUN, "bash", content, false, null, 10).commands();
    }

    @Test
    void dropsBlankAndCommentLines() {
        assertEquals(List.of(new Command("docker compose up -d", 12), new Command("docker ps", 15)),
                commands("# 시작\ndocker compose up -d\n\n  # 확인\ndocker ps"));
    }

    @Test
    void joinsBackslashContinuations() {
        assertEquals(List.of(new Command("aws s3 cp a.jpg s3://b/a.jpg --endpoint-url http://localhost:4566", 11),
                        new Command("echo done", 14)),
                commands("aws s3 cp a.jpg \\\n    s3://b/a.jpg \\\n    --endpoint-url http://localhost:4566\necho done"));
    }

    @Test
    void blankLineEndsAContinuation() {
        assertEquals(List.of(new Command("ls", 11), new Command("pwd", 13)), commands("ls \\\n\npwd"));
    }

    @Test
    void trailingBackslashStillYieldsTheCommand() {
        assertEquals(List.of(new Command("echo hi", 11)), commands("echo hi \\"));
    }

    @Test
    void keepsHeredocBodiesInOneCommand() {
        String content = "cat > init.sh <<'EOF'\n#!/bin/sh\n  awslocal s3 mb s3://b\nEOF\nchmod +x init.sh";
        assertEquals(List.of(new Command("cat > init.sh <<'EOF'\n#!/bin/sh\n  awslocal s3 mb s3://b\nEOF", 11),
                new Command("chmod +x init.sh", 15)), commands(content));
    }

    @Test
    void hereStringIsNotAHeredoc() {
        assertEquals(List.of(new Command("grep x <<< \"$TEXT\"", 11), new Command("echo ok", 12)),
                commands("grep x <<< \"$TEXT\"\necho ok"));
    }

    @Test
    void checkLinesOnlyForCheckBlocks() {
        Block check = new Block(Block.Kind.CHECK, "check", "a\n\n[pro] b\n# c", false, "community", 3);
        assertEquals(List.of(new CheckLine("a", "community", 4), new CheckLine("b", "pro", 6)), check.checkLines());
        assertEquals(List.of(), new Block(Block.Kind.RUN, "bash", "a", false, null, 3).checkLines());
    }
}
