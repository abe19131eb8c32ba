package dev.lab.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code aws s3 …}, parsed and refused as AWS CLI v1 (the {@code aws} installed
 * next to lab) refuses it: argparse errors print the usage and {@code aws: error: …} with status 2,
 * words no parser takes print {@code Unknown options: …} with status 255.
 */
record AwsArgs(String endpoint, String sub, List<String> paths, Map<String, String> options) {

    /** Options of {@code aws} itself, which may appear anywhere; true when the option takes a value. */
    static final Map<String, Boolean> GLOBAL = Map.ofEntries(
            Map.entry("--endpoint-url", true), Map.entry("--region", true), Map.entry("--profile", true),
            Map.entry("--output", true), Map.entry("--query", true), Map.entry("--color", true),
            Map.entry("--ca-bundle", true), Map.entry("--cli-read-timeout", true), Map.entry("--cli-connect-timeout", true),
            Map.entry("--debug", false), Map.entry("--no-verify-ssl", false), Map.entry("--no-paginate", false),
            Map.entry("--no-sign-request", false), Map.entry("--version", false));

    private static final String TRANSFER_VALUES = "--include --exclude --acl --sse --sse-c --sse-c-key --sse-kms-key-id"
            + " --sse-c-copy-source --sse-c-copy-source-key --storage-class --grants --website-redirect --content-type"
            + " --cache-control --content-disposition --content-encoding --content-language --expires --source-region"
            + " --page-size --request-payer --checksum-mode --checksum-algorithm --metadata --metadata-directive --case-conflict";
    private static final String TRANSFER_FLAGS = "--dryrun --quiet --follow-symlinks --no-follow-symlinks --no-guess-mime-type"
            + " --only-show-errors --no-progress --ignore-glacier-warnings --force-glacier-transfer";

    /** Each s3 subcommand of the real CLI: its positional name and count, its options with values, its flags. */
    private record Spec(String positional, int min, int max, Set<String> valued, Set<String> flags) {
        static Spec of(String positional, int min, int max, String valued, String flags) {
            return new Spec(positional, min, max, words(valued), words(flags));
        }
    }

    private static final Map<String, Spec> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("ls", Spec.of("paths", 0, 1, "--page-size --request-payer --bucket-name-prefix --bucket-region",
                "--recursive --human-readable --summarize"));
        SUBCOMMANDS.put("cp", Spec.of("paths", 2, 2, TRANSFER_VALUES + " --expected-size", TRANSFER_FLAGS + " --recursive"));
        SUBCOMMANDS.put("mv", Spec.of("paths", 2, 2, TRANSFER_VALUES, TRANSFER_FLAGS + " --recursive"));
        SUBCOMMANDS.put("rm", Spec.of("paths", 1, 1, "--request-payer --include --exclude --page-size",
                "--dryrun --quiet --recursive --only-show-errors"));
        SUBCOMMANDS.put("sync", Spec.of("paths", 2, 2, TRANSFER_VALUES, TRANSFER_FLAGS + " --delete --exact-timestamps --size-only"));
        SUBCOMMANDS.put("mb", Spec.of("path", 1, 1, "--tags", ""));
        SUBCOMMANDS.put("rb", Spec.of("path", 1, 1, "", "--force"));
        SUBCOMMANDS.put("website", Spec.of("paths", 1, 1, "--index-document --error-document", ""));
        SUBCOMMANDS.put("presign", Spec.of("path", 1, 1, "--expires-in", ""));
    }

    /**
     * Parses {@code argv} ({@code argv[0]} is {@code aws} or {@code awslocal}).
     *
     * @throws Refused    what the AWS CLI prints for this mistake
     * @throws ShellError for a command the real CLI takes but the runner does not run (another service, an option)
     */
    static AwsArgs parse(List<String> argv) throws Refused {
        var options = new LinkedHashMap<String, String>();
        var words = new ArrayList<String>();
        var unknown = new ArrayList<String>();
        Spec spec = null;
        String sub = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                if (words.size() == 1 && words.get(0).equals("s3") && sub == null) {
                    spec = SUBCOMMANDS.get(a);
                    if (spec == null) throw usage("argument subcommand: Invalid choice, valid choices are:");
                    sub = a;
                } else words.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            Boolean valued = GLOBAL.containsKey(name) ? GLOBAL.get(name)
                    : spec == null ? null : spec.valued().contains(name) ? Boolean.TRUE : spec.flags().contains(name) ? Boolean.FALSE : null;
            if (valued == null) {
                unknown.add(a);
            } else if (!valued) {
                if (eq >= 0) throw usage("argument " + name + ": ignored explicit argument '" + a.substring(eq + 1) + "'");
                options.put(name, "");
            } else if (eq >= 0) {
                options.put(name, a.substring(eq + 1));
            } else if (i + 1 < argv.size() && !argv.get(i + 1).startsWith("--")) {
                options.put(name, argv.get(++i));
            } else {
                throw usage("argument " + name + ": expected " + (GLOBAL.containsKey(name) ? "one argument" : "1 argument"));
            }
        }
        if (words.isEmpty()) throw usage("the following arguments are required: command");
        String service = words.remove(0);
        if (!service.equals("s3")) {
            throw new ShellError(argv.get(0) + ": only the s3 and s3api commands are built in, not `" + service
                    + "`; install the AWS CLI (the lab uses it when present) or run the lab with --engine docker");
        }
        if (sub == null) throw new Refused(List.of("", "usage: aws [options] <command> <subcommand> [parameters]", "aws: error: too few arguments"), 255);
        if (words.size() < spec.min()) throw usage("the following arguments are required: " + spec.positional());
        while (words.size() > spec.max()) unknown.add(words.remove(spec.max()));
        if (!unknown.isEmpty()) throw new Refused(List.of("", "Unknown options: " + String.join(",", unknown)), 255);
        return new AwsArgs(options.get("--endpoint-url"), sub, List.copyOf(words), options);
    }

    /** The service word of an {@code aws} command line ({@code s3}, {@code s3api}, …), or null. */
    static String service(List<String> argv) {
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("-")) return a;
            if (!a.contains("=") && Boolean.TRUE.equals(GLOBAL.get(a))) i++;
        }
        return null;
    }

    /** Whether the flag was given. */
    boolean has(String flag) {
        return options.containsKey(flag);
    }

    /** Refuses options the real CLI takes but the runner does not implement, rather than ignore them. */
    void only(String name, String... implemented) {
        var ignored = Set.of("--endpoint-url", "--region", "--profile", "--output", "--no-verify-ssl", "--no-sign-request",
                "--no-paginate", "--color", "--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout");
        var allowed = Set.of(implemented);
        for (String o : options.keySet()) {
            if (!ignored.contains(o) && !allowed.contains(o)) {
                throw new ShellError(name + " s3 " + sub + " " + o + " is not supported by the lab's runner"
                        + (implemented.length == 0 ? "" : " (supported: " + String.join(", ", implemented) + ")"));
            }
        }
    }

    static Refused usage(String error) {
        var lines = new ArrayList<>(List.of("usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]",
                "To see help text, you can run:", "", "  aws help", "  aws <command> help", "  aws <command> <subcommand> help",
                "aws: error: " + error));
        if (error.startsWith("argument subcommand")) {
            lines.add("");
            var names = new ArrayList<>(SUBCOMMANDS.keySet());
            for (int i = 0; i < names.size(); i += 2) {
                lines.add(i + 1 < names.size() ? String.format("%-40s | %-40s", names.get(i), names.get(i + 1)) : names.get(i));
            }
        }
        return new Refused(List.copyOf(lines), 2);
    }

    private static Set<String> words(String s) {
        return s.isBlank() ? Set.of() : Set.of(s.trim().split("\\s+"));
    }
}
