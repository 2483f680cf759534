package io.masthead.card;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

/**
 * A JPEG decoder for the common case, made for speed: 8-bit Huffman baseline and progressive,
 * greyscale or YCbCr, any sampling factors, restart markers, decoded straight to TYPE_INT_RGB
 * at 1/1, 1/2, 1/4 or 1/8 scale by a reduced-size inverse DCT (only the low frequencies are
 * transformed, so a downscaled decode is cheaper and better filtered than decoding every pixel
 * and dropping most). Anything else (CMYK, YCCK, 12-bit, arithmetic coding, a non-sRGB ICC
 * profile) is {@link Unsupported} and goes to ImageIO with TwelveMonkeys. Stateless, thread-safe.
 */
final class JpegDecoder {
    /** This decoder does not handle the file; ImageIO does. */
    static final class Unsupported extends Exception {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private static final int[] ZIGZAG = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
            28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
            54, 47, 55, 62, 63};
    /** IDCT bases for output sizes 1, 2, 4, 8: TABLE[k][x * k + u] = C(u)/2 * cos((2x+1) u pi / 2k). */
    private static final float[][] TABLE = new float[9][];

    static {
        for (int k : new int[] {1, 2, 4, 8}) {
            float[] t = new float[k * 8];
            for (int x = 0; x < k; x++) {
                for (int u = 0; u < 8; u++) {
                    double c = u == 0 ? Math.sqrt(0.5) : 1;
                    t[x * 8 + u] = u < k ? (float) (c / 2 * Math.cos((2 * x + 1) * u * Math.PI / (2 * k))) : 0f;
                }
            }
            TABLE[k] = t;
        }
    }

    private JpegDecoder() {
    }

    /**
     * What a JPEG's markers say before the first scan.
     *
     * @param components     1 (grey), 3 (YCbCr or RGB) or 4 (CMYK/YCCK); 0 when no frame was found
     * @param adobeTransform the APP14 Adobe colour transform, -1 without one
     * @param foreignProfile whether an embedded ICC profile other than sRGB is present
     */
    record Header(boolean progressive, int components, int adobeTransform, boolean foreignProfile) {
        /** Plain 8-bit YCbCr or grey in sRGB: what the JDK's own reader decodes straight to INT_RGB. */
        boolean plain() {
            return (components == 1 || (components == 3 && adobeTransform != 0)) && !foreignProfile;
        }
    }

    static Header header(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) return new Header(false, 0, -1, false);
        boolean progressive = false;
        int components = 0;
        int adobe = -1;
        boolean foreign = false;
        int p = 2;
        while (p + 4 <= b.length && (b[p] & 0xff) == 0xFF) {
            int m = b[p + 1] & 0xff;
            int len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            int seg = p + 4;
            if (m == 0xDA) break;
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && seg + 6 <= b.length) {
                progressive = m == 0xC2;
                components = (b[seg] & 0xff) == 8 && (m == 0xC0 || m == 0xC1 || m == 0xC2) ? b[seg + 5] & 0xff : -1;
            } else if (m == 0xEE && seg + 12 <= b.length && b[seg] == 'A' && b[seg + 1] == 'd' && b[seg + 4] == 'e') {
                adobe = b[seg + 11] & 0xff;
            } else if (m == 0xE2 && seg + 12 <= b.length && b[seg] == 'I' && b[seg + 1] == 'C' && b[seg + 2] == 'C'
                    && !new String(b, seg, Math.min(len - 2, b.length - seg), StandardCharsets.ISO_8859_1).contains("sRGB")) {
                foreign = true;
            }
            p += 2 + len;
        }
        return new Header(progressive, components, adobe, foreign);
    }

    /** Whether the bytes are a progressive JPEG (SOF2 before the first scan). */
    static boolean isProgressive(byte[] b) {
        return header(b).progressive();
    }

    /**
     * @param denominator 1, 2, 4 or 8: the output is the photo scaled by 1/denominator (rounded up)
     */
    static BufferedImage decode(byte[] data, int denominator) throws Unsupported {
        if (denominator != 1 && denominator != 2 && denominator != 4 && denominator != 8) {
            throw new IllegalArgumentException("scale must be 1/1, 1/2, 1/4 or 1/8");
        }
        try {
            return new Decoding(data, 8 / denominator).run();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException | IllegalStateException e) {
            throw new Unsupported("cannot decode: " + e);
        }
    }

    private static final class Huffman {
        final int[] fast = new int[1 << 9]; // (length << 8) | symbol, 0 when the code is longer than 9 bits
        final int[] maxcode = new int[18];
        final int[] valptr = new int[17];
        final int[] mincode = new int[17];
        final int[] values;

        Huffman(int[] counts, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                valptr[len] = k;
                mincode[len] = code;
                for (int i = 0; i < counts[len]; i++) {
                    if (len <= 9) {
                        int shift = 9 - len;
                        for (int j = 0; j < (1 << shift); j++) fast[(code << shift) | j] = (len << 8) | values[k];
                    }
                    code++;
                    k++;
                }
                maxcode[len] = counts[len] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxcode[17] = Integer.MAX_VALUE;
        }
    }

    private static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int blocksPerLine;   // blocks covering the component's own samples
        int blocksPerColumn;
        int blocksPerLineMcu; // blocks in the MCU-padded grid
        int blocksPerColumnMcu;
        short[] coefs;
        int pred;
        Huffman dc;
        Huffman ac;
        byte[] plane; // samples at the output scale
        int planeWidth;
    }

    private static final class Decoding {
        final byte[] d;
        final int k; // output size of each 8x8 block
        final int[][] qt = new int[4][];
        final Huffman[] dcTables = new Huffman[4];
        final Huffman[] acTables = new Huffman[4];
        Component[] comps;
        int width;
        int height;
        boolean progressive;
        int restartInterval;
        int hmax;
        int vmax;
        int mcusPerLine;
        int mcusPerColumn;
        int adobeTransform = -1;
        boolean jfif;

        // bit reader
        int pos;
        long buf;
        int bits;
        boolean marker;
        boolean ranOut;
        // progressive state
        int eobrun;

        Decoding(byte[] d, int k) {
            this.d = d;
            this.k = k;
        }

        BufferedImage run() throws Unsupported {
            pos = 2;
            boolean frame = false;
            while (true) {
                int m = nextMarker();
                if (m == 0xD9) break; // EOI
                if (m == -1) {
                    if (!frame) throw new Unsupported("no frame");
                    throw new Unsupported("truncated");
                }
                int len = u16(pos);
                int seg = pos + 2;
                int end = pos + len;
                if (end > d.length) throw new Unsupported("truncated segment");
                switch (m) {
                    case 0xC0, 0xC1, 0xC2 -> {
                        progressive = m == 0xC2;
                        frame(seg);
                        frame = true;
                    }
                    case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> throw new Unsupported("lossless, hierarchical or arithmetic JPEG");
                    case 0xC4 -> huffman(seg, end);
                    case 0xDB -> quantisation(seg, end);
                    case 0xDD -> restartInterval = u16(seg);
                    case 0xE0 -> jfif |= startsWith(seg, "JFIF");
                    case 0xE2 -> {
                        if (startsWith(seg, "ICC_PROFILE") && !containsAscii(seg, end, "sRGB")) {
                            throw new Unsupported("ICC profile other than sRGB");
                        }
                    }
                    case 0xEE -> {
                        if (startsWith(seg, "Adobe") && end - seg >= 12) adobeTransform = d[seg + 11] & 0xff;
                    }
                    case 0xDA -> {
                        if (!frame) throw new Unsupported("scan before frame");
                        pos = scan(seg);
                        continue;
                    }
                    default -> {
                    }
                }
                pos = end;
            }
            if (!frame) throw new Unsupported("no frame");
            return output();
        }

        /** The next marker code at or after pos (pos is left after it), or -1 at the end of data. */
        int nextMarker() {
            while (pos + 1 < d.length) {
                if ((d[pos] & 0xff) == 0xFF) {
                    int m = d[pos + 1] & 0xff;
                    if (m != 0 && m != 0xFF && !(m >= 0xD0 && m <= 0xD7)) {
                        pos += 2;
                        return m;
                    }
                }
                pos++;
            }
            return -1;
        }

        int u16(int p) {
            return ((d[p] & 0xff) << 8) | (d[p + 1] & 0xff);
        }

        boolean startsWith(int p, String s) {
            if (p + s.length() > d.length) return false;
            for (int i = 0; i < s.length(); i++) if (d[p + i] != s.charAt(i)) return false;
            return true;
        }

        boolean containsAscii(int from, int to, String s) {
            return new String(d, from, Math.min(to, d.length) - from, StandardCharsets.ISO_8859_1).contains(s);
        }

        void frame(int p) throws Unsupported {
            if ((d[p] & 0xff) != 8) throw new Unsupported("not 8-bit");
            height = u16(p + 1);
            width = u16(p + 3);
            int n = d[p + 5] & 0xff;
            if (n != 1 && n != 3) throw new Unsupported(n + " components");
            if (width == 0 || height == 0) throw new Unsupported("height given by DNL");
            comps = new Component[n];
            for (int i = 0; i < n; i++) {
                Component c = new Component();
                c.id = d[p + 6 + i * 3] & 0xff;
                c.h = (d[p + 7 + i * 3] & 0xff) >> 4;
                c.v = d[p + 7 + i * 3] & 15;
                c.tq = d[p + 8 + i * 3] & 3;
                if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4) throw new Unsupported("sampling factor");
                comps[i] = c;
                hmax = Math.max(hmax, c.h);
                vmax = Math.max(vmax, c.v);
            }
            for (Component c : comps) {
                if (hmax % c.h != 0 || vmax % c.v != 0) throw new Unsupported("fractional sampling");
            }
            mcusPerLine = (width + 8 * hmax - 1) / (8 * hmax);
            mcusPerColumn = (height + 8 * vmax - 1) / (8 * vmax);
            for (Component c : comps) {
                int cw = (width * c.h + hmax - 1) / hmax;
                int ch = (height * c.v + vmax - 1) / vmax;
                c.blocksPerLine = (cw + 7) / 8;
                c.blocksPerColumn = (ch + 7) / 8;
                c.blocksPerLineMcu = mcusPerLine * c.h;
                c.blocksPerColumnMcu = mcusPerColumn * c.v;
                c.coefs = new short[c.blocksPerLineMcu * c.blocksPerColumnMcu * 64];
            }
        }

        void huffman(int p, int end) throws Unsupported {
            while (p < end) {
                int tc = (d[p] & 0xff) >> 4;
                int th = d[p] & 15;
                if (th > 3 || tc > 1) throw new Unsupported("Huffman table id");
                int[] counts = new int[17];
                int total = 0;
                for (int i = 1; i <= 16; i++) {
                    counts[i] = d[p + i] & 0xff;
                    total += counts[i];
                }
                int[] values = new int[total];
                for (int i = 0; i < total; i++) values[i] = d[p + 17 + i] & 0xff;
                Huffman h = new Huffman(counts, values);
                if (tc == 0) dcTables[th] = h; else acTables[th] = h;
                p += 17 + total;
            }
        }

        void quantisation(int p, int end) {
            while (p < end) {
                int pq = (d[p] & 0xff) >> 4;
                int tq = d[p] & 3;
                int[] table = new int[64];
                for (int i = 0; i < 64; i++) {
                    table[ZIGZAG[i]] = pq == 0 ? d[p + 1 + i] & 0xff : u16(p + 1 + 2 * i);
                }
                qt[tq] = table;
                p += 1 + (pq == 0 ? 64 : 128);
            }
        }

        /** Decodes one scan; returns the position of the marker that ends it. */
        int scan(int p) throws Unsupported {
            int n = d[p] & 0xff;
            Component[] sc = new Component[n];
            for (int i = 0; i < n; i++) {
                int id = d[p + 1 + i * 2] & 0xff;
                int tables = d[p + 2 + i * 2] & 0xff;
                Component c = null;
                for (Component x : comps) if (x.id == id) c = x;
                if (c == null) throw new Unsupported("scan names an unknown component");
                c.dc = dcTables[tables >> 4];
                c.ac = acTables[tables & 15];
                sc[i] = c;
            }
            int q = p + 1 + n * 2;
            int ss = d[q] & 0xff;
            int se = d[q + 1] & 0xff;
            int ah = (d[q + 2] & 0xff) >> 4;
            int al = d[q + 2] & 15;
            pos = q + 3;
            resetBits();
            for (Component c : sc) c.pred = 0;
            eobrun = 0;
            int kind; // 0 baseline, 1 DC first, 2 DC refine, 3 AC first, 4 AC refine
            if (!progressive) kind = 0;
            else if (ss == 0) kind = ah == 0 ? 1 : 2;
            else kind = ah == 0 ? 3 : 4;
            for (Component c : sc) {
                boolean needsDc = kind == 0 || kind == 1;
                boolean needsAc = kind == 0 || kind >= 3;
                if ((needsDc && c.dc == null) || (needsAc && c.ac == null)) throw new Unsupported("missing Huffman table");
            }
            int mcus;
            boolean single = n == 1;
            if (single) {
                mcus = sc[0].blocksPerLine * sc[0].blocksPerColumn;
            } else {
                mcus = mcusPerLine * mcusPerColumn;
            }
            int interval = restartInterval > 0 ? restartInterval : mcus;
            int done = 0;
            while (done < mcus) {
                for (int i = 0; i < interval && done < mcus; i++, done++) {
                    if (single) {
                        Component c = sc[0];
                        int row = done / c.blocksPerLine;
                        int col = done % c.blocksPerLine;
                        block(kind, c, (row * c.blocksPerLineMcu + col) * 64, ss, se, al);
                    } else {
                        int mr = done / mcusPerLine;
                        int mc = done % mcusPerLine;
                        for (Component c : sc) {
                            for (int v = 0; v < c.v; v++) {
                                for (int h = 0; h < c.h; h++) {
                                    int row = mr * c.v + v;
                                    int col = mc * c.h + h;
                                    block(kind, c, (row * c.blocksPerLineMcu + col) * 64, ss, se, al);
                                }
                            }
                        }
                    }
                }
                if (done < mcus) {
                    // a restart marker must follow: realign on it
                    pos = markerAfterBits();
                    if (pos + 1 < d.length && (d[pos] & 0xff) == 0xFF && (d[pos + 1] & 0xff) >= 0xD0 && (d[pos + 1] & 0xff) <= 0xD7) {
                        pos += 2;
                    } else {
                        throw new Unsupported("restart marker missing");
                    }
                    resetBits();
                    for (Component c : sc) c.pred = 0;
                    eobrun = 0;
                }
            }
            return markerAfterBits();
        }

        void block(int kind, Component c, int off, int ss, int se, int al) throws Unsupported {
            short[] b = c.coefs;
            switch (kind) {
                case 0 -> {
                    int t = decode(c.dc);
                    c.pred += t == 0 ? 0 : receiveExtend(t);
                    b[off] = (short) c.pred;
                    Huffman ac = c.ac;
                    for (int i = 1; i < 64; ) {
                        int rs = decode(ac);
                        int s = rs & 15;
                        int r = rs >> 4;
                        if (s == 0) {
                            if (r < 15) break;
                            i += 16;
                            continue;
                        }
                        i += r;
                        if (i > 63) throw new Unsupported("coefficient index");
                        b[off + ZIGZAG[i]] = (short) receiveExtend(s);
                        i++;
                    }
                }
                case 1 -> {
                    int t = decode(c.dc);
                    c.pred += t == 0 ? 0 : receiveExtend(t) << al;
                    b[off] = (short) c.pred;
                }
                case 2 -> {
                    if (bit() != 0) b[off] |= (short) (1 << al);
                }
                case 3 -> {
                    if (eobrun > 0) {
                        eobrun--;
                        return;
                    }
                    for (int i = ss; i <= se; ) {
                        int rs = decode(c.ac);
                        int s = rs & 15;
                        int r = rs >> 4;
                        if (s == 0) {
                            if (r < 15) {
                                eobrun = receive(r) + (1 << r) - 1;
                                break;
                            }
                            i += 16;
                            continue;
                        }
                        i += r;
                        if (i > 63) throw new Unsupported("coefficient index");
                        b[off + ZIGZAG[i]] = (short) (receiveExtend(s) * (1 << al));
                        i++;
                    }
                }
                default -> refineAc(c, off, ss, se, al);
            }
        }

        /** AC successive approximation (JPEG spec G.1.2.3, structured as libjpeg's decode_mcu_AC_refine). */
        void refineAc(Component c, int off, int ss, int se, int al) throws Unsupported {
            short[] b = c.coefs;
            int p1 = 1 << al;
            int m1 = -1 << al;
            int k = ss;
            if (eobrun == 0) {
                for (; k <= se; k++) {
                    int rs = decode(c.ac);
                    int r = rs >> 4;
                    int s = rs & 15;
                    if (s != 0) {
                        if (s != 1) throw new Unsupported("bad refinement code");
                        s = bit() != 0 ? p1 : m1;
                    } else if (r != 15) {
                        eobrun = (1 << r) + receive(r);
                        break;
                    }
                    // skip r zero coefficients (refining the non-zero ones passed on the way)
                    do {
                        int z = off + ZIGZAG[k];
                        int coef = b[z];
                        if (coef != 0) {
                            if (bit() != 0 && (coef & p1) == 0) b[z] = (short) (coef >= 0 ? coef + p1 : coef + m1);
                        } else if (--r < 0) {
                            break;
                        }
                        k++;
                    } while (k <= se);
                    if (s != 0) {
                        if (k > se) throw new Unsupported("coefficient index");
                        b[off + ZIGZAG[k]] = (short) s;
                    }
                }
            }
            if (eobrun > 0) {
                // inside an end-of-band run: only coefficients already non-zero take a correction bit
                for (; k <= se; k++) {
                    int z = off + ZIGZAG[k];
                    int coef = b[z];
                    if (coef != 0 && bit() != 0 && (coef & p1) == 0) b[z] = (short) (coef >= 0 ? coef + p1 : coef + m1);
                }
                eobrun--;
            }
        }

        // ---- bits

        void resetBits() {
            buf = 0;
            bits = 0;
            marker = false;
        }

        void fill() {
            while (bits <= 56) {
                int b = 0;
                if (!marker && pos < d.length) {
                    b = d[pos] & 0xff;
                    if (b == 0xFF) {
                        int next = pos + 1 < d.length ? d[pos + 1] & 0xff : 0xD9;
                        if (next == 0) {
                            pos += 2;
                        } else {
                            marker = true;
                            b = 0;
                        }
                    } else {
                        pos++;
                    }
                } else if (!marker) {
                    marker = true; // ran out of data: feed zeros and remember it
                    ranOut = true;
                }
                buf |= (long) b << (56 - bits);
                bits += 8;
            }
        }

        /** Where the marker after the entropy-coded data begins. */
        int markerAfterBits() {
            if (!marker) {
                // unread whole bytes still in the buffer are padding; find the marker from pos
                while (pos + 1 < d.length && !((d[pos] & 0xff) == 0xFF && (d[pos + 1] & 0xff) != 0)) pos++;
            }
            return pos;
        }

        int decode(Huffman h) throws Unsupported {
            if (h == null) throw new Unsupported("missing Huffman table");
            if (bits < 16) fill();
            int e = h.fast[(int) (buf >>> 55)];
            if (e != 0) {
                int len = e >> 8;
                buf <<= len;
                bits -= len;
                return e & 0xff;
            }
            for (int len = 10; len <= 16; len++) {
                int code = (int) (buf >>> (64 - len));
                if (code <= h.maxcode[len]) {
                    buf <<= len;
                    bits -= len;
                    int idx = h.valptr[len] + code - h.mincode[len];
                    if (idx < 0 || idx >= h.values.length) throw new Unsupported("bad Huffman code");
                    return h.values[idx];
                }
            }
            throw new Unsupported("bad Huffman code");
        }

        int receive(int s) {
            if (s == 0) return 0;
            if (bits < s) fill();
            int v = (int) (buf >>> (64 - s));
            buf <<= s;
            bits -= s;
            return v;
        }

        int receiveExtend(int s) {
            int v = receive(s);
            return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
        }

        int bit() {
            if (bits < 1) fill();
            int v = (int) (buf >>> 63);
            buf <<= 1;
            bits--;
            return v;
        }

        // ---- pixels

        BufferedImage output() throws Unsupported {
            if (ranOut) throw new Unsupported("truncated");
            boolean rgb = comps.length == 3 && (adobeTransform == 0
                    || (!jfif && adobeTransform < 0 && comps[0].id == 'R' && comps[1].id == 'G' && comps[2].id == 'B'));
            int ow = (width * k + 7) / 8;
            int oh = (height * k + 7) / 8;
            for (Component c : comps) {
                c.planeWidth = c.blocksPerLineMcu * k;
                c.plane = new byte[c.planeWidth * c.blocksPerColumnMcu * k];
            }
            // inverse DCT, block rows split between the cores
            for (Component c : comps) {
                int[] q = qt[c.tq];
                if (q == null) throw new Unsupported("missing quantisation table");
                IntStream.range(0, c.blocksPerColumn).parallel().forEach(row -> {
                    float[] ws = new float[64];
                    for (int col = 0; col < c.blocksPerLine; col++) {
                        idct(c.coefs, (row * c.blocksPerLineMcu + col) * 64, q, ws, c.plane, row * k * c.planeWidth + col * k, c.planeWidth);
                    }
                });
                c.coefs = null;
            }
            BufferedImage img = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
            int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
            Component c0 = comps[0];
            int sx0 = hmax / c0.h;
            int sy0 = vmax / c0.v;
            if (comps.length == 1) {
                IntStream.range(0, oh).parallel().forEach(y -> {
                    int row = (y / sy0) * c0.planeWidth;
                    for (int x = 0; x < ow; x++) {
                        int g = c0.plane[row + x / sx0] & 0xff;
                        px[y * ow + x] = (g << 16) | (g << 8) | g;
                    }
                });
                return img;
            }
            Component c1 = comps[1];
            Component c2 = comps[2];
            int sx1 = hmax / c1.h;
            int sy1 = vmax / c1.v;
            int sx2 = hmax / c2.h;
            int sy2 = vmax / c2.v;
            IntStream.range(0, oh).parallel().forEach(y -> {
                int r0 = (y / sy0) * c0.planeWidth;
                int r1 = (y / sy1) * c1.planeWidth;
                int r2 = (y / sy2) * c2.planeWidth;
                int o = y * ow;
                for (int x = 0; x < ow; x++) {
                    int a = c0.plane[r0 + x / sx0] & 0xff;
                    int b = c1.plane[r1 + x / sx1] & 0xff;
                    int e = c2.plane[r2 + x / sx2] & 0xff;
                    if (rgb) {
                        px[o + x] = (a << 16) | (b << 8) | e;
                    } else {
                        px[o + x] = ycc(a, b, e);
                    }
                }
            });
            return img;
        }

        /** JFIF YCbCr to RGB in 16-bit fixed point. */
        static int ycc(int y, int cb, int cr) {
            cb -= 128;
            cr -= 128;
            int yy = (y << 16) + 32768;
            int r = (yy + 91881 * cr) >> 16;
            int g = (yy - 22554 * cb - 46802 * cr) >> 16;
            int b = (yy + 116130 * cb) >> 16;
            return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
        }

        static int clamp(int v) {
            return v < 0 ? 0 : Math.min(v, 255);
        }

        /**
         * The k x k inverse DCT of one block from its k x k lowest frequencies: the 8x8 basis
         * evaluated at the centres of k x k cells, so a reduced output is the block filtered and
         * resampled. Rows and columns of zeros are skipped.
         */
        void idct(short[] coefs, int off, int[] q, float[] ws, byte[] out, int outOff, int stride) {
            float[] t = TABLE[k];
            // pass 1: for each coefficient row v < k, the row's contribution at every x
            int lastRow = -1;
            for (int v = 0; v < k; v++) {
                int base = off + v * 8;
                int lastU = -1;
                for (int u = k - 1; u >= 0; u--) {
                    if (coefs[base + u] != 0) {
                        lastU = u;
                        break;
                    }
                }
                if (lastU < 0) {
                    for (int x = 0; x < k; x++) ws[v * 8 + x] = 0;
                    continue;
                }
                lastRow = v;
                for (int x = 0; x < k; x++) {
                    float s = 0;
                    for (int u = 0; u <= lastU; u++) s += coefs[base + u] * q[v * 8 + u] * t[x * 8 + u];
                    ws[v * 8 + x] = s;
                }
            }
            // pass 2: columns
            for (int y = 0; y < k; y++) {
                int o = outOff + y * stride;
                for (int x = 0; x < k; x++) {
                    float s = 0;
                    for (int v = 0; v <= lastRow; v++) s += ws[v * 8 + x] * t[y * 8 + v];
                    int p = Math.round(s + 128);
                    out[o + x] = (byte) (p < 0 ? 0 : Math.min(p, 255));
                }
            }
        }
    }
}
