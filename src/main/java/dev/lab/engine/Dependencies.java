package dev.lab.engine;

import dev.lab.compose.ComposeFile;
import dev.lab.compose.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The start order of {@code up}: the named services (all when none) and what they depend on, dependencies first. */
public final class Dependencies {
    private Dependencies() {}

    public static List<Service> order(ComposeFile compose, List<String> wanted) throws EngineException {
        var names = wanted.isEmpty() ? List.copyOf(compose.services().keySet()) : wanted;
        var out = new LinkedHashSet<String>();
        for (String n : names) visit(compose, n, out, new LinkedHashSet<>());
        var services = new ArrayList<Service>();
        for (String n : out) services.add(compose.services().get(n));
        return services;
    }

    private static void visit(ComposeFile compose, String name, Set<String> out, Set<String> path) throws EngineException {
        Service s = compose.services().get(name);
        if (s == null) throw new EngineException("no such service: " + name);
        if (!path.add(name)) throw new EngineException("dependency cycle between services: " + String.join(" -> ", path));
        for (String dep : s.dependsOn().keySet()) visit(compose, dep, out, path);
        path.remove(name);
        out.add(name);
    }
}
