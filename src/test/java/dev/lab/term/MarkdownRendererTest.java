package dev.lab.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(40);

    private String plain(String markdown) {
        return renderer.render(markdown).toString();
    }

    @Test
    void underlinesTopHeadingsByDisplayWidth() {
        assertEquals("실습 소개\n═════════", plain("# 실습 소개"));
        assertEquals("Setup\n─────", plain("## Setup"));
        assertEquals("세부 사항", plain("### 세부 사항"));
    }

    @Test
    void stripsTrailingAttributeListFromStepHeadings() {
        assertEquals("1단계: 버킷 만들기\n──────────────────", plain("## 1단계: 버킷 만들기 {#make_bucket variant=local}"));
        assertEquals("강조 단계\n─────────", plain("## *강조* 단계 {#s2}"));
        // Braces inside a code span are content, not an attribute list.
        assertEquals("Use {}\n──────", plain("## Use `{}`"));
    }

    @Test
    void colorsHeadingsAndStylesInlineMarkup() {
        AttributedString h1 = renderer.render("# 제목");
        assertEquals(Theme.H1, h1.styleAt(0));
        AttributedString text = renderer.render("*기울임* **굵게** `code`");
        assertEquals("기울임 굵게 code", text.toString());
        assertEquals(AttributedStyle.DEFAULT.italic(), text.styleAt(0));
        assertEquals(AttributedStyle.DEFAULT.bold(), text.styleAt(4));
        assertEquals(Theme.code(AttributedStyle.DEFAULT), text.styleAt(7));
    }

    @Test
    void wrapsLongKoreanParagraphWithinWidth() {
        String paragraph = "이 실습에서는 LocalStack 위에 S3 버킷을 만들고 버전 관리를 켠 다음, "
                + "객체를 여러 번 덮어써서 이전 버전이 어떻게 보존되는지 직접 확인합니다. "
                + "명령은 복사해서 그대로 실행할 수 있습니다.";
        for (String line : plain(paragraph).split("\n")) {
            assertTrue(Width.columns(line) <= 40, line + " is " + Width.columns(line) + " columns");
            assertTrue(!line.startsWith(" ") && !line.endsWith(" "), "[" + line + "]");
        }
        assertEquals(String.join(" ", plain(paragraph).split("\n")), paragraph);
    }

    @Test
    void keepsInlineCodeSpansTogetherWhenWrapping() {
        // Breaking at the code span's spaces would fit "aws s3 ls" on the first line.
        assertEquals("목록 확인:\naws s3 ls s3://demo-bucket-name 실행",
                plain("목록 확인: `aws s3 ls s3://demo-bucket-name` 실행"));
    }

    @Test
    void rendersHardBreaksAndSoftBreaks() {
        assertEquals("한 줄 이어짐\n강제 줄바꿈", plain("한 줄\n이어짐\\\n강제 줄바꿈"));
    }

    @Test
    void rendersCodeBlocksWithLabels() {
        assertEquals("  ▶ run\n  aws s3 mb s3://demo\n\n  aws s3 ls", plain("```bash {run}\naws s3 mb s3://demo\n\naws s3 ls\n```"));
        assertEquals("  ✓ check\n  bucket exists", plain("```check\nbucket exists\n```"));
        assertEquals("  yaml\n  a: 1", plain("```yaml\na: 1\n```"));
        assertEquals("  plain", plain("```\nplain\n```"));
        assertEquals("  indented", plain("    indented"));
        AttributedString code = renderer.render("```\nx\n```");
        assertEquals(Theme.CODE_BLOCK, code.styleAt(2));
    }

    @Test
    void rendersNestedBulletLists() {
        assertEquals("• 첫째\n• 둘째\n  ◦ 중첩\n    ▪ 더 깊이\n• 셋째",
                plain("- 첫째\n- 둘째\n  - 중첩\n    - 더 깊이\n- 셋째"));
    }

    @Test
    void rendersOrderedListsWithAlignedNumbersAndHangingIndent() {
        assertEquals(" 9. 아홉\n10. 열", plain("9. 아홉\n10. 열"));
        assertEquals("1) 버킷을 만들고 버전 관리를 켠 다음\n   객체를 올립니다",
                plain("1) 버킷을 만들고 버전 관리를 켠 다음 객체를 올립니다"));
        assertEquals("1. 하나\n\n2. 둘", plain("1. 하나\n\n2. 둘"));
    }

    @Test
    void rendersBlockQuotesWithGutter() {
        assertEquals("│ 인용 첫 문단\n│\n│ 둘째", plain("> 인용 첫 문단\n>\n> 둘째"));
    }

    @Test
    void rendersThematicBreakAcrossTheWidth() {
        assertEquals("위\n\n" + "─".repeat(40) + "\n\n아래", plain("위\n\n---\n\n아래"));
    }

    @Test
    void rendersLinksAsTextAndDimUrl() {
        AttributedString link = renderer.render("[문서](https://example.com) 참고");
        assertEquals("문서 (https://example.com) 참고", link.toString());
        assertEquals(Theme.DIM, link.styleAt(4));
        assertEquals("https://example.com", plain("<https://example.com>"));
    }

    @Test
    void showsDetailsSummaryAndIndentsItsContent() {
        String md = "<details><summary>힌트 보기</summary>\n\n정답은 `aws s3 ls` 입니다.\n\n</details>\n\n다음";
        assertEquals("▸ 힌트 보기\n\n  정답은 aws s3 ls 입니다.\n\n다음", plain(md));
        assertEquals("주석 뒤", plain("<!-- lab: meta -->\n\n주석 뒤"));
    }

    @Test
    void drawsGfmTablesAlignedByDisplayWidth() {
        String md = "| 이름 | 값 |\n|---|--:|\n| 버킷 | `demo` |\n| region | 12 |";
        assertEquals("""
                ┌────────┬──────┐
                │ 이름   │   값 │
                ├────────┼──────┤
                │ 버킷   │ demo │
                │ region │   12 │
                └────────┴──────┘""", plain(md));
    }

    @Test
    void koreanTableBordersShareOneWidthEvenWhenWrapped() {
        String md = "| 항목 | 설명 |\n|---|---|\n| 버킷 | 실습에서 사용할 S3 버킷으로 이름은 전역에서 고유해야 합니다 |\n"
                + "| 버전 관리 | 켜져 있어야 합니다 |";
        String[] lines = plain(md).split("\n");
        assertTrue(lines.length > 6, "the long cell wraps");
        for (String line : lines) {
            assertEquals(Width.columns(lines[0]), Width.columns(line), line);
            assertTrue(Width.columns(line) <= 40, line);
        }
    }
}
