package dev.lab.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Both languages say everything, each in its own words. */
class TextsTest {
    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(Texts.of("ko").keys(), Texts.of("en").keys());
    }

    @Test
    void englishTextsHaveNoKorean() {
        var en = Texts.of("en");
        for (String key : en.keys()) assertFalse(en.get(key, "a", "b", "c").matches("(?s).*[\\uAC00-\\uD7A3].*"), key);
    }

    @Test
    void argumentsAndApostrophesAreFormatted() {
        assertEquals("no step 'x' (`steps` lists them)", Texts.of("en").get("repl.noStep", "x"));
        assertEquals("Removed the lab's containers, volumes and workspace files.", Texts.of("en").get("repl.resetAllDone"));
        assertEquals("단계 12 통과 (3400 ms)", Texts.of("ko").get("printer.passed", 12, 3400L));
        assertThrows(IllegalArgumentException.class, () -> Texts.of("fr"));
    }
}
