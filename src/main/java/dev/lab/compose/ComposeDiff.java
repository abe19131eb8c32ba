package dev.lab.compose;

import java.util.ArrayList;
import java.util.List;

/** A unified line diff, used to show how two compose variants of a lab differ. */
public final class ComposeDiff {

    private static final int CONTEXT = 3;

    /** One diff line: {@code tag} is ' ', '-' or '+'; {@code a}/{@code b} count lines of each side before it. */
    private record Op(char tag, String text, int a, int b) {
    }

    private ComposeDiff() {
    }

    /**
     * Diffs two texts line by line (longest common subsequence) in unified format: a {@code --- nameA}
     * and {@code +++ nameB} header, then {@code @@ -l,n +l,n @@} hunks with three lines of context,
     * each line prefixed by {@code " "}, {@code "-"} or {@code "+"}. Line endings and a missing final
     * newline do not count as differences.
     *
     * @return the diff lines, or an empty list when the texts have the same lines
     */
    public static List<String> unified(String nameA, String textA, String nameB, String textB) {
        List<String> a = textA.lines().toList();
        List<String> b = textB.lines().toList();
        if (a.equals(b)) {
            return List.of();
        }
        List<Op> ops = ops(a, b);
        List<String> out = new ArrayList<>(List.of("--- " + nameA, "+++ " + nameB));
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).tag() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is close enough for the contexts to touch.
            for (int j = i; j < ops.size() && j <= end + 2 * CONTEXT + 1; j++) {
                if (ops.get(j).tag() != ' ') {
                    end = j;
                }
            }
            int stop = Math.min(ops.size(), end + CONTEXT + 1);
            out.add(header(ops.subList(start, stop)));
            ops.subList(start, stop).forEach(op -> out.add(op.tag() + op.text()));
            i = stop;
        }
        return List.copyOf(out);
    }

    private static List<Op> ops(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), i++, j++));
            } else if (j == b.size() || i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.add(new Op('-', a.get(i), i++, j));
            } else {
                ops.add(new Op('+', b.get(j), i, j++));
            }
        }
        return ops;
    }

    private static String header(List<Op> hunk) {
        long lengthA = hunk.stream().filter(op -> op.tag() != '+').count();
        long lengthB = hunk.stream().filter(op -> op.tag() != '-').count();
        return "@@ -" + range(hunk.get(0).a(), lengthA) + " +" + range(hunk.get(0).b(), lengthB) + " @@";
    }

    // Unified format: an empty range names the line before it, a single line omits ",1".
    private static String range(int before, long length) {
        if (length == 0) {
            return before + ",0";
        }
        return length == 1 ? String.valueOf(before + 1) : (before + 1) + "," + length;
    }
}
