package dev.lab.term;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class MarkdownPartsTest {
    @Test
    void labelsCodeBlocksFromTheirInfoString() {
        assertEquals("▶ run", CodeBlock.label("bash {run}"));
        assertEquals("▶ run", CodeBlock.label("sh {#start run timeout=30}"));
        assertEquals("▶ run", CodeBlock.label("{run}"));
        assertEquals("✓ check", CodeBlock.label("check"));
        assertEquals("json", CodeBlock.label("json {#policy}"));
        assertEquals("", CodeBlock.label(""));
        assertEquals("", CodeBlock.label(null));
    }

    @Test
    void reducesHtmlBlocksToTextAndTracksDetailsNesting() {
        HtmlText.Result open = HtmlText.render("<details>\n<summary>힌트 &amp; 정답</summary>\n본문 <b>굵게</b>\n</details>", 40);
        assertEquals(List.of("▸ 힌트 & 정답", "  본문 굵게"), plain(open.lines()));
        assertEquals(0, open.depthDelta());
        assertEquals(1, HtmlText.render("<details><summary>x</summary>", 40).depthDelta());
        HtmlText.Result close = HtmlText.render("</details>", 40);
        assertEquals(List.of(), close.lines());
        assertEquals(-1, close.depthDelta());
        assertEquals(List.of(), HtmlText.render("<!-- step: 1 -->", 40).lines());
    }

    @Test
    void readsTagNames() {
        assertEquals("br", HtmlText.tagName("<br/>"));
        assertEquals("details", HtmlText.tagName("</details>"));
        assertEquals("summary", HtmlText.tagName("<SUMMARY class=x>"));
    }

    @Test
    void rendersASingleParsedBlock() {
        MarkdownRenderer renderer = new MarkdownRenderer(0);
        assertEquals(MarkdownRenderer.DEFAULT_WIDTH, renderer.width());
        var document = MarkdownRenderer.parser().parse("## 단계 {#a}\n\n본문");
        assertEquals(List.of("단계", "────"), plain(renderer.renderLines(document.getFirstChild())));
        assertEquals(List.of("단계", "────", "", "본문"), plain(renderer.renderLines(document)));
    }

    private static List<String> plain(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).toList();
    }
}
