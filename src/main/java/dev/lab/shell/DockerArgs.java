package dev.lab.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags and arguments of one {@code docker …} or {@code docker compose …} command, parsed as
 * Docker's flag library does and refused in Docker's words: the CLI exits 125 on a flag error and 1
 * on a wrong argument count; Compose prints the flag error alone and exits 1.
 *
 * @param args  the arguments that are not flags
 * @param flags the long names of the flags given (a shorthand {@code -a} is recorded as {@code --all})
 * @param values the values given to each flag that takes one, in order, by long name
 */
record DockerArgs(List<String> args, Set<String> flags, Map<String, List<String>> values) {

    /**
     * One command as the real tool declares it.
     *
     * @param command the command as typed, e.g. {@code docker ps} or {@code docker compose up}
     * @param usage   its usage line, e.g. {@code docker logs [OPTIONS] CONTAINER}
     * @param min     fewest arguments; {@code max} most, or -1 for any number
     * @param flags   its flags, e.g. {@code "-a/--all --format= -n/--tail="} ({@code =} takes a value)
     */
    record Spec(String command, String usage, int min, int max, String flags) {
        boolean compose() {
            return command.startsWith("docker compose");
        }
    }

    /** Docker's own commands, and the ones the runner implements, as the Docker CLI declares them. */
    static final Set<String> DOCKER_COMMANDS = Set.of("run", "exec", "ps", "build", "bake", "pull", "push", "images", "login",
            "logout", "search", "version", "info", "builder", "buildx", "checkpoint", "compose", "container", "context", "image",
            "manifest", "network", "plugin", "system", "trust", "volume", "swarm", "attach", "commit", "cp", "create", "diff",
            "events", "export", "history", "import", "inspect", "kill", "load", "logs", "pause", "port", "rename", "restart", "rm",
            "rmi", "save", "start", "stats", "stop", "tag", "top", "unpause", "update", "wait", "config", "node", "secret",
            "service", "stack");
    static final Map<String, Spec> DOCKER = Map.of(
            "ps", new Spec("docker ps", "docker ps [OPTIONS]", 0, 0,
                    "-a/--all -f/--filter= --format= -n/--last= -l/--latest --no-trunc -q/--quiet -s/--size"),
            "logs", new Spec("docker logs", "docker logs [OPTIONS] CONTAINER", 1, 1,
                    "--details -f/--follow --since= -n/--tail= -t/--timestamps --until="),
            "inspect", new Spec("docker inspect", "docker inspect [OPTIONS] NAME|ID [NAME|ID...]", 1, -1, "-f/--format= -s/--size --type="),
            "restart", new Spec("docker restart", "docker restart [OPTIONS] CONTAINER [CONTAINER...]", 1, -1, "-s/--signal= -t/--timeout="),
            "stop", new Spec("docker stop", "docker stop [OPTIONS] CONTAINER [CONTAINER...]", 1, -1, "-s/--signal= -t/--timeout="),
            "start", new Spec("docker start", "docker start [OPTIONS] CONTAINER [CONTAINER...]", 1, -1,
                    "-a/--attach --detach-keys= -i/--interactive --checkpoint= --checkpoint-dir="),
            "exec", new Spec("docker exec", "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]", 2, -1,
                    "-d/--detach --detach-keys= -e/--env= --env-file= -i/--interactive --privileged -t/--tty -u/--user= -w/--workdir="),
            "volume ls", new Spec("docker volume ls", "docker volume ls [OPTIONS]", 0, 0, "--cluster -f/--filter= --format= -q/--quiet"));

    /** Compose's commands; its flags before the command; and the commands the runner implements. */
    static final Set<String> COMPOSE_COMMANDS = Set.of("attach", "build", "commit", "config", "cp", "create", "down", "events",
            "exec", "export", "images", "kill", "logs", "ls", "pause", "port", "ps", "publish", "pull", "push", "restart", "rm",
            "run", "scale", "start", "stats", "stop", "top", "unpause", "up", "version", "volumes", "wait", "watch");
    static final Spec COMPOSE_ROOT = new Spec("docker compose", "docker compose [OPTIONS] COMMAND", 0, -1,
            "-f/--file= -p/--project-name= --profile= --env-file= --project-directory= --ansi= --progress= --parallel="
                    + " --compatibility --dry-run");
    static final Map<String, Spec> COMPOSE = Map.of(
            "up", compose("up", "-d/--detach --remove-orphans --build --no-build --force-recreate --no-recreate --no-deps --wait"
                    + " --wait-timeout= --pull= -V/--renew-anon-volumes --abort-on-container-exit --abort-on-container-failure"
                    + " --no-start --quiet-pull -t/--timeout= --scale= --no-color --no-log-prefix --attach= --no-attach="
                    + " --attach-dependencies --exit-code-from= --timestamps -y/--yes --always-recreate-deps -w/--watch --menu"),
            "down", compose("down", "-v/--volumes --remove-orphans --rmi= -t/--timeout="),
            "restart", compose("restart", "-t/--timeout= --no-deps"),
            "stop", compose("stop", "-t/--timeout="),
            "start", compose("start", "--wait --wait-timeout="),
            "ps", compose("ps", "-a/--all -q/--quiet --format= --services --status= --filter= --no-trunc --orphans"),
            "exec", new Spec("docker compose exec", "docker compose exec [OPTIONS] SERVICE COMMAND [ARGS...]", 2, -1,
                    "-d/--detach -e/--env= --index= -T/--no-TTY --privileged -u/--user= -w/--workdir= --dry-run"),
            "logs", compose("logs", "-f/--follow -n/--tail= -t/--timestamps --since= --until= --no-color --no-log-prefix --index="));

    private static Spec compose(String sub, String flags) {
        return new Spec("docker compose " + sub, "docker compose " + sub + " [OPTIONS] [SERVICE...]", 0, -1, flags);
    }

    /**
     * Parses the words after the command name.
     *
     * @throws Refused what Docker prints for a flag it does not know or a wrong number of arguments
     */
    static DockerArgs parse(Spec spec, List<String> words) throws Refused {
        Map<String, String> names = new HashMap<>();
        Set<String> valued = new LinkedHashSet<>();
        table(spec, names, valued);
        var args = new ArrayList<String>();
        var flags = new LinkedHashSet<String>();
        var values = new HashMap<String, List<String>>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                args.addAll(words.subList(i + 1, words.size()));
                break;
            }
            if (!w.startsWith("-") || w.equals("-")) {
                args.add(w);
                continue;
            }
            // -abc is three shorthands; --name=value and -n=value carry their value
            List<String> given = new ArrayList<>();
            int eq = w.indexOf('=');
            String head = eq < 0 ? w : w.substring(0, eq);
            if (w.startsWith("--") || head.length() == 2) given.add(head);
            else for (char c : head.substring(1).toCharArray()) given.add("-" + c);
            for (int k = 0; k < given.size(); k++) {
                String g = given.get(k);
                String name = names.get(g);
                if (name == null) {
                    throw flagError(spec, g.startsWith("--") ? "unknown flag: " + g
                            : "unknown shorthand flag: '" + g.substring(1) + "' in " + w);
                }
                flags.add(name);
                boolean last = k == given.size() - 1;
                if (valued.contains(name) && last && eq < 0) {
                    if (i + 1 >= words.size()) {
                        throw flagError(spec, "flag needs an argument: " + (g.startsWith("--") ? g : "'" + g.substring(1) + "' in " + g));
                    }
                    i++;
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(words.get(i));
                } else if (valued.contains(name) && last) {
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(w.substring(eq + 1));
                } else if (!valued.contains(name) && last && eq >= 0 && !w.substring(eq + 1).matches("(?i)true|false|1|0")) {
                    throw flagError(spec, "invalid argument \"" + w.substring(eq + 1) + "\" for \"" + name + "\" flag");
                }
            }
        }
        if (args.size() < spec.min() || (spec.max() >= 0 && args.size() > spec.max())) {
            String count = spec.min() == spec.max() ? "exactly " + spec.min() : "at least " + spec.min();
            count = spec.min() == spec.max() && spec.min() == 1 ? "1" : count;
            throw new Refused(List.of("docker: '" + spec.command() + "' requires " + count + " argument" + (spec.min() == 1 ? "" : "s"),
                    "", "Usage:  " + spec.usage(), "",
                    (spec.min() == spec.max() ? "Run '" : "See '") + spec.command() + " --help' for more information"), 1);
        }
        return new DockerArgs(List.copyOf(args), flags, values);
    }

    /** How many of {@code words} are flags (with their values) before the first argument, e.g. the command. */
    static int leadingFlags(Spec spec, List<String> words) {
        Map<String, String> names = new HashMap<>();
        Set<String> valued = new LinkedHashSet<>();
        table(spec, names, valued);
        int at = 0;
        while (at < words.size() && words.get(at).startsWith("-") && !words.get(at).equals("-")) {
            String w = words.get(at);
            at += !w.contains("=") && valued.contains(names.get(w)) ? 2 : 1;
        }
        return Math.min(at, words.size());
    }

    /** Fills each form of each flag ({@code -a}, {@code --all}) to its long name, and the long names that take a value. */
    private static void table(Spec spec, Map<String, String> names, Set<String> valued) {
        for (String f : spec.flags().isBlank() ? new String[0] : spec.flags().trim().split("\\s+")) {
            boolean takes = f.endsWith("=");
            String[] forms = (takes ? f.substring(0, f.length() - 1) : f).split("/");
            String longName = forms[forms.length - 1];
            for (String form : forms) names.put(form, longName);
            if (takes) valued.add(longName);
        }
    }

    /** Refuses flags Docker takes but the runner does not implement, rather than ignore them. */
    void only(String command, String... implemented) {
        var allowed = Set.of(implemented);
        for (String f : flags) {
            if (!allowed.contains(f)) {
                throw new ShellError(command + " " + f + " is not supported by the lab's runner"
                        + (implemented.length == 0 ? "" : " (supported: " + String.join(", ", implemented) + ")"));
            }
        }
    }

    /** The last value given to {@code flag}, or null. */
    String value(String flag) {
        var v = values.getOrDefault(flag, List.of());
        return v.isEmpty() ? null : v.get(v.size() - 1);
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    private static Refused flagError(Spec spec, String message) {
        if (spec.compose()) return new Refused(List.of(message), 1);
        return new Refused(List.of(message, "", "Usage:  " + spec.usage(), "", "Run '" + spec.command() + " --help' for more information"), 125);
    }
}
