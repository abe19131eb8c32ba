package dev.lab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lab.term.Width;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lab class watch}'s view: a table of learners whose columns line up, names that cannot drive the terminal. */
class BoardClientTest {
    private static final String BOARD = """
            {"learners": [
              {"name": "김민지", "lab": "persistence", "stepNumber": 3, "stepCount": 19, "step": "create-bucket", "passed": 2,
               "solved": 0, "failed": 1, "commands": 7, "hints": 1, "stuck": true, "failing": ["bucket demo exists"]},
              {"name": "Bo\\u001b[2J", "lab": "persistence", "stepNumber": 12, "stepCount": 19, "step": "restart", "passed": 11,
               "solved": 0, "failed": 0, "commands": 30, "hints": 0, "stuck": false, "failing": []}],
             "steps": [{"lab": "persistence", "number": 3, "learners": 2}],
             "failingChecks": [{"check": "bucket demo exists", "failures": 4, "learners": 1}]}
            """;

    @Test
    void learnersAreRowsOfOneTableWithTheirStepAndFailingCheck() throws Exception {
        String text = BoardClient.render(new ObjectMapper().readTree(BOARD), 200);
        List<String> lines = text.lines().toList();
        var table = lines.subList(0, lines.indexOf(""));
        assertEquals(6, table.size(), text); // top, header, rule, two learners, bottom
        assertTrue(table.stream().allMatch(l -> Width.columns(l) == Width.columns(table.get(0))), "columns line up\n" + text);
        String kim = table.stream().filter(l -> l.contains("김민지")).findFirst().orElseThrow();
        assertTrue(kim.contains("3/19 create-bucket") && kim.contains("STUCK") && kim.contains("bucket demo exists"), kim);
        assertFalse(text.contains("\u001b"), "a learner's name cannot clear the instructor's screen");
        assertTrue(text.contains("Bo[2J"), text);
        assertTrue(text.contains("  persistence  3 ██ 2"), text);
        assertTrue(text.contains("    4× (1 learners) bucket demo exists"), text);
    }

    @Test
    void aNarrowTerminalWrapsCellsInsteadOfOverflowing() throws Exception {
        String text = BoardClient.render(new ObjectMapper().readTree(BOARD), 90);
        text.lines().takeWhile(l -> !l.isEmpty()).forEach(l -> assertTrue(Width.columns(l) <= 90, l));
    }
}
