package dev.lab.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void alignsMixedHangulAndAsciiColumns() {
        List<String> lines = Table.of(List.of("", "검사", "결과"))
                .row("✓", "버킷 존재", "ok")
                .row("✗", "versioning", "비활성")
                .renderPlain(80);
        assertEquals(List.of(
                "┌───┬────────────┬────────┐",
                "│   │ 검사       │ 결과   │",
                "├───┼────────────┼────────┤",
                "│ ✓ │ 버킷 존재  │ ok     │",
                "│ ✗ │ versioning │ 비활성 │",
                "└───┴────────────┴────────┘"), lines);
        lines.forEach(line -> assertEquals(27, Width.columns(line), line));
    }

    @Test
    void wrapsLongCellsWithinTheirColumn() {
        List<String> lines = Table.of(List.of("키", "설명"))
                .row("region", "서울 리전에 버킷을 만듭니다")
                .renderPlain(24);
        assertEquals(List.of(
                "┌────────┬─────────────┐",
                "│ 키     │ 설명        │",
                "├────────┼─────────────┤",
                "│ region │ 서울 리전에 │",
                "│        │ 버킷을      │",
                "│        │ 만듭니다    │",
                "└────────┴─────────────┘"), lines);
        lines.forEach(line -> assertTrue(Width.columns(line) <= 24, line));
    }

    @Test
    void stylesOnlyTheFirstCellOfAStyledRow() {
        List<AttributedString> lines = Table.of(List.of()).row(Theme.FAIL, "✗", "실패").render(40);
        AttributedString row = lines.get(1);
        assertEquals("│ ✗ │ 실패 │", row.toString());
        assertEquals(Theme.FAIL, row.styleAt(row.toString().indexOf('✗')));
        assertEquals(AttributedStyle.DEFAULT, row.styleAt(row.toString().indexOf('실')));
        assertEquals(3, lines.size(), "no header section without headers");
    }

    @Test
    void alignsColumnsRightAndCenter() {
        List<String> lines = Table.of(List.of("이름", "개수", "상태"))
                .align(1, Table.Align.RIGHT)
                .align(2, Table.Align.CENTER)
                .row("a", "7", "ok")
                .renderPlain(80);
        assertEquals("│ a    │    7 │  ok  │", lines.get(3));
    }

    @Test
    void fillsMissingCellsAndRendersNothingWhenEmpty() {
        assertEquals(List.of(), Table.of(List.of()).renderPlain(40));
        List<String> lines = Table.of(List.of("a", "b")).row("1").renderPlain(40);
        assertEquals("│ 1 │   │", lines.get(3));
    }
}
