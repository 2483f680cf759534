package io.masthead.card;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The entropy-coded data of one JPEG scan and the decoding of its blocks. {@link #load} copies the
 * scan's bytes once, without the 0xFF00 stuffing and split at its restart markers, so the hot
 * path refills a 64-bit buffer with one big-endian long read and never looks for markers.
 * Reading past the data of a restart interval is caught and reported as corrupt, as libjpeg
 * warns about it. Coefficients are stored as they are coded, in natural (row-major) order.
 */
final class JpegEntropy {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Zero bytes after the data, so the long read never needs a bounds check of its own. */
    private static final int PADDING = 16;
    /**
     * Zigzag position to natural position, with extra entries to land a corrupt zero run (as
     * libjpeg does), or the zero written at an end-of-block skip (and after it, by a paired
     * lookup, a run of up to 16 more), on coefficient 63 (still zero then) instead of outside
     * the block.
     */
    static final int[] NATURAL = new int[64 + JpegHuffman.END_OF_BLOCK_SKIP + 16];

    static {
        int[] zigzag = {
                0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
                21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60,
                61, 54, 47, 55, 62, 63};
        Arrays.fill(NATURAL, 63);
        System.arraycopy(zigzag, 0, NATURAL, 0, 64);
    }

    private byte[] data = new byte[0];
    /** Where each restart interval's bytes begin in data; intervals[count] is the end of the last. */
    private int[] intervals = new int[16];
    private int count;
    private int interval;

    private int pos; // next byte of data to enter the buffer
    private long buf; // the next bits, first bit at the top
    private int bits; // how many bits of buf are data (the rest repeat the bytes from pos, or are 0)
    /** Blocks left in a progressive end-of-band run. */
    private int eobrun;

    /**
     * Takes in the scan whose entropy-coded data begins at {@code from}; returns the position of
     * the marker that ends it.
     */
    int load(byte[] d, int from) throws JpegDecoder.Unsupported {
        if (data.length < d.length - from + PADDING) data = new byte[d.length - from + PADDING];
        byte[] out = data;
        int o = 0;
        int p = from;
        count = 0;
        intervals[0] = 0;
        int end = d.length;
        while (true) {
            // eight bytes at a time while none is 0xFF (none becomes 0 when inverted)
            while (p + 8 <= end) {
                long w = (long) LONGS.get(d, p);
                if (((~w - 0x0101010101010101L) & w & 0x8080808080808080L) != 0) break;
                LONGS.set(out, o, w);
                p += 8;
                o += 8;
            }
            if (p >= end) throw new JpegDecoder.Unsupported("truncated");
            byte b = d[p++];
            if (b != (byte) 0xFF) {
                out[o++] = b;
                continue;
            }
            if (p >= end) throw new JpegDecoder.Unsupported("truncated");
            int m = d[p] & 0xff;
            if (m == 0) {
                out[o++] = b;
                p++;
            } else if (m >= 0xD0 && m <= 0xD7) {
                p++;
                if (++count == intervals.length) intervals = Arrays.copyOf(intervals, count * 2);
                intervals[count] = o;
            } else if (m != 0xFF) { // 0xFF: a fill byte before a marker
                if (++count == intervals.length) intervals = Arrays.copyOf(intervals, count * 2);
                intervals[count] = o;
                Arrays.fill(out, o, o + PADDING, (byte) 0);
                interval = 0;
                startInterval();
                return p - 1;
            }
        }
    }

    /**
     * This scan's data alone, for a scan kept until all are decoded together; this entropy's
     * buffer, sized for the rest of the file, is then free to load the next scan instead of each
     * scan allocating (and the JVM zeroing) room for all the scans after it.
     */
    JpegEntropy detach() {
        JpegEntropy kept = new JpegEntropy();
        kept.data = Arrays.copyOf(data, intervals[count] + PADDING);
        kept.intervals = Arrays.copyOf(intervals, count + 1);
        kept.count = count;
        kept.startInterval();
        return kept;
    }

    /** Moves to the next restart interval, checking the one before was not overrun. */
    void restart() throws JpegDecoder.Unsupported {
        checkInterval();
        if (++interval >= count) throw new JpegDecoder.Unsupported("restart marker missing");
        startInterval();
    }

    /** The scan is over: checks its last interval was not overrun. */
    void finish() throws JpegDecoder.Unsupported {
        checkInterval();
    }

    private void startInterval() {
        pos = intervals[interval];
        buf = 0;
        bits = 0;
        eobrun = 0;
    }

    private void checkInterval() throws JpegDecoder.Unsupported {
        if ((long) pos * 8 - bits > (long) intervals[interval + 1] * 8) {
            throw new JpegDecoder.Unsupported("corrupt data: a scan reads past its end");
        }
    }

    /** Tops the buffer up to at least 56 bits. */
    private void refill() throws JpegDecoder.Unsupported {
        // past the padding, more than a whole restart interval has been consumed: never valid
        if (pos > intervals[count] + PADDING - 8) throw new JpegDecoder.Unsupported("corrupt data: a scan reads past its end");
        buf |= (long) LONGS.get(data, pos) >>> bits;
        pos += (63 - bits) >>> 3;
        bits |= 56;
    }

    private int decode(JpegHuffman h) throws JpegDecoder.Unsupported {
        if (bits < 16) refill();
        int e = h.fast[(int) (buf >>> (64 - JpegHuffman.FAST_BITS))];
        if (e != 0) {
            int len = e >> 8;
            buf <<= len;
            bits -= len;
            return e & 0xff;
        }
        for (int len = JpegHuffman.FAST_BITS + 1; len <= 17; len++) {
            int code = (int) (buf >>> (64 - len));
            if (code <= h.maxcode[len]) {
                if (len == 17) break;
                buf <<= len;
                bits -= len;
                int i = code + h.delta[len];
                if (i < 0 || i >= h.values.length) break;
                return h.values[i];
            }
        }
        throw new JpegDecoder.Unsupported("bad Huffman code");
    }

    /** The next {@code size} bits, 0 to 16, as a number. */
    private int receive(int size) throws JpegDecoder.Unsupported {
        if (bits < 16) refill();
        int v = (int) (buf >>> 1 >>> (63 - size)); // two shifts: size 0 gives 0
        buf <<= size;
        bits -= size;
        return v;
    }

    private int receiveExtend(int size) throws JpegDecoder.Unsupported {
        return size == 0 ? 0 : JpegHuffman.extend(receive(size), size);
    }

    private int bit() throws JpegDecoder.Unsupported {
        if (bits == 0) refill();
        int v = (int) (buf >>> 63);
        buf <<= 1;
        bits--;
        return v;
    }

    /**
     * One sequential block into {@code b[off..off+63]}, which must be zero; returns the new DC
     * predictor.
     */
    int sequential(short[] b, int off, JpegHuffman dc, JpegHuffman ac, int pred) throws JpegDecoder.Unsupported {
        if (bits < 32) refill();
        int d = dc.fastDc[(int) (buf >>> (64 - JpegHuffman.FAST_BITS))];
        if (d != 0) {
            int len = d & 0xff;
            buf <<= len;
            bits -= len;
            pred += d >> 8;
        } else {
            pred += receiveExtend(decode(dc));
        }
        b[off] = (short) pred;
        long[] pairs = ac.fastAcPairs;
        for (int i = 1; i < 64; ) {
            if (bits < 32) refill();
            long e = pairs[(int) (buf >>> (64 - JpegHuffman.FAST_BITS))];
            if (e != 0) {
                // one or two coefficients; without a second, adding 0 to the next (still zero) one is harmless
                int len = (int) e & 0xff;
                buf <<= len;
                bits -= len;
                i += (int) (e >>> 8) & 0xff;
                b[off + NATURAL[i]] = (short) (e >>> 16);
                i += 1 + ((int) (e >>> 32) & 0xff);
                b[off + NATURAL[i]] += (short) (e >>> 40);
                i += (int) (e >>> 56);
                continue;
            }
            int rs = decode(ac);
            int size = rs & 15;
            int run = rs >> 4;
            if (size == 0) {
                if (run < 15) break;
                i += 16;
                continue;
            }
            i += run;
            b[off + NATURAL[i]] = (short) receiveExtend(size);
            i++;
        }
        return pred;
    }

    /** The first scan of a block's DC coefficient (progressive); returns the new predictor. */
    int dcFirst(short[] b, int off, JpegHuffman dc, int pred, int al) throws JpegDecoder.Unsupported {
        pred += receiveExtend(decode(dc));
        b[off] = (short) (pred << al);
        return pred;
    }

    /** A refinement scan of a block's DC coefficient: one more bit. */
    void dcRefine(short[] b, int off, int al) throws JpegDecoder.Unsupported {
        if (bit() != 0) b[off] |= (short) (1 << al);
    }

    /**
     * The first scan of a band of a block's AC coefficients (progressive).
     *
     * @param extent by block, the highest zigzag index of a non-zero AC coefficient, kept up to date
     */
    void acFirst(short[] b, int off, byte[] extent, JpegHuffman ac, int ss, int se, int al) throws JpegDecoder.Unsupported {
        if (eobrun > 0) {
            eobrun--;
            return;
        }
        int[] fastAc = ac.fastAc;
        int last = 0;
        for (int i = ss; i <= se; ) {
            if (bits < 32) refill();
            int e = fastAc[(int) (buf >>> (64 - JpegHuffman.FAST_BITS))];
            if ((e >> 16) != 0) { // a coefficient; runs of zeros and end-of-band are decoded below
                int len = e & 0xff;
                buf <<= len;
                bits -= len;
                i += (e >> 8) & 15;
                b[off + NATURAL[i]] = (short) ((e >> 16) * (1 << al));
                last = i++;
                continue;
            }
            int rs = decode(ac);
            int size = rs & 15;
            int run = rs >> 4;
            if (size == 0) {
                if (run < 15) {
                    eobrun = receive(run) + (1 << run) - 1;
                    break;
                }
                i += 16;
                continue;
            }
            i += run;
            b[off + NATURAL[i]] = (short) (receiveExtend(size) * (1 << al));
            last = i++;
        }
        int block = off >> 6;
        if (last > extent[block]) extent[block] = (byte) Math.min(last, 63);
    }

    /**
     * A refinement scan of a band of AC coefficients (spec G.1.2.3, structured as libjpeg's
     * decode_mcu_AC_refine). Within an end-of-band run only non-zero coefficients take a bit, so
     * the walk stops at the block's extent (see {@link #acFirst}).
     */
    void acRefine(short[] b, int off, byte[] extent, JpegHuffman ac, int ss, int se, int al) throws JpegDecoder.Unsupported {
        int block = off >> 6;
        int p1 = 1 << al;
        int m1 = -1 << al;
        int k = ss;
        if (eobrun == 0) {
            for (; k <= se; k++) {
                int rs = decode(ac);
                int r = rs >> 4;
                int s = rs & 15;
                if (s != 0) {
                    if (s != 1) throw new JpegDecoder.Unsupported("bad refinement code");
                    s = bit() != 0 ? p1 : m1;
                } else if (r != 15) {
                    eobrun = (1 << r) + receive(r);
                    break;
                }
                // skip r zero coefficients, refining the non-zero ones passed on the way
                do {
                    if ((r -= refine(b, off + NATURAL[k], p1)) < 0) break;
                    k++;
                } while (k <= se);
                if (s != 0) {
                    if (k > se) throw new JpegDecoder.Unsupported("coefficient index");
                    b[off + NATURAL[k]] = (short) s;
                    if (k > extent[block]) extent[block] = (byte) k;
                }
            }
        }
        if (eobrun > 0) {
            // inside an end-of-band run: only coefficients already non-zero take a correction bit
            int end = Math.min(se, extent[block]);
            for (; k <= end; k++) refine(b, off + NATURAL[k], p1);
            eobrun--;
        }
    }

    /**
     * Gives a non-zero coefficient its correction bit (adding p1 away from zero when the bit is
     * set and the coefficient lacks it); a zero one takes no bit. Branch-free, as whether a
     * coefficient is zero and the bit are unpredictable. Returns 1 for a zero coefficient.
     */
    private int refine(short[] b, int z, int p1) throws JpegDecoder.Unsupported {
        int coef = b[z];
        int nonZero = (coef | -coef) >>> 31;
        if (bits == 0) refill();
        int bit = (int) (buf >>> 63) & nonZero;
        buf <<= nonZero;
        bits -= nonZero;
        int lacksBit = ((coef & p1) - 1) >>> 31;
        int sign = coef >> 31;
        int away = (p1 ^ sign) - sign; // p1 for a positive coefficient, -p1 for a negative one
        b[z] = (short) (coef + (away & -(bit & lacksBit)));
        return nonZero ^ 1;
    }
}
