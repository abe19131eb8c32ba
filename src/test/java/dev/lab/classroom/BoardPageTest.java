package dev.lab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instructor's page carries the board as JSON inside its script, where no learner's text can end the script. */
class BoardPageTest {
    @Test
    void theBoardIsInsideAndALearnerNameCannotCloseTheScript() throws Exception {
        String name = "</script><img src=x onerror=alert(1)>\u2028";
        String html = new String(BoardPage.of(Map.of("learners", List.of(Map.of("name", name)))), StandardCharsets.UTF_8);
        assertFalse(html.contains("/*INITIAL*/null"), "the snapshot replaces the placeholder");
        assertTrue(html.contains("\\u003c/script>\\u003cimg src=x onerror=alert(1)>\\u2028"), "escaped as JSON the script reads back");
        assertFalse(html.contains("</script><img"));
        assertEquals(1, html.split("\\\\u003c/script>", -1).length - 1);
    }
}
