package io.masthead.card;

import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sets text into lines with Java2D's TextLayout (bidi, Arabic shaping, per-run fonts). The
 * headline takes the largest size at which it fits the allowed lines, wrapped with balanced
 * lines; below the minimum size it is cut at a word with an ellipsis.
 */
final class Typesetter {
    /** Antialiased, fractional metrics: widths scale linearly with size, so one measure serves every size. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final float REF = 100f;
    private static final String ELLIPSIS = "\u2026";

    private Typesetter() {
    }

    /** One set line: its layout, advance and text. */
    record Line(TextLayout layout, float width, String text) {
        float ascent() { return layout.getAscent(); }
        float descent() { return layout.getDescent(); }
    }

    /** A set block of text. */
    record Block(List<Line> lines, float size, float lineHeight, boolean cut, boolean rtl) {
        float height() {
            return lines.isEmpty() ? 0 : lineHeight * (lines.size() - 1) + lines.get(0).ascent() + lines.get(lines.size() - 1).descent();
        }
    }

    /**
     * The headline at the largest size in [minSize, maxSize] that fits {@code maxLines} lines of
     * {@code width} and a height of {@code maxHeight}.
     */
    static Block headline(Coverage text, Locale locale, float maxSize, float minSize, float step, int maxLines,
                          float width, float maxHeight, float leading) {
        if (text.isEmpty()) return new Block(List.of(), maxSize, maxSize * leading, false, false);
        boolean rtl = text.rtl();
        Measure m = new Measure(text, locale, rtl);
        for (float size = maxSize; size >= minSize - 0.01f; size -= step) {
            float ref = width * REF / size;
            int allowed = Math.min(maxLines, linesInHeight(maxHeight, size, leading));
            List<int[]> lines = m.greedy(ref);
            if (lines.size() <= allowed && m.allFit(lines, ref)) {
                return m.block(m.balance(lines.size(), ref), size, leading, false);
            }
        }
        // Nothing fits at the minimum size: keep the lines that fit and cut the last at a word.
        float size = minSize;
        float ref = width * REF / size;
        int allowed = Math.max(1, Math.min(maxLines, linesInHeight(maxHeight, size, leading)));
        List<int[]> lines = new ArrayList<>(m.greedy(ref).subList(0, allowed));
        return m.cutBlock(lines, ref, size, leading);
    }

    /** A single line at a size, cut with an ellipsis when wider than {@code width}. */
    static Block line(Coverage text, Locale locale, float size, float width, float tracking) {
        if (text.isEmpty()) return new Block(List.of(), size, size, false, false);
        boolean rtl = text.rtl();
        TextLayout full = new TextLayout(text.attributed(0, text.text().length(), size, rtl, tracking).getIterator(), FRC);
        if (full.getAdvance() <= width) {
            return new Block(List.of(new Line(full, full.getAdvance(), text.text())), size, size, false, rtl);
        }
        BreakIterator words = BreakIterator.getLineInstance(locale);
        words.setText(text.text());
        int end = words.last();
        while (end > 0) {
            end = words.preceding(end);
            if (end <= 0) break;
            Coverage cut = text.cutAt(end, ELLIPSIS);
            TextLayout l = new TextLayout(cut.attributed(0, cut.text().length(), size, rtl, tracking).getIterator(), FRC);
            if (l.getAdvance() <= width) return new Block(List.of(new Line(l, l.getAdvance(), cut.text())), size, size, true, rtl);
        }
        // a single word wider than the line: cut it by characters
        BreakIterator chars = BreakIterator.getCharacterInstance(locale);
        chars.setText(text.text());
        for (end = chars.preceding(text.text().length()); end > 0; end = chars.preceding(end)) {
            Coverage cut = text.cutAt(end, ELLIPSIS);
            TextLayout l = new TextLayout(cut.attributed(0, cut.text().length(), size, rtl, tracking).getIterator(), FRC);
            if (l.getAdvance() <= width) return new Block(List.of(new Line(l, l.getAdvance(), cut.text())), size, size, true, rtl);
        }
        return new Block(List.of(), size, size, true, rtl);
    }

    private static int linesInHeight(float maxHeight, float size, float leading) {
        // the first line needs about one size of height, each further one a line height
        return (int) Math.floor((maxHeight - size) / (size * leading)) + 1;
    }

    /** Widths of runs of words at the reference size, measured once each. */
    private static final class Measure {
        private final Coverage text;
        private final boolean rtl;
        private final int[] breaks;
        private final Map<Long, Float> widths = new HashMap<>();

        Measure(Coverage text, Locale locale, boolean rtl) {
            this.text = text;
            this.rtl = rtl;
            BreakIterator it = BreakIterator.getLineInstance(locale);
            it.setText(text.text());
            List<Integer> b = new ArrayList<>();
            for (int p = it.first(); p != BreakIterator.DONE; p = it.next()) {
                // a spaced dash stays with the word before it: no line starts with "- "
                if (p > 0 && p < text.text().length() && isDash(text.text().charAt(p))
                        && (p + 1 == text.text().length() || Character.isWhitespace(text.text().charAt(p + 1)))) {
                    continue;
                }
                b.add(p);
            }
            this.breaks = b.stream().mapToInt(Integer::intValue).toArray();
        }

        private static boolean isDash(char c) {
            return c == '-' || c == '\u2013' || c == '\u2014';
        }

        int tokens() {
            return breaks.length - 1;
        }

        /** Width at the reference size of tokens [from, to). */
        float width(int from, int to) {
            return widths.computeIfAbsent(((long) from << 32) | to, k -> {
                int start = breaks[from];
                int end = trimmedEnd(breaks[to]);
                if (end <= start) return 0f;
                return new TextLayout(text.attributed(start, end, REF, rtl, 0).getIterator(), FRC).getAdvance();
            });
        }

        private int trimmedEnd(int end) {
            while (end > 0 && Character.isWhitespace(text.text().charAt(end - 1))) end--;
            return end;
        }

        List<int[]> greedy(float max) {
            List<int[]> lines = new ArrayList<>();
            int i = 0;
            while (i < tokens()) {
                int j = i + 1;
                while (j < tokens() && width(i, j + 1) <= max) j++;
                lines.add(new int[] {i, j});
                i = j;
            }
            return lines;
        }

        boolean allFit(List<int[]> lines, float max) {
            for (int[] l : lines) if (width(l[0], l[1]) > max) return false;
            return true;
        }

        /**
         * Even lines: the narrowest measure that still gives {@code count} lines, then the breaks
         * that leave the least squared slack against it, weighted towards the first lines (a lone
         * last word is heavily penalised).
         */
        List<int[]> balance(int count, float max) {
            if (count < 2) return greedy(max);
            float lo = 0;
            for (int t = 0; t < tokens(); t++) lo = Math.max(lo, width(t, t + 1));
            float hi = max;
            for (int iter = 0; iter < 24 && hi - lo > 0.25f; iter++) {
                float mid = (lo + hi) / 2;
                if (greedy(mid).size() <= count) hi = mid; else lo = mid;
            }
            int n = tokens();
            double[][] cost = new double[count + 1][n + 1];
            int[][] from = new int[count + 1][n + 1];
            for (double[] row : cost) java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
            cost[0][0] = 0;
            for (int line = 1; line <= count; line++) {
                for (int end = line; end <= n; end++) {
                    for (int start = line - 1; start < end; start++) {
                        if (cost[line - 1][start] == Double.POSITIVE_INFINITY) continue;
                        float w = width(start, end);
                        if (w > hi + 0.01f) continue;
                        double slack = hi - w;
                        // slack counts more in early lines: a headline reads best when it does not start short
                        double c = cost[line - 1][start] + slack * slack * (1 + 0.5 * (count - line) / count);
                        if (line == count && end - start == 1 && n > count) c += hi * hi; // lone last word
                        if (c < cost[line][end]) {
                            cost[line][end] = c;
                            from[line][end] = start;
                        }
                    }
                }
            }
            if (cost[count][n] == Double.POSITIVE_INFINITY) return greedy(hi);
            int[][] lines = new int[count][];
            for (int line = count, end = n; line > 0; line--) {
                int start = from[line][end];
                lines[line - 1] = new int[] {start, end};
                end = start;
            }
            return List.of(lines);
        }

        Block block(List<int[]> lines, float size, float leading, boolean cut) {
            List<Line> out = new ArrayList<>();
            for (int[] l : lines) out.add(layout(breaks[l[0]], trimmedEnd(breaks[l[1]]), size));
            return new Block(out, size, size * leading, cut, rtl);
        }

        Block cutBlock(List<int[]> lines, float max, float size, float leading) {
            List<Line> out = new ArrayList<>();
            for (int k = 0; k < lines.size() - 1; k++) {
                out.add(layout(breaks[lines.get(k)[0]], trimmedEnd(breaks[lines.get(k)[1]]), size));
            }
            int[] last = lines.get(lines.size() - 1);
            int start = breaks[last[0]];
            Line cut = null;
            for (int j = last[1]; j > last[0]; j--) {
                Coverage c = text.cutAt(trimmedEnd(breaks[j]), ELLIPSIS);
                TextLayout l = new TextLayout(c.attributed(start, c.text().length(), size, rtl, 0).getIterator(), FRC);
                cut = new Line(l, l.getAdvance(), c.text().substring(start));
                if (l.getAdvance() * REF / size <= max) break;
            }
            out.add(cut);
            return new Block(out, size, size * leading, true, rtl);
        }

        private Line layout(int start, int end, float size) {
            TextLayout l = new TextLayout(text.attributed(start, end, size, rtl, 0).getIterator(), FRC);
            return new Line(l, l.getAdvance(), text.text().substring(start, end));
        }
    }
}
