package dev.lab.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The instructor's page ({@code board.html}) with the board as it is now inside. */
final class BoardPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BoardPage() {}

    /** {@code <} is escaped in the JSON, so no text can end the script. */
    static byte[] of(Map<String, Object> snapshot) throws IOException {
        try (var in = BoardPage.class.getResourceAsStream("board.html")) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String now = JSON.writeValueAsString(snapshot).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
            return html.replace("/*INITIAL*/null", now).getBytes(StandardCharsets.UTF_8);
        }
    }
}
