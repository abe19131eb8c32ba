package dev.lab.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

class SpinnerTest {
    private static final String NL = System.lineSeparator();

    @Test
    void dumbTerminalPrintsLabelOnceAndEndsTheLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(new byte[0]), bytes, StandardCharsets.UTF_8)) {
            assertTrue(Spinner.isDumb(terminal));
            try (Spinner spinner = Spinner.start(terminal, "LocalStack 기동 대기")) {
                Thread.sleep(150);
            }
            terminal.flush();
        }
        assertEquals("LocalStack 기동 대기…" + NL, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void streamTerminalWithoutSizeIsTreatedAsDumb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Size and encoding are pinned: a stream terminal otherwise takes them from whoever runs the tests.
        try (Terminal terminal = TerminalBuilder.builder().dumb(true).size(new org.jline.terminal.Size(0, 0)).encoding(StandardCharsets.UTF_8)
                .streams(new ByteArrayInputStream(new byte[0]), bytes).build()) {
            assertTrue(Spinner.isDumb(terminal));
            // What a dumb spinner prints is asserted on DumbTerminal above: this stream-backed terminal
            // hands its output over asynchronously, so its bytes are not reliably there on close.
        }
    }

    @Test
    void dumbSpinnerReportsElapsedSecondsAndLabelChanges() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Spinner spinner = Spinner.start(new PrintWriter(text), "이미지 받는 중", false, 80, clock::get);
        spinner.update("이미지 받는 중");
        spinner.update("컨테이너 시작");
        clock.set(3_400_000_000L);
        spinner.close();
        spinner.close();
        spinner.update("무시됨");
        assertEquals("이미지 받는 중…" + NL + "컨테이너 시작… (3s)" + NL, text.toString());
    }

    @Test
    void closesCleanlyWhenTheTaskThrows() {
        StringWriter text = new StringWriter();
        assertThrows(IllegalStateException.class, () -> {
            try (Spinner spinner = Spinner.start(new PrintWriter(text), "배포")) {
                throw new IllegalStateException("boom");
            }
        });
        assertEquals("배포…" + NL, text.toString());
    }

    @Test
    void animatedSpinnerRedrawsWithCarriageReturnAndErasesOnClose() throws Exception {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Spinner spinner = Spinner.start(new PrintWriter(text), "LocalStack 기동 대기", true, 80, clock::get);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!text.toString().contains("⠙") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        clock.set(2_000_000_000L);
        spinner.update("S3 준비 확인");
        spinner.close();
        spinner.close();
        String out = text.toString();
        assertTrue(out.startsWith("\r⠋ LocalStack 기동 대기"), out);
        assertTrue(out.contains("\r⠙ LocalStack 기동 대기"), "redrawn at least once: " + out);
        assertTrue(out.contains(" S3 준비 확인 (2s)"), out);
        int widest = Width.columns("⠋ LocalStack 기동 대기");
        assertTrue(out.endsWith("\r" + " ".repeat(widest) + "\r"), "line erased: " + out);
    }

    @Test
    void animatedSpinnerTruncatesLabelsToTheScreen() {
        StringWriter text = new StringWriter();
        Spinner spinner = Spinner.start(new PrintWriter(text), "아주 긴 레이블 ".repeat(10), true, 20, () -> 0L);
        spinner.close();
        String firstFrame = text.toString().split("\r")[1];
        assertTrue(Width.columns(firstFrame) < 20, firstFrame);
        assertTrue(firstFrame.endsWith("…"), firstFrame);
    }
}
