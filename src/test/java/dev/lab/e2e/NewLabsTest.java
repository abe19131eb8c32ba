package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example labs beyond persistence pass `lab test` on the embedded engine, in Korean and in English, with the built-in AWS CLI. */
class NewLabsTest {
    @TempDir java.nio.file.Path home;

    @ParameterizedTest(name = "{0} --lang {1}")
    @CsvSource(delimiter = '|', textBlock = """
        s3-basics  | ko | 4/4 steps held (1 passed, 3 solved, 0 failed), 18/18 checks held
        s3-basics  | en | 4/4 steps held (1 passed, 3 solved, 0 failed), 18/18 checks held
        init-hooks | ko | 3/3 steps held (1 passed, 2 solved, 0 failed), 14/14 checks held
        init-hooks | en | 3/3 steps held (1 passed, 2 solved, 0 failed), 14/14 checks held
        """)
    void everySolutionHoldsOnTheEmbeddedEngine(String lab, String lang, String summary) throws Exception {
        var r = Child.run(home, java.util.Map.of("LAB_AWS_CLI", "builtin"), "", "test", lab, "--lang", lang);
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains(summary), r.out());
        var v = Child.run(home, "", "validate", lab);
        assertEquals(0, v.exitCode(), v.out());
        assertTrue(v.out().contains("(2 translation(s))"), v.out());
    }
}
