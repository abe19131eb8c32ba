package dev.lab.host;

import dev.lab.compose.ComposeFile;
import dev.lab.compose.ComposeParser;
import dev.lab.compose.LocalStackEndpoint;
import dev.lab.compose.Service;
import dev.lab.shell.LabCommands;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a bash needs to reach the lab: the shims' folder first on {@code PATH}, the lab home and the
 * host's socket, and the AWS endpoint, test credentials and region of the workspace's compose file.
 *
 * @param binDir the folder of the lab's {@code docker}, {@code docker-compose}, {@code aws}, {@code awslocal}
 * @param env    the variables to set on top of the user's environment, in a stable order
 */
public record Toolbox(Path binDir, Map<String, String> env) {
    public Toolbox {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /**
     * The toolbox for a shell in {@code workspace}.
     *
     * @param environment the user's environment ({@code PATH}, {@code LAB_HOME}, {@code LAB_OLD_PATH} are read)
     */
    public static Toolbox of(HostPaths paths, Map<String, String> environment, Path workspace) {
        var env = new LinkedHashMap<String, String>();
        String bin = paths.binDir().toString();
        String oldPath = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        String rest = Arrays.stream(oldPath.split(File.pathSeparator)).filter(d -> !d.equals(bin)).collect(Collectors.joining(File.pathSeparator));
        env.put("PATH", rest.isEmpty() ? bin : bin + File.pathSeparator + rest);
        String labHome = System.getProperty("lab.home", environment.get("LAB_HOME"));
        if (labHome != null && !labHome.isBlank()) env.put("LAB_HOME", Path.of(labHome).toAbsolutePath().toString());
        env.put("LAB_ENGINE_SOCKET", paths.socket().toString());
        Optional<ComposeFile> compose = compose(workspace);
        env.put("AWS_ENDPOINT_URL", compose.map(LocalStackEndpoint::of).orElse(LocalStackEndpoint.DEFAULT).toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", compose.flatMap(Toolbox::region).orElse("us-east-1"));
        return new Toolbox(paths.binDir(), env);
    }

    /** This toolbox with one more variable. */
    public Toolbox with(String name, String value) {
        var more = new LinkedHashMap<>(env);
        more.put(name, value);
        return new Toolbox(binDir, more);
    }

    /** The user's environment with this toolbox's variables set on top. */
    public Map<String, String> over(Map<String, String> environment) {
        var all = new LinkedHashMap<>(environment);
        all.putAll(env);
        return all;
    }

    // A compose file the learner broke must not stop their shell from opening: the defaults apply then.
    private static Optional<ComposeFile> compose(Path workspace) {
        try {
            return LabCommands.composeFile(workspace).map(ComposeParser::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> region(ComposeFile compose) {
        return LocalStackEndpoint.services(compose).stream().map(Service::environment)
                .map(e -> e.get("AWS_DEFAULT_REGION")).filter(r -> r != null && !r.isBlank()).findFirst();
    }
}
