package io.masthead.card;

import org.junit.jupiter.api.Test;

import javax.imageio.plugins.jpeg.JPEGHuffmanTable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lookup tables against a plain bit-by-bit Huffman decoder, for every window of
 * {@link JpegHuffman#FAST_BITS} bits of the standard tables (JPEG Annex K).
 */
class JpegHuffmanTest {
    private static final int N = JpegHuffman.FAST_BITS;

    @Test
    void pairedAcLookupDecodesWhatSymbolBySymbolDecodingDoes() throws Exception {
        for (JPEGHuffmanTable std : new JPEGHuffmanTable[]{JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance}) {
            Reference ref = new Reference(std);
            JpegHuffman table = new JpegHuffman(counts(std), values(std), true);
            int pairs = 0;
            for (int w = 0; w < 1 << N; w++) {
                long e = table.fastAcPairs[w];
                Symbol first = ref.ac(w, 0);
                if (first == null) {
                    assertEquals(0, e, "window " + w + ": the first symbol does not fit, so no entry");
                    continue;
                }
                assertEquals(first.skip, (int) (e >>> 8) & 0xff, "window " + w);
                assertEquals(first.coefficient, (short) (e >>> 16), "window " + w);
                Symbol second = first.skip == JpegHuffman.END_OF_BLOCK_SKIP ? null : ref.ac(w, first.bits);
                if (second == null) {
                    assertEquals(0, e >>> 32, "window " + w + ": no second symbol");
                    assertEquals(first.bits, (int) e & 0xff, "window " + w);
                } else {
                    pairs++;
                    assertEquals(1, e >>> 56, "window " + w + ": a second symbol");
                    assertEquals(second.skip, (int) (e >>> 32) & 0xff, "window " + w);
                    assertEquals(second.coefficient, (short) (e >>> 40), "window " + w);
                    assertEquals(first.bits + second.bits, (int) e & 0xff, "window " + w);
                }
            }
            assertTrue(pairs > 100, "most short codes come in pairs: " + pairs);
        }
    }

    @Test
    void dcLookupGivesTheDifferenceAndItsLength() throws Exception {
        for (JPEGHuffmanTable std : new JPEGHuffmanTable[]{JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance}) {
            Reference ref = new Reference(std);
            JpegHuffman table = new JpegHuffman(counts(std), values(std), false);
            for (int w = 0; w < 1 << N; w++) {
                int e = table.fastDc[w];
                int[] code = ref.code(w, 0);
                if (code == null || code[0] + code[1] > N) {
                    assertEquals(0, e, "window " + w);
                    continue;
                }
                int size = code[1];
                int magnitude = size == 0 ? 0 : (w >> (N - code[0] - size)) & ((1 << size) - 1);
                assertEquals(code[0] + size, e & 0xff, "window " + w);
                assertEquals(size == 0 ? 0 : JpegHuffman.extend(magnitude, size), e >> 8, "window " + w);
            }
        }
    }

    /** One AC symbol decoded from a window: how far it moves the coefficient index, its value and the bits it takes. */
    private record Symbol(int skip, int coefficient, int bits) {
    }

    /** Decodes codes a bit at a time from the canonical code lengths, as the JPEG spec describes (F.2.2.3). */
    private static final class Reference {
        private final short[] lengths;
        private final short[] values;

        Reference(JPEGHuffmanTable table) {
            lengths = table.getLengths();
            values = table.getValues();
        }

        /** {code length, symbol} of the code starting {@code from} bits into the window, or null past it. */
        int[] code(int window, int from) {
            int code = 0;
            int first = 0;
            int index = 0;
            for (int len = 1; len <= 16 && from + len <= N; len++) {
                code = (code << 1) | ((window >> (N - from - len)) & 1);
                int count = lengths[len - 1];
                if (code - first < count) return new int[]{len, values[index + code - first]};
                index += count;
                first = (first + count) << 1;
            }
            return null;
        }

        /** The AC symbol starting {@code from} bits into the window, with its magnitude bits, or null if it does not fit. */
        Symbol ac(int window, int from) {
            int[] code = code(window, from);
            if (code == null) return null;
            int run = code[1] >> 4;
            int size = code[1] & 15;
            int bits = code[0] + size;
            if (from + bits > N) return null;
            if (size == 0) {
                if (run == 15) return new Symbol(15, 0, bits);
                if (run == 0) return new Symbol(JpegHuffman.END_OF_BLOCK_SKIP, 0, bits);
                return null; // an end-of-band run: progressive only
            }
            int magnitude = (window >> (N - from - bits)) & ((1 << size) - 1);
            return new Symbol(run, JpegHuffman.extend(magnitude, size), bits);
        }
    }

    private static int[] counts(JPEGHuffmanTable t) {
        int[] counts = new int[17];
        for (int i = 0; i < 16; i++) counts[i + 1] = t.getLengths()[i];
        return counts;
    }

    private static int[] values(JPEGHuffmanTable t) {
        short[] v = t.getValues();
        int[] values = new int[v.length];
        for (int i = 0; i < v.length; i++) values[i] = v[i] & 0xff;
        return values;
    }
}
