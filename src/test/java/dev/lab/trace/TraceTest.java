package dev.lab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceTest {
    @Test
    void aSpanLineNamesTheProcessTheWallClockTheSpanOnItsFirstLineAndTheMilliseconds() {
        var bytes = new ByteArrayOutputStream();
        Trace.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "step 2 block lab.ko.md:96\nsecond line", 12_345_678);
        String line = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(line.matches("lab-trace " + ProcessHandle.current().pid() + " -?\\d+ \\d{1,5} step 2 block lab\\.ko\\.md:96 12\\.3 ms\\R"), line);
    }

    @Test
    void offUnlessLabTraceIsOne() {
        assertEquals("1".equals(System.getenv("LAB_TRACE")), Trace.on());
    }
}
