package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lab start persistence` driven through piped standard input, as CI and scripts would. */
class ReplPipedTest {
    @TempDir Path home;

    @Test
    void runCheckHintNavigateAndResume() throws Exception {
        // Step 1 is an exercise: `run` shows the task, the learner types the command, `check` proves it.
        var r = Child.run(home, "help\nsteps\nrun\ncheck\ndocker compose up -d localstack\ncheck\nhint\nnext\nhint\n"
                + "awslocal s3 mb s3://portal-blog-uploads\nstate\nbogus\nvariant\nquit\n", "start", "persistence");
        assertEquals(0, r.exitCode(), r.out());
        String out = r.out();
        assertTrue(out.contains("LocalStack 데이터 영속성"), out);
        assertTrue(out.contains("goto <n|id>"), "help lists the commands: " + out);
        assertTrue(out.contains("단계 1은 실습입니다"), "run shows the task: " + out);
        assertTrue(out.indexOf("✗") < out.indexOf("✓ 모든 확인 통과"), "check fails before the learner's command, holds after: " + out);
        assertTrue(out.contains("Container localstack") && out.contains("Started"), "the learner's line ran: " + out);
        assertTrue(out.contains("mount localstack /var/lib/localstack bind"), out);
        assertTrue(out.contains("2. 파일 업로드"), "next shows step 2: " + out);
        // Step 1's first hint (labs/persistence/lab.ko.md) is printed by `hint` at step 1, and not again by `hint` at step 2,
        // which shows its own first hint; no other command shows hint blocks.
        assertEquals(1, out.split("서비스 이름을 붙이면 그 서비스만 시작합니다", -1).length - 1, "step 1's hint, once: " + out);
        assertEquals(1, out.split("버킷 확인 로그를 보세요", -1).length - 1, "step 2's first hint, once: " + out);
        assertTrue(out.contains("portal-blog-uploads"), "state lists the bucket: " + out);
        assertTrue(out.contains("bogus: command not found") && out.contains("종료 코드 127"), "an unknown word goes to bash: " + out);
        assertTrue(out.contains("▶ bind-mount"), "variant marks the one in force: " + out);
        String progress = Files.readString(home.resolve("state/progress/persistence.properties"));
        assertTrue(progress.contains("step=upload"), progress);
        assertTrue(progress.contains("start"), progress);

        var resumed = Child.run(home, "quit\n", "start", "persistence");
        assertEquals(0, resumed.exitCode(), resumed.out());
        assertTrue(resumed.out().contains("단계 2에서 이어서 진행합니다"), resumed.out());
    }

    @Test
    void gotoReplaysEarlierStepsForReal() throws Exception {
        var r = Child.run(home, "goto 4\nsolve\nquit\n", "start", "persistence", "--edition", "community-4.14");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("NoSuchBucket"), "after replaying 1–3 the restart loses the bucket: " + r.out());
        assertTrue(r.out().contains("◐"), "the exercise is recorded as solved: " + r.out());
        assertTrue(r.out().contains("awslocal s3 cp test-image.jpg s3://portal-blog-uploads/abc-123.jpg"),
                "steps 1–3 were replayed for real, the upload included: " + r.out());
    }

    @Test
    void shellLinesCarryTheirStateFromLineToLine() throws Exception {
        var r = Child.run(home, "cd init-scripts\npwd\nx=5; echo $((x+1))\nfalse\necho $?\ncat\nquit\n", "start", "persistence", "--lang", "en");
        assertEquals(0, r.exitCode(), r.out());
        String out = r.out();
        Path workspace = home.resolve("data/workspaces/persistence");
        assertTrue(out.contains("workspace: " + workspace), "the banner names the workspace: " + out);
        assertTrue(out.contains(workspace.resolve("init-scripts") + "\n"), "`cd` carried over to `pwd`: " + out);
        assertTrue(out.contains("> 6\n"), out);
        assertTrue(out.contains("exit 1\n") && out.contains("> 1\n"), "`false` shows its status, `echo $?` sees it: " + out);
        assertTrue(out.contains("Goodbye!"), "`cat` read /dev/null, not the REPL's next line (quit): " + out);
        try (var left = Files.list(home.resolve("state/shell"))) {
            assertEquals(0, left.count(), "the shell's state goes with the REPL");
        }
    }
}
