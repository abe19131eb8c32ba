package dev.lab.term;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.BulletList;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Lays out bullet and ordered lists: a marker on an item's first line and a hanging indent
 * of the marker's width on the rest, so wrapped text and nested lists line up.
 */
final class ListLayout {
    private static final String[] BULLETS = {"•", "◦", "▪"};

    private ListLayout() {
    }

    static List<AttributedString> bullets(BulletList list, int width, int depth) {
        String bullet = BULLETS[depth % BULLETS.length] + " ";
        List<String> markers = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            markers.add(bullet);
        }
        return items(list, markers, width, depth);
    }

    static List<AttributedString> numbered(OrderedList list, int width, int depth) {
        Integer start = list.getMarkerStartNumber();
        String delimiter = list.getMarkerDelimiter() == null ? "." : list.getMarkerDelimiter();
        List<String> numbers = new ArrayList<>();
        int n = start == null ? 1 : start;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            numbers.add((n++) + delimiter);
        }
        int widest = numbers.stream().mapToInt(String::length).max().orElse(0);
        List<String> markers = new ArrayList<>();
        // Right-aligned numbers keep the item text of "9." and "10." in the same column.
        numbers.forEach(number -> markers.add(" ".repeat(widest - number.length()) + number + " "));
        return items(list, markers, width, depth);
    }

    private static List<AttributedString> items(ListBlock list, List<String> markers, int width, int depth) {
        List<AttributedString> lines = new ArrayList<>();
        int index = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext(), index++) {
            String marker = markers.get(index);
            int markerCols = Width.columns(marker);
            List<AttributedString> body = BlockRenderer.children(item, width - markerCols, depth + 1, list.isTight());
            if (index > 0 && !list.isTight()) {
                lines.add(AttributedString.EMPTY);
            }
            if (body.isEmpty()) {
                lines.add(new AttributedString(marker.stripTrailing()));
                continue;
            }
            lines.add(new AttributedStringBuilder().append(marker).append(body.get(0)).toAttributedString());
            String hang = " ".repeat(markerCols);
            body.subList(1, body.size()).forEach(line -> lines.add(BlockRenderer.prefix(hang, AttributedStyle.DEFAULT, line)));
        }
        return lines;
    }
}
