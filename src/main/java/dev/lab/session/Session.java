package dev.lab.session;

import dev.lab.check.CheckParser;
import dev.lab.check.CheckResult;
import dev.lab.check.Probes;
import dev.lab.compose.ComposeParser;
import dev.lab.compose.Names;
import dev.lab.compose.ImageOverrides;
import dev.lab.compose.LocalStackEndpoint;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.lab.Block;
import dev.lab.lab.CheckLine;
import dev.lab.lab.Lab;
import dev.lab.lab.Step;
import dev.lab.host.Toolbox;
import dev.lab.fs.TreeSnapshot;
import dev.lab.shell.ShellError;
import dev.lab.shell.StopSwitch;
import dev.lab.trace.Trace;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One learner's lab in progress: the lab, the engine, the workspace, the variant in force and the
 * current step. It runs steps' blocks with bash (the lab's commands on its PATH, see {@link Toolbox})
 * and evaluates their checks.
 */
public final class Session implements AutoCloseable {
    private final Map<String, String> images;
    private final Lab lab;
    private final Engine engine;
    private final Path workspace;
    private final Variants variants;
    private final Function<Path, Toolbox> toolbox;
    private final PrivateHost privateHost;
    private final StopSwitch stop = new StopSwitch();
    private final Probes probes;
    private final Edits edits;
    private final Path written;
    private List<String> lastOutput = List.of();
    private int index;
    private Activity activity = Activity.NONE;

    public Session(Lab lab, Engine engine, Path workspace) {
        this(lab, engine, workspace, Map.of());
    }

    /**
     * A session whose engine lives in this process: its blocks reach it through a host of their own
     * (a socket in a temporary folder, closed with the session); what lab writes in the workspace is
     * recorded beside it.
     *
     * @param images {@code --image} overrides, applied to every variant (see {@link ImageOverrides})
     */
    public Session(Lab lab, Engine engine, Path workspace, Map<String, String> images) {
        this(lab, engine, workspace, images, beside(workspace));
    }

    /**
     * @param written the record of what lab last wrote in the workspace ({@code LabHome.writtenFile}), outside it
     */
    public Session(Lab lab, Engine engine, Path workspace, Map<String, String> images, Path written) {
        this(lab, engine, workspace, images, written, PrivateHost.start(engine, images));
    }

    /**
     * A session on an engine host's engine.
     *
     * @param toolbox what a bash in the workspace needs to reach that host
     */
    public Session(Lab lab, Engine engine, Path workspace, Map<String, String> images, Function<Path, Toolbox> toolbox) {
        this(lab, engine, workspace, images, beside(workspace), toolbox, null);
    }

    /**
     * A session on an engine host's engine, recording what lab writes in the workspace in {@code written}.
     */
    public Session(Lab lab, Engine engine, Path workspace, Map<String, String> images, Path written, Function<Path, Toolbox> toolbox) {
        this(lab, engine, workspace, images, written, toolbox, null);
    }

    private Session(Lab lab, Engine engine, Path workspace, Map<String, String> images, Path written, PrivateHost host) {
        this(lab, engine, workspace, images, written, host::toolbox, host);
    }

    private Session(Lab lab, Engine engine, Path workspace, Map<String, String> images, Path written,
                    Function<Path, Toolbox> toolbox, PrivateHost host) {
        this.toolbox = toolbox;
        this.privateHost = host;
        this.images = Map.copyOf(images);
        this.lab = lab;
        this.engine = engine;
        this.workspace = workspace.toAbsolutePath().normalize();
        this.variants = new Variants(lab);
        this.probes = new Probes(this::s3Endpoint, engine, this::project, this.workspace, () -> lastOutput,
                () -> toolbox().over(System.getenv()));
        this.written = written;
        this.edits = new Edits(this.workspace, variants, lab.dir().resolve("files").toAbsolutePath().normalize(), Written.load(written));
        Workspaces.prepare(lab, this.workspace);
        String first = lab.steps().stream().map(Step::variant).filter(v -> v != null).findFirst()
                .orElse(lab.variants().isEmpty() ? null : lab.variants().keySet().iterator().next());
        if (first != null && !Files.exists(this.workspace.resolve(Variants.COMPOSE_FILE))) variants.install(first, this.workspace);
    }

    private static Path beside(Path workspace) {
        Path ws = workspace.toAbsolutePath().normalize();
        return ws.resolveSibling(".lab-written").resolve(ws.getFileName() + ".properties");
    }

    public Lab lab() { return lab; }
    public Engine engine() { return engine; }
    public Path workspace() { return workspace; }
    /** What a bash in this session's workspace needs: the lab's commands first on PATH, the endpoint, test credentials. */
    public Toolbox toolbox() { return toolbox.apply(workspace); }
    /** The variant the workspace's {@code docker-compose.yml} equals, or null when it has none or the learner edited it. */
    public String variant() { return variants.inForce(workspace).orElse(null); }
    public int index() { return index; }

    /** Who hears what the learner does (the class board), {@link Activity#NONE} unless set. */
    public Activity activity() { return activity; }

    /** Reports moves, checks and results to {@code activity}; the caller closes it. */
    public void activity(Activity activity) { this.activity = activity == null ? Activity.NONE : activity; }
    public Step current() { return lab.steps().get(index); }

    /** Moves the cursor without touching the environment. */
    public void moveTo(int stepIndex) {
        if (stepIndex < 0 || stepIndex >= lab.steps().size()) throw new IllegalArgumentException("no step " + (stepIndex + 1));
        index = stepIndex;
        activity.entered(current(), lab.steps().size());
    }

    /** The compose project of the workspace, parsed afresh (the learner may edit the file). */
    public Project project() {
        Path file = workspace.resolve(Variants.COMPOSE_FILE);
        if (!Files.exists(file)) throw new ShellError("no docker-compose.yml in the workspace " + workspace);
        return new Project(projectName(), workspace, ImageOverrides.apply(ComposeParser.parse(file), images));
    }

    /**
     * The S3 endpoint on this host: the port the workspace's compose file publishes for LocalStack's
     * 4566, read afresh like {@link #project()}; LocalStack's default when there is no compose file.
     */
    public URI s3Endpoint() {
        return Files.exists(workspace.resolve(Variants.COMPOSE_FILE)) ? LocalStackEndpoint.of(project().compose()) : LocalStackEndpoint.DEFAULT;
    }

    /** The compose project name: the workspace folder's name, normalised as Compose does. */
    public String projectName() { return Names.project(workspace.getFileName().toString()); }

    /**
     * Installs a variant as the workspace's compose file and tells the listener the diff; a compose
     * file the learner edited is kept first ({@link Listener#kept}).
     */
    public void useVariant(String name, Listener listener) throws Exception {
        keepingEdits(listener, () -> {
            var diff = variants.install(name, workspace);
            listener.variant(name, diff);
            return null;
        });
    }

    /** Work that may replace workspace files. */
    public interface Operation<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code op}; every file of the learner's it replaced or removed (content that differs from
     * what lab last wrote there) is kept as {@code <name>.~N~} and told to the listener with the diff,
     * also when {@code op} ends with an exception (a stop).
     */
    public <T> T keepingEdits(Listener listener, Operation<T> op) throws Exception {
        var before = edits.snapshot();
        try {
            return op.run();
        } finally {
            for (var k : edits.keep(before)) listener.kept(k.file(), k.backup(), k.diff());
        }
    }

    /** Stops the step work in flight from another thread (Ctrl-C): it ends with {@link Stopped}. */
    public StopSwitch stopSwitch() { return stop; }

    /**
     * Runs the step's {@code run} blocks; a stop request ends it with {@link Stopped}. For an exercise
     * these are what the task suggests: the REPL shows them instead (see {@link #solve}).
     */
    public StepResult run(Step step, Listener listener) throws Exception {
        return keepingEdits(listener, () -> execute(step, step.runBlocks(), listener, false));
    }

    /**
     * Runs the step's {@code solve} blocks, or its {@code run} blocks when it has none. For an
     * exercise the result is {@link StepResult.Status#SOLVED} when its checks then hold.
     */
    public StepResult solve(Step step, Listener listener) throws Exception {
        return keepingEdits(listener, () -> execute(step, step.solveBlocks().isEmpty() ? step.runBlocks() : step.solveBlocks(), listener, step.exercise()));
    }

    /** What the step does headless ({@code lab run}): a demonstration runs, an exercise is solved. */
    public StepResult perform(Step step, Listener listener) throws Exception {
        return step.exercise() ? solve(step, listener) : run(step, listener);
    }

    /** Whether the step has checks that apply to the engine's edition. */
    public boolean hasChecks(Step step) {
        String edition = engine.edition();
        return step.checks().stream().anyMatch(line -> appliesTo(line.edition(), edition));
    }

    /** Evaluates the step's checks that apply to the engine's edition. */
    public List<CheckResult> check(Step step) {
        var results = new ArrayList<CheckResult>();
        String edition = engine.edition(); // once: through the engine host each call is a round trip
        for (CheckLine line : step.checks()) {
            if (!appliesTo(line.edition(), edition)) continue;
            try (var t = Trace.span("check " + line.text())) {
                results.add(CheckParser.parse(line.text()).evaluate(probes));
            }
        }
        return results;
    }

    /**
     * Does every step before {@code target}, from the current one, for real ({@link #perform}: an
     * exercise's solution). A stop request ends it with {@link Stopped}, the cursor on the step it stopped in.
     */
    public void fastForward(int target, Listener listener) throws Exception {
        for (int i = index; i < target; i++) {
            index = i;
            var r = perform(lab.steps().get(i), listener);
            if (r.error() != null) throw new IllegalStateException("step " + (i + 1) + " failed while fast-forwarding: " + r.error());
        }
        moveTo(target);
    }

    /** Removes everything the lab created (containers, volumes, workspace files) and starts over at step 1. */
    public void resetAll() throws EngineException {
        engine.purge(projectName());
        Workspaces.wipe(workspace);
        Workspaces.prepare(lab, workspace);
        String first = lab.steps().stream().map(Step::variant).filter(v -> v != null).findFirst().orElse(null);
        if (first != null) variants.install(first, workspace);
        index = 0;
        activity.entered(current(), lab.steps().size());
    }

    /** Whether {@link #saveState}/{@link #restoreState} are cheap on this engine (embedded): a snapshot per step. */
    public boolean snapshots() { return engine.snapshots(); }

    /**
     * Saves in {@code dir} (replaced) all a restore needs: the workspace, the record of what lab wrote in it,
     * and the engine's containers and volumes of this project (see {@link Engine#saveState}).
     */
    public void saveState(Path dir) throws Exception {
        TreeSnapshot.take(workspace, dir.resolve("workspace"));
        Files.deleteIfExists(dir.resolve("written.properties"));
        if (Files.isRegularFile(written)) Files.copy(written, dir.resolve("written.properties"));
        engine.saveState(projectName(), dir.resolve("engine"));
    }

    /**
     * Makes the workspace, the record of what lab wrote and the engine's project what {@link #saveState}
     * saved; the workspace first, since a container that comes back reads its bind mounts at start.
     */
    public void restoreState(Path dir) throws Exception {
        restoreFiles(dir);
        restoreEngine(dir);
    }

    /** The first half of {@link #restoreState}: the workspace and the record of what lab wrote in it. */
    public void restoreFiles(Path dir) throws Exception {
        TreeSnapshot.restore(dir.resolve("workspace"), workspace);
        Files.deleteIfExists(written);
        if (Files.isRegularFile(dir.resolve("written.properties"))) {
            Files.createDirectories(written.getParent());
            Files.copy(dir.resolve("written.properties"), written);
        }
        edits.reload();
    }

    /** The second half of {@link #restoreState}: the engine's containers and volumes; may run on another thread. */
    public void restoreEngine(Path dir) throws Exception {
        engine.restoreState(projectName(), dir.resolve("engine"));
    }

    /** Whether a check scoped to {@code scope} ({@code community}, {@code pro}, or none) applies to the edition. */
    public static boolean appliesTo(String scope, String edition) {
        return scope == null || edition.equals(scope) || edition.startsWith(scope + "-");
    }

    private StepResult execute(Step step, List<Block> blocks, Listener listener, boolean solvedBy) throws InterruptedException {
        long start = System.nanoTime();
        stopPoint(step, null, false);
        String started = null;
        try (var t = Trace.span("step " + step.number() + " variant")) {
            if (step.variant() != null && !variants.installed(step.variant(), workspace)) {
                var diff = variants.install(step.variant(), workspace);
                listener.variant(step.variant(), diff);
            }
        }
        var commands = new ArrayList<CommandResult>();
        var output = new ArrayList<String>();
        String error = null;
        for (Block block : blocks) {
            if (!appliesTo(block.edition(), engine.edition())) continue;
            stopPoint(step, started, false);
            started = block.content();
            boolean expected = block.expectFail() || step.expectFail();
            listener.command(block.content());
            var lines = new ArrayList<String>();
            BashBlock.Result r;
            try (var t = Trace.span("step " + step.number() + " block " + lab.file().getFileName() + ":" + block.line())) {
                Map<String, String> env = toolbox().over(System.getenv());
                r = BashBlock.run(block, workspace, env, l -> { lines.add(l); listener.output(l); });
            } catch (BashBlock.StoppedAt e) {
                throw new Stopped(step, e.command != null ? e.command : block.content(), false);
            } catch (InterruptedException e) {
                throw new Stopped(step, block.content(), false);
            }
            output.addAll(lines);
            lastOutput = List.copyOf(output);
            commands.add(new CommandResult(block.content(), r.exitCode(), List.copyOf(lines), expected));
            // A block that failed because it was stopped is a stop, not a failure.
            if (r.exitCode() != 0) stopPoint(step, block.content(), false);
            listener.exit(block.content(), r.exitCode(), expected);
            if (r.exitCode() != 0 && !expected) {
                String where = r.failedLine() > 0 ? lab.file().getFileName() + ":" + r.failedLine() + ": `" + r.failedCommand() + "`"
                        : lab.file().getFileName() + ":" + block.line() + ": the block";
                error = where + " exited with " + r.exitCode() + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1));
                break;
            }
            if (block.expectFail() && r.exitCode() == 0) {
                error = lab.file().getFileName() + ":" + block.line() + ": expected the block to fail (expect=fail), but it exited with 0";
                break;
            }
        }
        if (error == null && step.expectFail() && commands.stream().noneMatch(c -> c.exitCode() != 0)) {
            error = "expected the step to fail, but every command succeeded";
        }
        if (error == null) stopPoint(step, started, true);
        var checks = error == null ? check(step) : List.<CheckResult>of();
        return new StepResult(step.number(), step.id(), step.title(), commands, checks, error, (System.nanoTime() - start) / 1_000_000, solvedBy);
    }

    private void stopPoint(Step step, String command, boolean beforeChecks) throws Stopped {
        try {
            stop.check();
        } catch (InterruptedException e) {
            throw new Stopped(step, command, beforeChecks);
        }
    }

    @Override
    public void close() {
        if (privateHost != null) privateHost.close();
        engine.close();
    }
}
