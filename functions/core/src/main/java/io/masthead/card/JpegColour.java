package io.masthead.card;

/**
 * Rows of decoded JPEG samples to packed RGB: chroma upsampling (libjpeg's "fancy" triangle
 * filter for the common 2:1 horizontal cases, as the JDK's decoder does by default) and JFIF
 * YCbCr conversion with libjpeg's tables (jdcolor.c), so no per-pixel multiply or division.
 */
final class JpegColour {
    private static final int SCALE_BITS = 16;
    /** Offset of 0 in {@link #CLAMP}: the conversions add it through their tables. */
    private static final int ZERO = 384;
    private static final int[] CLAMP = new int[1024];
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < CLAMP.length; i++) CLAMP[i] = JpegIdct.clamp(i - ZERO);
        int half = 1 << (SCALE_BITS - 1);
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = ((fix(1.40200) * x + half) >> SCALE_BITS) + ZERO;
            CB_B[i] = ((fix(1.77200) * x + half) >> SCALE_BITS) + ZERO;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + half + (ZERO << SCALE_BITS);
        }
    }

    private JpegColour() {
    }

    private static int fix(double x) {
        return (int) (x * (1 << SCALE_BITS) + 0.5);
    }

    static void ycc(byte[] ys, int yo, byte[] cbs, int cbo, byte[] crs, int cro, int[] px, int po, int n) {
        for (int x = 0; x < n; x++) {
            int y = ys[yo + x] & 0xff;
            int cb = cbs[cbo + x] & 0xff;
            int cr = crs[cro + x] & 0xff;
            int r = CLAMP[y + CR_R[cr]];
            int g = CLAMP[y + ((CB_G[cb] + CR_G[cr]) >> SCALE_BITS)];
            int b = CLAMP[y + CB_B[cb]];
            px[po + x] = (r << 16) | (g << 8) | b;
        }
    }

    static void rgb(byte[] rs, int ro, byte[] gs, int go, byte[] bs, int bo, int[] px, int po, int n) {
        for (int x = 0; x < n; x++) {
            px[po + x] = ((rs[ro + x] & 0xff) << 16) | ((gs[go + x] & 0xff) << 8) | (bs[bo + x] & 0xff);
        }
    }

    static void grey(byte[] g, int go, int[] px, int po, int n) {
        for (int x = 0; x < n; x++) px[po + x] = (g[go + x] & 0xff) * 0x010101;
    }

    /**
     * Doubles a row horizontally with the triangle filter, from column sums weighted 4 in all
     * (3 * nearer row + farther row, or 4 * the row when there is no vertical upsampling).
     */
    static void fancyDouble(int[] sums, int n, byte[] out) {
        if (n == 1) {
            out[0] = (byte) ((sums[0] * 4 + 8) >> 4);
            out[1] = (byte) ((sums[0] * 4 + 7) >> 4);
            return;
        }
        out[0] = (byte) ((sums[0] * 4 + 8) >> 4);
        out[1] = (byte) ((sums[0] * 3 + sums[1] + 7) >> 4);
        for (int i = 1; i < n - 1; i++) {
            int s = sums[i] * 3;
            out[2 * i] = (byte) ((s + sums[i - 1] + 8) >> 4);
            out[2 * i + 1] = (byte) ((s + sums[i + 1] + 7) >> 4);
        }
        out[2 * n - 2] = (byte) ((sums[n - 1] * 3 + sums[n - 2] + 8) >> 4);
        out[2 * n - 1] = (byte) ((sums[n - 1] * 4 + 7) >> 4);
    }

    /** Column sums for {@link #fancyDouble} of a row between two (3:1) or of one row alone. */
    static void columnSums(byte[] s, int near, int far, int n, int[] sums) {
        if (near == far) {
            for (int i = 0; i < n; i++) sums[i] = (s[near + i] & 0xff) * 4;
        } else {
            for (int i = 0; i < n; i++) sums[i] = (s[near + i] & 0xff) * 3 + (s[far + i] & 0xff);
        }
    }

    /** Repeats each of a row's samples sx times, up to n samples. */
    static void replicate(byte[] s, int o, int sx, byte[] out, int n) {
        for (int x = 0, i = o; x < n; i++) {
            byte v = s[i];
            for (int j = 0; j < sx && x < n; j++) out[x++] = v;
        }
    }
}
