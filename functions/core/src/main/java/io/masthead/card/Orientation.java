package io.masthead.card;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * EXIF orientation (tag 0x0112): read from a JPEG's APP1 segment without decoding the image,
 * and applied to decoded pixels so the card shows the photo the way the camera held it.
 */
final class Orientation {
    private Orientation() {
    }

    /** The EXIF orientation of a JPEG, 1 (as stored) when absent or unreadable. */
    static int of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) return 1;
        int p = 2;
        while (p + 4 <= jpeg.length) {
            if ((jpeg[p] & 0xff) != 0xFF) return 1;
            int marker = jpeg[p + 1] & 0xff;
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01 || marker == 0xFF) {
                p += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) return 1; // image data begins: no EXIF before it
            int len = u16(jpeg, p + 2, true);
            if (len < 2) return 1;
            if (marker == 0xE1 && len >= 8 && p + 4 + 6 <= jpeg.length
                    && jpeg[p + 4] == 'E' && jpeg[p + 5] == 'x' && jpeg[p + 6] == 'i' && jpeg[p + 7] == 'f') {
                return fromTiff(jpeg, p + 10, Math.min(jpeg.length, p + 2 + len));
            }
            p += 2 + len;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) return 1;
        boolean big;
        if (b[tiff] == 'M' && b[tiff + 1] == 'M') big = true;
        else if (b[tiff] == 'I' && b[tiff + 1] == 'I') big = false;
        else return 1;
        long ifd = u32(b, tiff + 4, big);
        int p = tiff + (int) Math.min(ifd, Integer.MAX_VALUE / 2);
        if (ifd < 8 || p + 2 > end) return 1;
        int entries = u16(b, p, big);
        for (int i = 0; i < entries; i++) {
            int e = p + 2 + i * 12;
            if (e + 12 > end) return 1;
            if (u16(b, e, big) == 0x0112) {
                int v = u16(b, e + 8, big);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int p, boolean big) {
        return big ? ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff) : ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
    }

    private static long u32(byte[] b, int p, boolean big) {
        return big
                ? ((long) (b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff)
                : ((long) (b[p + 3] & 0xff) << 24) | ((b[p + 2] & 0xff) << 16) | ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
    }

    /** Whether the orientation swaps width and height. */
    static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The INT_RGB image turned upright; the same image when orientation is 1. */
    static BufferedImage apply(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) return src;
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = swapsAxes(orientation);
        int dw = swap ? h : w;
        int dh = swap ? w : h;
        BufferedImage dst = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        int[] s = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
        int[] d = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; } // 8
                }
                d[dy * dw + dx] = s[y * w + x];
            }
        }
        return dst;
    }
}
