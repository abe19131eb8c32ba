package dev.lab.classroom;

import java.util.Map;

/** The board's snapshot for tests in this package. */
final class BoardServerTestAccess {
    private BoardServerTestAccess() {}

    static Map<String, Object> snapshot(BoardServer board) { return board.snapshot(); }

    static long events(BoardServer board) { return ((Number) snapshot(board).get("events")).longValue(); }
}
