package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.source.StateFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A garbled {@code state/startup_info.json} stops the start with a message naming it; it is not silently replaced. */
class StartupRecordTest {
    @TempDir Path tmp;

    @Test
    void aGarbledStartupRecordNamesTheFileAndIsKept() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of())) {
            Path file = Files.createDirectories(harness.volume.resolve("state")).resolve("startup_info.json");
            for (String garbled : new String[] {"{\"not\": \"a list\"}", "[{\"timestamp\": ", "\u0000\u0001binary"}) {
                Files.writeString(file, garbled);
                var e = assertThrows(StateFileException.class, harness.emulator::start);
                assertTrue(e.getMessage().startsWith(file + ": LocalStack cannot read its start-up record"), e.getMessage());
                assertTrue(e.getMessage().contains("delete the file, or `reset all`"), e.getMessage());
                assertFalse(harness.emulator.running());
                assertTrue(Files.readString(file).equals(garbled), "the learner's file is kept as it was");
            }
            Files.writeString(file, "[]");
            harness.started();
            assertTrue(Files.readString(file).startsWith("[{\"timestamp\": "));
        }
    }

    /** Restarts append to the record this process wrote without rereading it, yet an edit made in between is checked. */
    @Test
    void restartsAppendAndAnEditInBetweenIsCheckedAgain() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of()).started()) {
            Path file = harness.volume.resolve("state/startup_info.json");
            harness.restart();
            harness.restart();
            String text = Files.readString(file);
            var entries = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            assertEquals(3, entries.size(), text);
            harness.emulator.stop();
            String garbled = text.substring(0, text.length() - 1) + "}";
            Files.writeString(file, garbled);
            assertThrows(StateFileException.class, harness.emulator::start);
            assertEquals(garbled, Files.readString(file));
        }
    }
}
