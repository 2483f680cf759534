package io.masthead.card;

/**
 * Inverse DCTs of one dequantised 8x8 block to k x k samples (k = 8, 4, 2 or 1). The 8x8 one is
 * libjpeg's accurate integer transform (jidctint.c, 13-bit constants), so full-size output matches
 * the JDK's decoder; the reduced ones transform only the k x k lowest frequencies with a k-point
 * DCT, which filters and resamples the block in one step. Blocks without AC coefficients (common
 * in smooth areas) are filled with their DC value. Holds scratch space: one per thread.
 */
final class JpegIdct {
    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;
    // 4-point DCT: cos(pi/4), cos(pi/8), cos(3pi/8)
    private static final int C4 = 5793;
    private static final int C2 = 7568;
    private static final int C6 = 3135;

    private final int k;
    private final int[] in = new int[64]; // dequantised coefficients
    private final int[] ws = new int[64]; // between the passes

    /** @param k the output size of a block: 8, 4, 2 or 1 */
    JpegIdct(int k) {
        this.k = k;
    }

    /**
     * @param c      coefficients in natural order from {@code off}, not dequantised
     * @param q      the quantisation table in natural order
     * @param out    samples, k rows of k from {@code o}, {@code stride} apart
     */
    void block(short[] c, int off, int[] q, byte[] out, int o, int stride) {
        if (k == 8) {
            int ac = 0;
            for (int i = 1; i < 64; i++) {
                int v = c[off + i];
                ac |= v;
                in[i] = v * q[i];
            }
            if (ac != 0) {
                in[0] = c[off] * q[0];
                idct8(out, o, stride);
                return;
            }
        } else if (k == 4 && !acZero(c, off, 4)) {
            idct4(c, off, q, out, o, stride);
            return;
        } else if (k == 2 && !acZero(c, off, 2)) {
            idct2(c, off, q, out, o, stride);
            return;
        }
        byte dc = (byte) clamp(((c[off] * q[0] + 4) >> 3) + 128);
        for (int y = 0; y < k; y++, o += stride) {
            for (int x = 0; x < k; x++) out[o + x] = dc;
        }
    }

    /** Whether the k x k lowest frequencies are all zero but the DC. */
    private static boolean acZero(short[] c, int off, int k) {
        int any = 0;
        for (int v = 0; v < k; v++) {
            for (int u = v == 0 ? 1 : 0; u < k; u++) any |= c[off + v * 8 + u];
        }
        return any == 0;
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private void idct8(byte[] out, int o, int stride) {
        int[] in = this.in;
        int[] ws = this.ws;
        // pass 1: columns into ws, scaled up by 2^PASS1_BITS
        for (int col = 0; col < 8; col++) {
            int i = col;
            if ((in[i + 8] | in[i + 16] | in[i + 24] | in[i + 32] | in[i + 40] | in[i + 48] | in[i + 56]) == 0) {
                int dc = in[i] << PASS1_BITS;
                for (int r = 0; r < 64; r += 8) ws[r + col] = dc;
                continue;
            }
            int e2 = in[i + 16];
            int e6 = in[i + 48];
            int e = (e2 + e6) * FIX_0_541196100;
            int tmp2 = e - e6 * FIX_1_847759065;
            int tmp3 = e + e2 * FIX_0_765366865;
            int e0 = in[i];
            int e4 = in[i + 32];
            int tmp10 = ((e0 + e4) << CONST_BITS) + tmp3;
            int tmp13 = ((e0 + e4) << CONST_BITS) - tmp3;
            int tmp11 = ((e0 - e4) << CONST_BITS) + tmp2;
            int tmp12 = ((e0 - e4) << CONST_BITS) - tmp2;
            int t0 = in[i + 56];
            int t1 = in[i + 40];
            int t2 = in[i + 24];
            int t3 = in[i + 8];
            int z1 = t0 + t3;
            int z2 = t1 + t2;
            int z3 = t0 + t2;
            int z4 = t1 + t3;
            int z5 = (z3 + z4) * FIX_1_175875602;
            int o0 = t0 * FIX_0_298631336;
            int o1 = t1 * FIX_2_053119869;
            int o2 = t2 * FIX_3_072711026;
            int o3 = t3 * FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 = z3 * -FIX_1_961570560 + z5;
            z4 = z4 * -FIX_0_390180644 + z5;
            o0 += z1 + z3;
            o1 += z2 + z4;
            o2 += z2 + z3;
            o3 += z1 + z4;
            int d = CONST_BITS - PASS1_BITS;
            ws[col] = descale(tmp10 + o3, d);
            ws[56 + col] = descale(tmp10 - o3, d);
            ws[8 + col] = descale(tmp11 + o2, d);
            ws[48 + col] = descale(tmp11 - o2, d);
            ws[16 + col] = descale(tmp12 + o1, d);
            ws[40 + col] = descale(tmp12 - o1, d);
            ws[24 + col] = descale(tmp13 + o0, d);
            ws[32 + col] = descale(tmp13 - o0, d);
        }
        // pass 2: rows into samples, removing the pass 1 scale and the 8 of the DCT
        int d = CONST_BITS + PASS1_BITS + 3;
        for (int r = 0; r < 64; r += 8, o += stride) {
            if ((ws[r + 1] | ws[r + 2] | ws[r + 3] | ws[r + 4] | ws[r + 5] | ws[r + 6] | ws[r + 7]) == 0) {
                byte v = (byte) clamp(descale(ws[r], PASS1_BITS + 3) + 128);
                for (int x = 0; x < 8; x++) out[o + x] = v;
                continue;
            }
            int e2 = ws[r + 2];
            int e6 = ws[r + 6];
            int e = (e2 + e6) * FIX_0_541196100;
            int tmp2 = e - e6 * FIX_1_847759065;
            int tmp3 = e + e2 * FIX_0_765366865;
            int tmp10 = ((ws[r] + ws[r + 4]) << CONST_BITS) + tmp3;
            int tmp13 = ((ws[r] + ws[r + 4]) << CONST_BITS) - tmp3;
            int tmp11 = ((ws[r] - ws[r + 4]) << CONST_BITS) + tmp2;
            int tmp12 = ((ws[r] - ws[r + 4]) << CONST_BITS) - tmp2;
            int t0 = ws[r + 7];
            int t1 = ws[r + 5];
            int t2 = ws[r + 3];
            int t3 = ws[r + 1];
            int z1 = t0 + t3;
            int z2 = t1 + t2;
            int z3 = t0 + t2;
            int z4 = t1 + t3;
            int z5 = (z3 + z4) * FIX_1_175875602;
            int o0 = t0 * FIX_0_298631336;
            int o1 = t1 * FIX_2_053119869;
            int o2 = t2 * FIX_3_072711026;
            int o3 = t3 * FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 = z3 * -FIX_1_961570560 + z5;
            z4 = z4 * -FIX_0_390180644 + z5;
            o0 += z1 + z3;
            o1 += z2 + z4;
            o2 += z2 + z3;
            o3 += z1 + z4;
            out[o] = (byte) clamp(descale(tmp10 + o3, d) + 128);
            out[o + 7] = (byte) clamp(descale(tmp10 - o3, d) + 128);
            out[o + 1] = (byte) clamp(descale(tmp11 + o2, d) + 128);
            out[o + 6] = (byte) clamp(descale(tmp11 - o2, d) + 128);
            out[o + 2] = (byte) clamp(descale(tmp12 + o1, d) + 128);
            out[o + 5] = (byte) clamp(descale(tmp12 - o1, d) + 128);
            out[o + 3] = (byte) clamp(descale(tmp13 + o0, d) + 128);
            out[o + 4] = (byte) clamp(descale(tmp13 - o0, d) + 128);
        }
    }

    /** The 4-point transform of the 4 x 4 lowest frequencies; each pass leaves out a factor of 1/2, removed at the end. */
    private void idct4(short[] c, int off, int[] q, byte[] out, int o, int stride) {
        int[] ws = this.ws;
        int d1 = CONST_BITS - PASS1_BITS;
        for (int col = 0; col < 4; col++) {
            int i = off + col;
            int x0 = c[i] * q[col];
            int x1 = c[i + 8] * q[col + 8];
            int x2 = c[i + 16] * q[col + 16];
            int x3 = c[i + 24] * q[col + 24];
            int e0 = (x0 + x2) * C4;
            int e1 = (x0 - x2) * C4;
            int o0 = x1 * C2 + x3 * C6;
            int o1 = x1 * C6 - x3 * C2;
            ws[col] = descale(e0 + o0, d1);
            ws[4 + col] = descale(e1 + o1, d1);
            ws[8 + col] = descale(e1 - o1, d1);
            ws[12 + col] = descale(e0 - o0, d1);
        }
        int d2 = CONST_BITS + PASS1_BITS + 2;
        for (int r = 0; r < 16; r += 4, o += stride) {
            int e0 = (ws[r] + ws[r + 2]) * C4;
            int e1 = (ws[r] - ws[r + 2]) * C4;
            int o0 = ws[r + 1] * C2 + ws[r + 3] * C6;
            int o1 = ws[r + 1] * C6 - ws[r + 3] * C2;
            out[o] = (byte) clamp(descale(e0 + o0, d2) + 128);
            out[o + 1] = (byte) clamp(descale(e1 + o1, d2) + 128);
            out[o + 2] = (byte) clamp(descale(e1 - o1, d2) + 128);
            out[o + 3] = (byte) clamp(descale(e0 - o0, d2) + 128);
        }
    }

    /** The 2-point transform of the 2 x 2 lowest frequencies: sums and differences over 8. */
    private static void idct2(short[] c, int off, int[] q, byte[] out, int o, int stride) {
        int x00 = c[off] * q[0];
        int x01 = c[off + 1] * q[1];
        int x10 = c[off + 8] * q[8];
        int x11 = c[off + 9] * q[9];
        out[o] = (byte) clamp(((x00 + x01 + x10 + x11 + 4) >> 3) + 128);
        out[o + 1] = (byte) clamp(((x00 - x01 + x10 - x11 + 4) >> 3) + 128);
        out[o + stride] = (byte) clamp(((x00 + x01 - x10 - x11 + 4) >> 3) + 128);
        out[o + stride + 1] = (byte) clamp(((x00 - x01 - x10 + x11 + 4) >> 3) + 128);
    }

    private static int descale(int x, int n) {
        return (x + (1 << (n - 1))) >> n;
    }
}
