package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ModesTest {
    @Test
    void octalAndSymbolicModes() {
        assertEquals(0755, Modes.next(0700, "755", true));
        assertEquals(0777, Modes.next(0755, "a+rwx", true));
        assertEquals(0757, Modes.next(0755, "o+w", true));
        assertEquals(0555, Modes.next(0755, "u-w", true));
        assertEquals(0700, Modes.next(0755, "go=", true));
        assertEquals(0775, Modes.next(0755, "g+w", false));
        assertEquals(0644, Modes.next(0600, "go+r", false));
        assertThrows(ShellError.class, () -> Modes.next(0755, "z+q", true));
    }
}
