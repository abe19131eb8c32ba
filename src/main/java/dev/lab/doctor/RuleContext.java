package dev.lab.doctor;

import dev.lab.compose.ComposeFile;
import dev.lab.compose.Service;
import java.nio.file.Path;

/**
 * What a rule sees: the parsed file, where its entries are written, and the folder bind mounts
 * resolve against.
 */
record RuleContext(ComposeFile compose, SourceLines lines) {
    static final String VOLUME = "/var/lib/localstack";
    static final String TOKEN = "LOCALSTACK_AUTH_TOKEN";

    Finding finding(Rule rule, Service s, int line, String message, String fix) {
        return new Finding(rule, s.name(), compose.source(), line, message, fix);
    }

    /** A bind source as the host sees it: relative to the compose file's folder, {@code ~} as the home folder. */
    Path hostPath(String source) {
        if (source.equals("~") || source.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + source.substring(1)).normalize();
        }
        Path folder = compose.source().getParent();
        return (folder == null ? Path.of(source) : folder.resolve(source)).normalize();
    }

    /** Whether a variable is given a value; a bare {@code KEY} passes the caller's own, so it counts. */
    static boolean isSet(Service s, String variable) {
        if (!s.environment().containsKey(variable)) return false;
        String value = s.environment().get(variable);
        return value == null || !value.isBlank();
    }
}
