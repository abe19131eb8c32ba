package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lab.engine.EngineException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -u} resolved as Docker does it (observed with Docker 20.10 on the LocalStack image). */
class ExecUserTest {
    private static final List<String> PASSWD = List.of("root:x:0:0:root:/root:/bin/bash",
            "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin", "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
            "localstack:x:1000:1000::/home/localstack:/bin/bash");
    private static final List<String> GROUP = List.of("root:x:0:", "daemon:x:1:", "nogroup:x:65534:", "localstack:x:1000:");

    private static ExecUser resolve(String spec) throws EngineException {
        return ExecUser.resolve(spec, PASSWD, GROUP);
    }

    @Test
    void namesAndIdsMatchTheImageEntries() throws Exception {
        assertEquals(new ExecUser(1000, 1000, "/home/localstack"), resolve("localstack"));
        assertEquals(new ExecUser(1000, 1000, "/home/localstack"), resolve("1000"), "a number in the file takes its entry");
        assertEquals(new ExecUser(65534, 65534, "/nonexistent"), resolve("nobody"));
        assertEquals(new ExecUser(0, 0, "/root"), resolve("root"));
    }

    @Test
    void aGroupReplacesTheEntrysOwn() throws Exception {
        assertEquals(new ExecUser(1000, 0, "/home/localstack"), resolve("localstack:root"));
        assertEquals(new ExecUser(0, 1000, "/root"), resolve("root:localstack"));
        assertEquals(new ExecUser(0, 1000, "/root"), resolve("0:localstack"));
        assertEquals(new ExecUser(1000, 55, "/home/localstack"), resolve("localstack:55"));
    }

    @Test
    void anUnknownNumberRunsAsItIsInGroupZero() throws Exception {
        assertEquals(new ExecUser(1234, 0, "/"), resolve("1234"));
        assertEquals(new ExecUser(1234, 55, "/"), resolve("1234:55"));
    }

    @Test
    void anUnknownNameIsDockersError() {
        var user = assertThrows(EngineException.class, () -> resolve("nosuch"));
        assertEquals("unable to find user nosuch: no matching entries in passwd file", user.getMessage());
        var group = assertThrows(EngineException.class, () -> resolve("localstack:nosuch"));
        assertEquals("unable to find group nosuch: no matching entries in group file", group.getMessage());
        var hostOnly = assertThrows(EngineException.class, () -> ExecUser.resolve("localstack", List.of("root:x:0:0:root:/root:/bin/bash"),
                List.of("root:x:0:")));
        assertEquals("unable to find user localstack: no matching entries in passwd file", hostOnly.getMessage());
    }
}
