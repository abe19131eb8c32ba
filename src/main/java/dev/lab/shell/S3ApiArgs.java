package dev.lab.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code aws s3api <operation> --param value …}: global options, the
 * operation, its parameters and (for get-object) the outfile, refused as AWS CLI v1 refuses them.
 */
record S3ApiArgs(String operation, Map<String, String> params, Map<String, String> globals, List<String> positionals,
        List<String> unknown) {

    /** Parses {@code argv}; {@code known} maps each operation to the parameters the real CLI takes. */
    static S3ApiArgs parse(List<String> argv, Map<String, List<String>> known) throws Refused {
        var globals = new LinkedHashMap<String, String>();
        var params = new LinkedHashMap<String, String>();
        var words = new ArrayList<String>();
        var unknown = new ArrayList<String>();
        String operation = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("--")) {
                if (words.size() == 1 && operation == null) {
                    if (!known.containsKey(a)) throw AwsArgs.usage("argument operation: Invalid choice, valid choices are:");
                    operation = a;
                } else if (operation == null || (operation.equals("get-object") && words.size() == 1)) {
                    words.add(a);
                } else {
                    // argparse leaves extra words with the unknown options, in the order given.
                    unknown.add(a);
                }
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            boolean global = AwsArgs.GLOBAL.containsKey(name);
            if (global && !AwsArgs.GLOBAL.get(name)) {
                globals.put(name, "");
                continue;
            }
            boolean param = operation != null && known.get(operation).contains(name.substring(2));
            if (!global && !param) {
                unknown.add(a);
                continue;
            }
            String value;
            if (eq >= 0) value = a.substring(eq + 1);
            else if (i + 1 < argv.size() && !argv.get(i + 1).startsWith("--")) value = argv.get(++i);
            else throw AwsArgs.usage("argument " + name + ": expected one argument");
            (global ? globals : params).put(global ? name : name.substring(2), value);
        }
        if (operation == null) throw AwsArgs.usage("the following arguments are required: operation");
        words.remove(0);
        return new S3ApiArgs(operation, params, globals, List.copyOf(words), List.copyOf(unknown));
    }

    /** @throws Refused for words no parser took, once argparse's own checks have passed, as the CLI orders them */
    void noneUnknown() throws Refused {
        if (!unknown.isEmpty()) throw new Refused(List.of("", "Unknown options: " + String.join(", ", unknown)), 255);
    }

    String param(String name) {
        return params.get(name);
    }

    /** @throws Refused when a parameter the operation requires is missing, naming all of them as argparse does */
    void require(List<String> names) throws Refused {
        var missing = names.stream().filter(n -> !params.containsKey(n)).map(n -> "--" + n).toList();
        if (!missing.isEmpty()) throw AwsArgs.usage("the following arguments are required: " + String.join(", ", missing));
    }
}
