package dev.lab.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class WidthTest {
    @Test
    void countsHangulAsTwoColumns() {
        assertEquals(0, Width.columns(""));
        assertEquals(5, Width.columns("abc 1"));
        assertEquals(4, Width.columns("버킷"));
        assertEquals(7, Width.columns("S3 버킷"));
        // A combining accent occupies no column of its own.
        assertEquals(1, Width.columns("e\u0301"));
    }

    @Test
    void padsByDisplayColumns() {
        assertEquals("버킷  ", Width.padRight("버킷", 6));
        assertEquals("ab    ", Width.padRight("ab", 6));
        assertEquals("버킷이름", Width.padRight("버킷이름", 4));
    }

    @Test
    void wrapsKoreanAtSpacesWithinWidth() {
        List<String> lines = Width.wrap("한국어 문장은 두 칸 너비로 표시됩니다", 13);
        assertEquals(List.of("한국어 문장은", "두 칸 너비로", "표시됩니다"), lines);
        lines.forEach(line -> assertTrue(Width.columns(line) <= 13, line));
    }

    @Test
    void wrapSplitsWordsWiderThanALineAndKeepsNewlines() {
        assertEquals(List.of("abcd", "ef"), Width.wrap("abcdef", 4));
        assertEquals(List.of("가나", "다라", "마"), Width.wrap("가나다라마", 5));
        assertEquals(List.of("첫 줄", "", "셋째"), Width.wrap("첫 줄\n\n셋째", 20));
    }

    @Test
    void truncatesWithEllipsisByColumns() {
        assertEquals("짧음", Width.truncate("짧음", 4));
        assertEquals("가나…", Width.truncate("가나다라", 6));
        assertEquals("가나…", Width.truncate("가나다라", 5));
        assertEquals("abcd…", Width.truncate("abcdefgh", 5));
        assertEquals("…", Width.truncate("abc", 1));
        assertEquals("", Width.truncate("abc", 0));
    }
}
