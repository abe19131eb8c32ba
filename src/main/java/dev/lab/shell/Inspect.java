package dev.lab.shell;

import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.MountInfo;
import dev.lab.engine.Project;
import java.util.ArrayList;
import java.util.List;

/** {@code docker inspect <container>}: the fields labs look at, laid out as Docker prints them. */
final class Inspect {
    private Inspect() {}

    static int print(Engine engine, Project project, String name, Io io) throws EngineException {
        ContainerInfo c = engine.container(project, name)
                .orElseThrow(() -> new EngineException("Error: No such object: " + name));
        var lines = new ArrayList<String>();
        lines.add("[");
        lines.add("    {");
        lines.add("        \"Id\": \"" + c.id() + "\",");
        lines.add("        \"Created\": \"" + c.created() + "\",");
        lines.add("        \"State\": {");
        lines.add("            \"Status\": \"" + c.state().word() + "\",");
        lines.add("            \"Running\": " + c.live() + ",");
        lines.add("            \"Restarting\": " + (c.state() == ContainerInfo.State.RESTARTING) + ",");
        lines.add("            \"ExitCode\": " + c.exitCode());
        lines.add("        },");
        lines.add("        \"Name\": \"/" + c.name() + "\",");
        lines.add("        \"RestartCount\": " + c.restartCount() + ",");
        lines.add("        \"HostConfig\": {");
        lines.add("            \"RestartPolicy\": {");
        int colon = c.restartPolicy().indexOf(':');
        lines.add("                \"Name\": \"" + (colon < 0 ? c.restartPolicy() : c.restartPolicy().substring(0, colon)) + "\",");
        lines.add("                \"MaximumRetryCount\": " + (colon < 0 ? "0" : c.restartPolicy().substring(colon + 1)));
        lines.add("            }");
        lines.add("        },");
        lines.add("        \"Mounts\": [");
        List<MountInfo> mounts = c.mounts();
        for (int i = 0; i < mounts.size(); i++) {
            MountInfo m = mounts.get(i);
            lines.add("            {");
            lines.add("                \"Type\": \"" + m.type() + "\",");
            if (m.name() != null) lines.add("                \"Name\": \"" + m.name() + "\",");
            lines.add("                \"Source\": \"" + m.source() + "\",");
            lines.add("                \"Destination\": \"" + m.destination() + "\",");
            lines.add("                \"RW\": " + m.readWrite());
            lines.add("            }" + (i < mounts.size() - 1 ? "," : ""));
        }
        lines.add("        ],");
        lines.add("        \"Config\": {");
        lines.add("            \"User\": \"" + c.user() + "\",");
        lines.add("            \"Image\": \"" + c.image() + "\",");
        lines.add("            \"Labels\": {");
        lines.add("                \"com.docker.compose.project\": \"" + project.name() + "\",");
        lines.add("                \"com.docker.compose.service\": \"" + c.service() + "\"");
        lines.add("            }");
        lines.add("        }");
        lines.add("    }");
        lines.add("]");
        lines.forEach(io.out());
        return 0;
    }
}
