package io.masthead.card;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The sizes a WebP file declares, checked before decoding as libwebp checks them: the file must
 * hold the bytes its RIFF header and every chunk claim, and a still image must have its canvas
 * size (the {@code VP8X} chunk) as its own (the {@code VP8 } or {@code VP8L} bitstream's).
 * TwelveMonkeys' reader does neither: it sizes its output by the canvas and decodes on, and its
 * lossless decoder reads on past the end of the data. A truncated 261-byte lossless file, or a
 * 10 KB one whose canvas was damaged to 130x356655, kept a core busy for minutes.
 */
final class WebpSizes {
    private static final int VP8X_ANIMATION = 0x02;

    private WebpSizes() {
    }

    /**
     * @return why the file is refused, or null when what this checks agrees (or there is nothing
     *         for it to check: not a RIFF WebP file, or an animation, whose frames may be smaller
     *         than the canvas); damage of other kinds is left to the reader, which names it
     */
    static String problem(byte[] b) {
        if (b.length < 12 || !fourCc(b, 0, "RIFF") || !fourCc(b, 8, "WEBP")) return null;
        long declared = u32(b, 4) + 8;
        if (declared > b.length) return "the webp file is truncated: its header declares " + declared + " bytes, the file has " + b.length;
        int end = (int) declared;
        int canvasW = 0;
        int canvasH = 0;
        for (int p = 12; p + 8 <= end; ) {
            long size = u32(b, p + 4);
            int data = p + 8;
            if (size > end - data) {
                return "the webp file is truncated: its " + new String(b, p, 4, StandardCharsets.ISO_8859_1).strip()
                        + " chunk declares " + size + " bytes, only " + (end - data) + " follow";
            }
            if (fourCc(b, p, "VP8X") && size >= 10) {
                if ((b[data] & VP8X_ANIMATION) != 0) return null;
                canvasW = 1 + u24(b, data + 4);
                canvasH = 1 + u24(b, data + 7);
            } else if (fourCc(b, p, "VP8L") && size >= 5 && b[data] == 0x2f) {
                long bits = u32(b, data + 1);
                return compare(canvasW, canvasH, 1 + (int) (bits & 0x3fff), 1 + (int) ((bits >> 14) & 0x3fff));
            } else if (fourCc(b, p, "VP8 ") && size >= 10
                    && (b[data + 3] & 0xff) == 0x9d && b[data + 4] == 0x01 && b[data + 5] == 0x2a) {
                // a frame tag, the start code 9d 01 2a, then the 14-bit width and height
                return compare(canvasW, canvasH, u16(b, data + 6) & 0x3fff, u16(b, data + 8) & 0x3fff);
            }
            p = (int) Math.min(end, data + size + (size & 1));
        }
        return null;
    }

    /** A canvas of 0 x 0: a simple file, whose size is its image's. */
    private static String compare(int canvasW, int canvasH, int w, int h) {
        if (canvasW == 0 || (w == canvasW && h == canvasH)) return null;
        return String.format(Locale.ROOT, "the webp data is corrupt: its canvas is %dx%d but its image is %dx%d", canvasW, canvasH, w, h);
    }

    private static boolean fourCc(byte[] b, int p, String id) {
        for (int i = 0; i < 4; i++) if (b[p + i] != id.charAt(i)) return false;
        return true;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    private static int u24(byte[] b, int p) {
        return u16(b, p) | (b[p + 2] & 0xff) << 16;
    }

    private static long u32(byte[] b, int p) {
        return u24(b, p) | (long) (b[p + 3] & 0xff) << 24;
    }
}
