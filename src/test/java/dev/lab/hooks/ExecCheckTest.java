package dev.lab.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lab.engine.MountInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec failures named as Python's OSError names them, and the unconfined path rewrite. */
class ExecCheckTest {
    private static final String AT = "/etc/localstack/init/ready.d/x.sh";

    @TempDir Path tmp;

    private Optional<String> check(String text, int mode) throws Exception {
        Path f = Files.writeString(tmp.resolve("x.sh"), text);
        Files.setAttribute(f, "unix:mode", mode);
        return ExecCheck.failure(f, AT, p -> Optional.of(Path.of(p)));
    }

    @Test
    void theKernelsVerdictInPythonsWords() throws Exception {
        assertEquals(Optional.of("[Errno 13] Permission denied: '" + AT + "'"), check("#!/bin/sh\n", 0644));
        assertEquals(Optional.of("[Errno 8] Exec format error: '" + AT + "'"), check("echo hi\n", 0755));
        assertEquals(Optional.of("[Errno 8] Exec format error: '" + AT + "'"), check("", 0755));
        assertEquals(Optional.of("[Errno 2] No such file or directory: '" + AT + "'"), check("#!/bin/bash\r\necho hi\r\n", 0755),
                "a Windows line end makes the interpreter `/bin/bash\\r`");
        assertEquals(Optional.of("[Errno 2] No such file or directory: '" + AT + "'"), check("#!/no/such/sh\n", 0755));
        assertEquals(Optional.empty(), check("#! /bin/sh -e\necho hi\n", 0755));
        assertEquals(Optional.empty(), check("#!/usr/bin/env bash\n", 0700));
    }

    @Test
    void unconfinedHooksHaveOnlyWholeMountPathsRewritten() {
        var mounts = List.of(new MountInfo("bind", null, "/home/u/ws/seed", "/seed", true),
                new MountInfo("bind", null, "/home/u/ws/ready", "/etc/localstack/init/ready.d", true));
        assertEquals("cp /home/u/ws/seed/a \"/home/u/ws/seed\" /seedling /x/seed /home/u/ws/ready/01.sh",
                Unconfined.rewrite("cp /seed/a \"/seed\" /seedling /x/seed /etc/localstack/init/ready.d/01.sh", mounts));
    }
}
