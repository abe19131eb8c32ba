package dev.lab.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceTest {
    @Test
    void onlyANonEmptyValueOtherThanZeroSwitchesTracingOn() {
        assertFalse(Trace.on(null));
        assertFalse(Trace.on(""));
        assertFalse(Trace.on("0"));
        assertTrue(Trace.on("1"));
    }

    @Test
    void aLineNamesTheProcessTheSpanOnItsFirstLineAndTheMilliseconds() {
        var bytes = new ByteArrayOutputStream();
        Trace.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "step 2 block lab.ko.md:96\nsecond line", 12_345_678);
        String line = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(line.matches("lab-trace \\d\\d:\\d\\d:\\d\\d\\.\\d{3} " + ProcessHandle.current().pid()
                + " step 2 block lab\\.ko\\.md:96 12\\.3\\R"), line);
    }
}
