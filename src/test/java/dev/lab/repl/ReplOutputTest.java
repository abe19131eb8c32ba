package dev.lab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output conventions: colour only on a terminal without NO_COLOR; the REPL's own words in the chosen language. */
class ReplOutputTest {
    private static final String RED = "\u001b[31m";
    private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3]");
    /** Everything the REPL says about itself, with a lab that has no Korean of its own. */
    private static final String EVERY_COMMAND = "help\nsteps\nshow 2\nhint\nnext\nprev\nprev\ncheck\nstate\nvariant\nbogus\nreset bogus\n"
            + "goto nine\nrun now\nnext\nnext\nnext\nreset all\n";

    @TempDir Path tmp;

    @Test
    void noColourWhenTheOutputIsNotATerminal() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
            repl.type("goto nine\n");
            repl.waitFor("no step 'nine'");
            assertEquals(0, repl.quit());
            assertFalse(repl.text().contains("\u001b["), repl.text());
        }
    }

    @Test
    void noColourWithNoColorOnARealTerminal() throws Exception {
        assertTrue(errorLine(Map.of()).contains(RED), "a real terminal shows errors in red");
        assertFalse(errorLine(Map.of("NO_COLOR", "1")).contains(RED), "NO_COLOR turns colour off");
    }

    @Test
    void englishChromeIsAllEnglish() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
            repl.type(EVERY_COMMAND);
            repl.waitFor("Removed the lab's containers");
            repl.type("next\n");
            assertEquals(0, repl.quit());
            String text = repl.text();
            try (var resumed = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
                resumed.waitFor("Resuming at step 2");
                assertEquals(0, resumed.quit());
                text += resumed.text();
            }
            var korean = HANGUL.matcher(text);
            assertFalse(korean.find(), "Korean in --lang en: …" + (korean.hitEnd() ? "" : text.substring(Math.max(0, korean.start() - 80), Math.min(text.length(), korean.start() + 80))));
            assertTrue(text.contains("Type `help` for the lab's commands") && text.contains("Goodbye!"), text);
        }
    }

    @Test
    void koreanChromeIsKorean() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "ko", Map.of())) {
            repl.type(EVERY_COMMAND);
            repl.waitFor("모든 컨테이너·볼륨·작업 파일을 지웠습니다");
            assertEquals(0, repl.quit());
            String text = repl.text();
            assertTrue(text.contains("엔진: embedded") && text.contains("이 도움말") && text.contains("종료 코드 127"), text);
            for (String english : new String[] {"this help", "exit 127", "engine:", "Goodbye", "takes no argument"}) {
                assertFalse(text.contains(english), english + " in --lang ko: " + text);
            }
        }
    }

    /** What a wrong step number prints on an xterm-like terminal with {@code env}. */
    private String errorLine(Map<String, String> env) throws Exception {
        Path dir = tmp.resolve(String.valueOf(env.size()));
        try (var repl = new ReplDriver(dir, ReplDriver.SLOW_LAB, "en", env, (in, out) -> {
            try {
                var t = new ExternalTerminal("test", "xterm-256color", in, out, StandardCharsets.UTF_8);
                t.setSize(new Size(100, 40));
                return t;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })) {
            repl.type("goto nine\r");
            repl.waitFor("no step 'nine'");
            String text = repl.text();
            int at = text.indexOf("no step 'nine'");
            return text.substring(Math.max(0, at - 20), at);
        }
    }
}
