package dev.lab.repl;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import dev.lab.progress.Progress;
import dev.lab.session.Session;
import dev.lab.session.StepResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

/** The REPL's commands: each registered once with its help line; step work runs on a worker Ctrl-C can cancel. */
final class ReplCommands {
    static final List<String[]> HELP = List.of(
            new String[] {"help", "이 도움말 / this help"},
            new String[] {"steps", "단계 목록 / list the steps"},
            new String[] {"show [n]", "단계 내용 보기 / show a step"},
            new String[] {"next, prev", "다음·이전 단계로 / move to the next or previous step"},
            new String[] {"goto <n|id>", "단계로 이동, 이전 단계는 실제로 실행 / jump to a step, earlier steps run for real"},
            new String[] {"run", "이 단계의 명령 실행 후 확인 / run the step's commands, then check"},
            new String[] {"check", "실제 상태 확인 / check the real state"},
            new String[] {"hint", "힌트 / a hint"},
            new String[] {"solve", "정답 실행 / run the solution, then check"},
            new String[] {"reset [step|all]", "환경 초기화 / reset the environment"},
            new String[] {"variant [name]", "compose 변형 보기·바꾸기 / show or switch the compose variant"},
            new String[] {"state", "컨테이너·볼륨·버킷 / containers, volumes, buckets, objects"},
            new String[] {"quit", "종료 (진행 상황 저장) / leave, progress is saved"});

    private final Session session;
    private final Progress progress;
    private final Screen out;
    private final Terminal terminal;
    private final Map<String, Integer> hintsShown = new HashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "lab-step");
        t.setDaemon(true);
        return t;
    });

    ReplCommands(Session session, Progress progress, Screen out, Terminal terminal) {
        this.session = session;
        this.progress = progress;
        this.out = out;
        this.terminal = terminal;
    }

    Completer completer() {
        var ids = new ArrayList<String>();
        for (Step s : session.lab().steps()) {
            ids.add(String.valueOf(s.number()));
            ids.add(s.id());
        }
        var names = HELP.stream().flatMap(h -> List.of(h[0].split("[ ,]+")).stream()).filter(w -> w.matches("[a-z]+")).distinct().toList();
        return new AggregateCompleter(
                new ArgumentCompleter(new StringsCompleter("goto", "show"), new StringsCompleter(ids), NullCompleter.INSTANCE),
                new ArgumentCompleter(new StringsCompleter("variant"), new StringsCompleter(session.lab().variants().keySet()), NullCompleter.INSTANCE),
                new ArgumentCompleter(new StringsCompleter("reset"), new StringsCompleter("step", "all"), NullCompleter.INSTANCE),
                new ArgumentCompleter(new StringsCompleter(names), NullCompleter.INSTANCE));
    }

    String prompt() {
        Step s = session.current();
        return session.lab().id() + " [" + s.number() + "/" + session.lab().steps().size() + " " + s.id() + "]> ";
    }

    void welcome() {
        var lab = session.lab();
        out.heading(lab.title());
        out.println("엔진 / engine: " + session.engine().name() + " (" + session.engine().edition() + ")   작업 폴더 / workspace: " + session.workspace());
        lab.editionNote(session.engine().edition()).ifPresent(note -> out.markdown("> **" + session.engine().edition() + "**: " + note));
        progress.step().flatMap(id -> lab.steps().stream().filter(s -> s.id().equals(id)).findFirst()).ifPresentOrElse(s -> {
            session.moveTo(s.number() - 1);
            out.println("이어서 진행합니다 / resuming at step " + s.number() + ". 지난번 컨테이너는 멈춘 상태로 남아 있습니다 (`state`): "
                    + "`docker compose up -d`로 다시 시작하거나 `reset step`으로 이 단계의 시작 상태를 만드세요. "
                    + "(containers from last time are there, stopped, as after a reboot: `docker compose up -d`, or `reset step` to replay)");
        }, () -> out.markdown(lab.introMarkdown()));
        out.println("`help`로 명령을 볼 수 있습니다. Type `help` for commands.");
        show(session.current());
    }

    /** Executes one line; returns false to leave the REPL. */
    boolean execute(String line) {
        if (line.isEmpty()) return true;
        String[] w = line.split("\\s+", 2);
        String arg = w.length > 1 ? w[1].trim() : "";
        try {
            switch (w[0]) {
                case "help", "?" -> out.table(List.of("명령 / command", "설명 / description"), HELP.stream().map(h -> List.of(h)).toList());
                case "steps" -> steps();
                case "show" -> show(arg.isEmpty() ? session.current() : step(arg));
                case "next" -> move(session.index() + 1);
                case "prev" -> move(session.index() - 1);
                case "goto" -> jump(step(arg));
                case "run" -> report(onWorker(() -> session.run(session.current(), out.listener())));
                case "solve" -> report(onWorker(() -> session.solve(session.current(), out.listener())));
                case "check" -> checks(session.current(), session.check(session.current()));
                case "hint" -> hint();
                case "reset" -> reset(arg);
                case "variant" -> variant(arg);
                case "state" -> State.print(session, out);
                case "quit", "exit", "q" -> { return false; }
                default -> out.error("알 수 없는 명령 / unknown command: " + w[0] + " (`help`)");
            }
        } catch (RuntimeException e) {
            out.error(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (Exception e) {
            out.error(e.getMessage());
        }
        return true;
    }

    private Step step(String ref) {
        return session.lab().step(ref).orElseThrow(() -> new IllegalArgumentException("no step '" + ref + "' (`steps` lists them)"));
    }

    private void steps() {
        var rows = new ArrayList<List<String>>();
        for (Step s : session.lab().steps()) {
            String mark = s.number() - 1 == session.index() ? "▶" : progress.passed(s.id()) ? "✓" : " ";
            rows.add(List.of(mark, String.valueOf(s.number()), s.id(), s.title()));
        }
        out.table(List.of("", "#", "id", "제목 / title"), rows);
    }

    private void show(Step s) {
        out.heading(s.title() + (s.variant() == null ? "" : "   [variant " + s.variant() + "]"));
        out.markdown(s.displayMarkdown());
    }

    private void move(int index) {
        if (index < 0 || index >= session.lab().steps().size()) {
            out.println(index < 0 ? "첫 단계입니다 / this is the first step" : "마지막 단계입니다 / this is the last step 🎉");
            return;
        }
        session.moveTo(index);
        progress.at(session.current().id());
        show(session.current());
    }

    private void jump(Step target) throws Exception {
        int to = target.number() - 1;
        if (to < session.index()) {
            out.println("환경을 초기화하고 1–" + to + "단계를 실제로 실행합니다 / resetting, then replaying steps 1–" + to);
            session.resetAll();
        }
        if (to > session.index()) out.println((session.index() + 1) + "–" + to + "단계를 실제로 실행합니다 / replaying steps " + (session.index() + 1) + "–" + to);
        onWorker(() -> {
            session.fastForward(to, out.quietListener());
            return null;
        });
        progress.at(target.id());
        show(target);
    }

    private void reset(String what) throws Exception {
        int at = session.index();
        session.resetAll();
        if (what.equals("all")) {
            progress.clear();
            hintsShown.clear();
            out.println("모든 컨테이너·볼륨·작업 파일을 지웠습니다 / removed the lab's containers, volumes and workspace files");
            show(session.current());
            return;
        }
        if (!what.isEmpty() && !what.equals("step")) throw new IllegalArgumentException("reset takes `step` or `all`");
        onWorker(() -> {
            session.fastForward(at, out.quietListener());
            return null;
        });
        out.println("단계 " + (at + 1) + "의 시작 상태로 돌렸습니다 / back to the start of step " + (at + 1));
    }

    private void variant(String name) {
        if (name.isEmpty()) {
            session.lab().variants().forEach((n, path) -> out.println((n.equals(session.variant()) ? "▶ " : "  ") + n + "  (" + path + ")"));
            return;
        }
        var diff = session.useVariant(name);
        out.println("docker-compose.yml ← " + name);
        out.diff(diff);
    }

    private void hint() {
        var hints = session.current().hints();
        if (hints.isEmpty()) {
            out.println("이 단계에는 힌트가 없습니다 / no hint for this step");
            return;
        }
        int n = hintsShown.merge(session.current().id(), 1, Integer::sum);
        out.markdown(hints.get(Math.min(n, hints.size()) - 1));
        if (n < hints.size()) out.println("(`hint` 다시: 다음 힌트 / again for the next hint)");
    }

    private void report(StepResult r) {
        if (r == null) return;
        if (r.error() != null) out.error(r.error());
        checks(session.current(), r.checks());
    }

    private void checks(Step step, List<CheckResult> results) {
        if (results.isEmpty()) {
            if (step.checks().isEmpty()) out.println("이 단계에는 확인할 항목이 없습니다 / nothing to check in this step");
            return;
        }
        out.checks(results);
        if (results.stream().allMatch(CheckResult::passed)) {
            progress.markPassed(step.id());
            out.success("✓ 모든 확인 통과! `next`로 다음 단계 / all checks hold — `next` for the next step");
        } else {
            out.error("✗ 확인 실패: 기대값과 실제값을 비교하세요, `hint`도 있습니다 / some checks do not hold — compare expected and actual, or ask for a `hint`");
        }
    }

    /** Runs step work on the worker; Ctrl-C interrupts it and the REPL carries on. */
    private <T> T onWorker(Callable<T> work) throws Exception {
        // The handler is in place before the work starts, so a Ctrl-C can never fall between the two.
        var f = new java.util.concurrent.FutureTask<>(work);
        var previous = terminal.handle(Terminal.Signal.INT, s -> f.cancel(true));
        worker.execute(f);
        try {
            return f.get();
        } catch (java.util.concurrent.CancellationException e) {
            out.error("취소되었습니다 / cancelled (Ctrl-C)");
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        } catch (InterruptedException e) {
            f.cancel(true);
            out.error("취소되었습니다 / cancelled");
            return null;
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }
}
