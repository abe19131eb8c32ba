package dev.lab.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --image NAME=REF}: replaces the image of the service named NAME in every variant; the name
 * {@code localstack} stands for every service that runs a LocalStack image.
 */
public final class ImageOverrides {
    private ImageOverrides() {}

    /** Parses {@code NAME=REF} arguments, or an error naming the bad one. */
    public static Map<String, String> parse(Iterable<String> args) {
        var out = new LinkedHashMap<String, String>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0 || eq == a.length() - 1) throw new IllegalArgumentException("--image expects NAME=IMAGE (e.g. localstack=localstack/localstack:4.14.0), not " + a);
            out.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return out;
    }

    /** The compose file with the overridden images; the same file when there are none. */
    public static ComposeFile apply(ComposeFile file, Map<String, String> overrides) {
        if (overrides.isEmpty()) return file;
        var services = new LinkedHashMap<String, Service>();
        file.services().forEach((name, s) -> {
            String image = overrides.getOrDefault(name, ImageRef.parse(s.image()).isLocalStack() ? overrides.get("localstack") : null);
            services.put(name, image == null ? s : s.withImage(image));
        });
        return new ComposeFile(file.source(), services, file.volumes(), file.networks(), file.projectName());
    }

}
