package dev.lab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.Engine;
import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.lab.LabLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The reports name the edition the engine reports (the docker engine reads it from LocalStack), not the --edition option. */
class ReportEditionTest {
    @TempDir Path tmp;

    @Test
    void theReportsCarryTheEditionTheEngineReports() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("labs/tiny"));
        Files.writeString(dir.resolve("lab.ko.md"), "---\nlab: tiny\ntitle: 작은 실습\n---\n## 1. 인사 {#hello}\n\n"
                + "```bash {run}\necho hi\n```\n\n```check\noutput contains \"hi\"\n```\n");
        var lab = LabLoader.loadFolder(dir, "ko");
        var cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(dir.toString(), "--edition", "community-4.14", "--workspace", tmp.resolve("ws").toString(),
                "--report-dir", tmp.resolve("reports").toString(), "--quiet");
        var real = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0);
        // What the docker engine does once LocalStack answers: it reports an edition other than the option.
        Engine reporting = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class}, (p, m, a) -> {
            if (m.getName().equals("edition")) return "pro";
            try {
                return m.invoke(real, a);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        cmd.run(lab, reporting, new Preflight(lab), false);
        String json = Files.readString(tmp.resolve("reports/tiny.json"));
        assertTrue(json.contains("\"edition\": \"pro\""), json);
        String junit = Files.readString(tmp.resolve("reports/tiny.junit.xml"));
        assertTrue(junit.contains("tiny (embedded, pro)"), junit);
    }
}
