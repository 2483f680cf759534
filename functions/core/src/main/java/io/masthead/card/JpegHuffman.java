package io.masthead.card;

/**
 * One Huffman table of a JPEG (DHT), with lookup tables so that most symbols cost one array
 * read: {@link #fast} gives the symbol of every code up to {@link #FAST_BITS} long, and for AC
 * tables {@link #fastAc} also folds in the magnitude bits that follow a short code, giving the
 * coefficient itself (as stb_image does), and turns end-of-block into a skip past the block;
 * {@link #fastAcPairs} gives two coefficients where both fit, and {@link #fastDc} the DC
 * difference.
 */
final class JpegHuffman {
    /**
     * Bits looked up at once. 11 or 12 bits miss fewer codes and decode faster on one thread, but
     * slow the two-thread decode (65-71 against 54-56 ms at half size, 18 MP): the larger tables
     * crowd the caches the pixel thread works in too.
     */
    static final int FAST_BITS = 10;

    /** By the next FAST_BITS bits: (code length << 8) | symbol, 0 when the code is longer. */
    final int[] fast = new int[1 << FAST_BITS];
    /** What an end-of-block adds to the coefficient index in {@link #fastAc}: past any block. */
    static final int END_OF_BLOCK_SKIP = 64;
    /**
     * AC tables only, by the next FAST_BITS bits: (coefficient << 16) | (skip << 8) | bits used,
     * when a code and its magnitude fit in FAST_BITS, 0 otherwise. The skip is the zero run
     * before the coefficient; a run of 16 zeros is 15 and a zero coefficient, an end-of-block
     * {@link #END_OF_BLOCK_SKIP} and a zero coefficient.
     */
    final int[] fastAc;
    /**
     * AC tables only, for sequential scans, by the next FAST_BITS bits: the {@link #fastAc} entry
     * of the first symbol and, when the symbol after it also fits in the same bits, that one
     * too, so one lookup often decodes two coefficients. Bits 0-7: the bits both use; 8-15 and
     * 16-31: the first's skip and coefficient; 32-39 and 40-55: the second's skip and
     * coefficient; 56: 1 when there is a second. 0 when the first code does not fit.
     */
    final long[] fastAcPairs;
    /**
     * DC tables only, by the next FAST_BITS bits: (difference << 8) | bits used, when a code and
     * its magnitude fit in FAST_BITS, 0 otherwise (the bits used are never 0).
     */
    final int[] fastDc;
    /** The largest code of each length, -1 when there is none (index 17 stops the search). */
    final int[] maxcode = new int[18];
    /** valptr[len] - mincode[len]: add a code of that length to get its index in values. */
    final int[] delta = new int[17];
    final int[] values;

    /**
     * @param counts counts[len] codes of each length 1..16
     * @param ac     whether this is an AC table; DC symbols (magnitude sizes) above 15 are refused
     */
    JpegHuffman(int[] counts, int[] values, boolean ac) throws JpegDecoder.Unsupported {
        this.values = values;
        for (int v : values) {
            if (!ac && v > 15) throw new JpegDecoder.Unsupported("bad DC Huffman table");
        }
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            delta[len] = k - code;
            for (int i = 0; i < counts[len]; i++) {
                if (len <= FAST_BITS) {
                    int shift = FAST_BITS - len;
                    for (int j = 0; j < (1 << shift); j++) fast[(code << shift) | j] = (len << 8) | values[k];
                }
                code++;
                k++;
            }
            if (code > (1 << len)) throw new JpegDecoder.Unsupported("bad Huffman table");
            maxcode[len] = counts[len] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxcode[17] = Integer.MAX_VALUE;
        fastAc = ac ? foldMagnitudes() : null;
        fastDc = ac ? null : foldDcMagnitudes();
        fastAcPairs = ac ? pairSymbols(fastAc) : null;
    }

    private int[] foldMagnitudes() {
        int[] table = new int[1 << FAST_BITS];
        for (int i = 0; i < table.length; i++) {
            int e = fast[i];
            if (e == 0) continue;
            int len = e >> 8;
            int run = (e >> 4) & 15;
            int size = e & 15;
            if (size == 0) {
                if (run == 15) table[i] = (15 << 8) | len;
                else if (run == 0) table[i] = (END_OF_BLOCK_SKIP << 8) | len;
                continue;
            }
            if (len + size > FAST_BITS) continue;
            table[i] = (valueAfter(i, len, size) << 16) | (run << 8) | (len + size);
        }
        return table;
    }

    private static long[] pairSymbols(int[] singles) {
        long[] table = new long[singles.length];
        for (int i = 0; i < singles.length; i++) {
            int e = singles[i];
            if (e == 0) continue;
            int len = e & 0xff;
            int skip = (e >> 8) & 0xff;
            long entry = len | (long) skip << 8 | (long) ((e >> 16) & 0xffff) << 16;
            if (skip != END_OF_BLOCK_SKIP && len < FAST_BITS) {
                // the bits after the first symbol are the top of the next lookup; the unknown bits
                // below them do not matter to a symbol that fits in what is known
                int next = singles[(i << len) & (singles.length - 1)];
                int len2 = next & 0xff;
                if (next != 0 && len + len2 <= FAST_BITS) {
                    entry = (len + len2) | (long) skip << 8 | (long) ((e >> 16) & 0xffff) << 16
                            | (long) ((next >> 8) & 0xff) << 32 | (long) ((next >> 16) & 0xffff) << 40 | 1L << 56;
                }
            }
            table[i] = entry;
        }
        return table;
    }

    private int[] foldDcMagnitudes() {
        int[] table = new int[1 << FAST_BITS];
        for (int i = 0; i < table.length; i++) {
            int e = fast[i];
            if (e == 0) continue;
            int len = e >> 8;
            int size = e & 0xff;
            if (len + size > FAST_BITS) continue;
            table[i] = (valueAfter(i, len, size) << 8) | (len + size);
        }
        return table;
    }

    /** The signed value of the {@code size} magnitude bits after a code of {@code len} bits at the top of a lookup window. */
    private static int valueAfter(int window, int len, int size) {
        if (size == 0) return 0;
        return extend((window >> (FAST_BITS - len - size)) & ((1 << size) - 1), size);
    }

    /** The signed value of {@code bits} magnitude bits of the given size (JPEG spec F.2.2.1 EXTEND). */
    static int extend(int bits, int size) {
        return bits < (1 << (size - 1)) ? bits - (1 << size) + 1 : bits;
    }
}
