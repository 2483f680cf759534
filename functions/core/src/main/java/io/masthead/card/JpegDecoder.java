package io.masthead.card;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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

    private JpegDecoder() {
    }

    /**
     * What a JPEG's markers say before the first scan.
     *
     * @param components     1 (grey), 3 (YCbCr or RGB) or 4 (CMYK/YCCK); 0 when no frame was found
     * @param adobeTransform the APP14 Adobe colour transform, -1 without one
     * @param foreignProfile whether an embedded ICC profile other than sRGB is present
     * @param width          as the frame gives it (before any EXIF orientation); 0 without a frame
     * @param height         likewise
     */
    record Header(boolean progressive, int components, int adobeTransform, boolean foreignProfile, int width, int height) {
        /** Plain 8-bit YCbCr or grey in sRGB: what the JDK's own reader decodes straight to INT_RGB. */
        boolean plain() {
            return (components == 1 || (components == 3 && adobeTransform != 0)) && !foreignProfile;
        }
    }

    static Header header(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) return new Header(false, 0, -1, false, 0, 0);
        boolean progressive = false;
        int components = 0;
        int adobe = -1;
        boolean foreign = false;
        int width = 0;
        int height = 0;
        int p = 2;
        while (p + 4 <= b.length && (b[p] & 0xff) == 0xFF) {
            int m = b[p + 1] & 0xff;
            int len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            int seg = p + 4;
            if (m == 0xDA) break;
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && seg + 6 <= b.length) {
                progressive = m == 0xC2;
                components = (b[seg] & 0xff) == 8 && (m == 0xC0 || m == 0xC1 || m == 0xC2) ? b[seg + 5] & 0xff : -1;
                height = ((b[seg + 1] & 0xff) << 8) | (b[seg + 2] & 0xff);
                width = ((b[seg + 3] & 0xff) << 8) | (b[seg + 4] & 0xff);
            } else if (m == 0xEE && seg + 12 <= b.length && b[seg] == 'A' && b[seg + 1] == 'd' && b[seg + 4] == 'e') {
                adobe = b[seg + 11] & 0xff;
            } else if (m == 0xE2 && seg + 12 <= b.length && b[seg] == 'I' && b[seg + 1] == 'C' && b[seg + 2] == 'C'
                    && !new String(b, seg, Math.min(len - 2, b.length - seg), StandardCharsets.ISO_8859_1).contains("sRGB")) {
                foreign = true;
            }
            p += 2 + len;
        }
        return new Header(progressive, components, adobe, foreign, width, height);
    }

    /**
     * How many scans the JPEG has, counted from its markers without decoding. Every scan of a
     * progressive JPEG is a pass over the whole image, and a crafted file can repeat a scan of a
     * few bytes thousands of times (10,006 scans in 307 KB: 7 s here, 85 s in the JDK's
     * decoder); decoders meant for untrusted input cap the count (nvImageCodec at 256).
     */
    static int scanCount(byte[] b) {
        int n = 0;
        int p = 2;
        while (p + 4 <= b.length && (b[p] & 0xff) == 0xFF) {
            int m = b[p + 1] & 0xff;
            if (m == 0xD9) break;
            if (m == 0xFF || m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
                p += m == 0xFF ? 1 : 2;
                continue;
            }
            p += 2 + ((b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff));
            if (m != 0xDA) continue;
            n++;
            // the entropy-coded data runs to the next marker that is not a restart marker
            while (p + 1 < b.length) {
                if ((b[p] & 0xff) == 0xFF) {
                    int next = b[p + 1] & 0xff;
                    if (next != 0 && (next < 0xD0 || next > 0xD7)) break;
                }
                p++;
            }
        }
        return n;
    }

    /** Whether the bytes are a progressive JPEG (SOF2 before the first scan). */
    static boolean isProgressive(byte[] b) {
        return header(b).progressive();
    }

    /**
     * @param denominator 1, 2, 4 or 8: the output is the photo scaled by 1/denominator (rounded up)
     */
    static BufferedImage decode(byte[] data, int denominator) throws Unsupported {
        return decode(data, denominator, Runtime.getRuntime().availableProcessors() > 1);
    }

    /** @param twoCores whether a second thread may share the work (the pixels are the same either way) */
    static BufferedImage decode(byte[] data, int denominator, boolean twoCores) throws Unsupported {
        return decode(data, denominator, twoCores, Runtime.getRuntime().maxMemory() / 2);
    }

    /**
     * @param heldBytes how much heap the coefficients a progressive (or non-interleaved) image
     *                  holds, with the output pixels, may take: beyond it the image is declined, and
     *                  ImageIO, whose libjpeg holds coefficients outside the heap, decodes it. Half
     *                  the maximum heap by default: a 96 MP 4:4:4 progressive photo needs 680 MB,
     *                  and ran out of a 512 MB heap here
     */
    static BufferedImage decode(byte[] data, int denominator, boolean twoCores, long heldBytes) throws Unsupported {
        if (denominator != 1 && denominator != 2 && denominator != 4 && denominator != 8) {
            throw new IllegalArgumentException("scale must be 1/1, 1/2, 1/4 or 1/8");
        }
        try {
            return new Decoding(data, 8 / denominator, twoCores, heldBytes).run();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException | IllegalStateException e) {
            throw new Unsupported("cannot decode: " + e);
        }
    }

    static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int[] q; // quantisation table, natural order
        int sx; // hmax / h: output pixels per sample across
        int sy;
        int blocksPerLine; // blocks covering the component's own samples
        int blocksPerColumn;
        int blocksPerLineMcu; // blocks in the MCU-padded grid
        int blocksPerColumnMcu;
        int sampleCols; // samples at the output scale
        int sampleRows;
        /** Coefficients of heldBlockRows block rows, a ring when that is less than the whole image. */
        short[] coefs;
        int heldBlockRows;
        /** Progressive only: by block, the highest zigzag index of a non-zero AC coefficient. */
        byte[] extent;

        int blockOffset(int row, int col) {
            return ((row % heldBlockRows) * blocksPerLineMcu + col) * 64;
        }
    }

    private static final class Decoding {
        final byte[] d;
        final int k; // output size of each 8x8 block
        final boolean twoCores;
        final long heldBytes;
        final int[][] qt = new int[4][];
        final JpegHuffman[] dcTables = new JpegHuffman[4];
        final JpegHuffman[] acTables = new JpegHuffman[4];
        final JpegEntropy entropy = new JpegEntropy();
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
        int pos;
        /** Progressive only: the scans, decoded together once the whole file has been read. */
        final List<JpegScan> progressiveScans = new ArrayList<>();
        /** Set once a sequential scan with every component has been decoded straight to pixels. */
        BufferedImage image;

        Decoding(byte[] d, int k, boolean twoCores, long heldBytes) {
            this.d = d;
            this.k = k;
            this.twoCores = twoCores;
            this.heldBytes = heldBytes;
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
                        if (frame) throw new Unsupported("second frame");
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
            if (!progressiveScans.isEmpty()) return decodeProgressive();
            if (image != null) return image;
            return renderStored();
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
            mcusPerLine = (width + 8 * hmax - 1) / (8 * hmax);
            mcusPerColumn = (height + 8 * vmax - 1) / (8 * vmax);
            for (Component c : comps) {
                if (hmax % c.h != 0 || vmax % c.v != 0) throw new Unsupported("fractional sampling");
                c.sx = hmax / c.h;
                c.sy = vmax / c.v;
                int cw = (width * c.h + hmax - 1) / hmax;
                int ch = (height * c.v + vmax - 1) / vmax;
                c.blocksPerLine = (cw + 7) / 8;
                c.blocksPerColumn = (ch + 7) / 8;
                c.blocksPerLineMcu = mcusPerLine * c.h;
                c.blocksPerColumnMcu = mcusPerColumn * c.v;
                c.sampleCols = (int) (((long) width * c.h * k + 8L * hmax - 1) / (8L * hmax));
                c.sampleRows = (int) (((long) height * c.v * k + 8L * vmax - 1) / (8L * vmax));
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
                if (total > 256) throw new Unsupported("bad Huffman table");
                int[] values = new int[total];
                for (int i = 0; i < total; i++) values[i] = d[p + 17 + i] & 0xff;
                JpegHuffman h = new JpegHuffman(counts, values, tc == 1);
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
                    table[JpegEntropy.NATURAL[i]] = pq == 0 ? d[p + 1 + i] & 0xff : u16(p + 1 + 2 * i);
                }
                qt[tq] = table;
                p += 1 + (pq == 0 ? 64 : 128);
            }
        }

        /** Decodes one scan; returns the position of the marker that ends it. */
        int scan(int p) throws Unsupported {
            int n = d[p] & 0xff;
            if (n < 1 || n > comps.length) throw new Unsupported("scan component count");
            Component[] sc = new Component[n];
            JpegHuffman[] dcs = new JpegHuffman[n];
            JpegHuffman[] acs = new JpegHuffman[n];
            for (int i = 0; i < n; i++) {
                int id = d[p + 1 + i * 2] & 0xff;
                int tables = d[p + 2 + i * 2] & 0xff;
                Component c = null;
                for (Component x : comps) if (x.id == id) c = x;
                if (c == null) throw new Unsupported("scan names an unknown component");
                dcs[i] = dcTables[(tables >> 4) & 3];
                acs[i] = acTables[tables & 3];
                sc[i] = c;
            }
            int q = p + 1 + n * 2;
            int ss = d[q] & 0xff;
            int se = d[q + 1] & 0xff;
            int ah = (d[q + 2] & 0xff) >> 4;
            int al = d[q + 2] & 15;
            if (ss > se || se > 63 || al > 13) throw new Unsupported("spectral selection");
            int kind;
            if (!progressive) kind = JpegScan.SEQUENTIAL;
            else if (ss == 0) kind = ah == 0 ? JpegScan.DC_FIRST : JpegScan.DC_REFINE;
            else kind = ah == 0 ? JpegScan.AC_FIRST : JpegScan.AC_REFINE;
            if (progressive && ss == 0 && se != 0) throw new Unsupported("progressive scan mixes DC and AC");
            for (int i = 0; i < n; i++) {
                boolean needsDc = kind == JpegScan.SEQUENTIAL || kind == JpegScan.DC_FIRST;
                boolean needsAc = kind == JpegScan.SEQUENTIAL || kind >= JpegScan.AC_FIRST;
                if ((needsDc && dcs[i] == null) || (needsAc && acs[i] == null)) throw new Unsupported("missing Huffman table");
            }
            if (image != null) throw new Unsupported("a scan after the image is complete");
            if (progressive) {
                // each scan keeps its own copy of its data until all are decoded together
                holdCoefficients();
                int end = entropy.load(d, q + 3);
                progressiveScans.add(new JpegScan(sc, dcs, acs, kind, ss, se, al, restartInterval, mcusPerLine, entropy.detach()));
                return end;
            }
            int end = entropy.load(d, q + 3);
            JpegScan scan = new JpegScan(sc, dcs, acs, kind, ss, se, al, restartInterval, mcusPerLine, entropy);
            if (n == comps.length && comps[0].coefs == null) {
                image = streamSequential(scan);
            } else {
                holdCoefficients();
                for (int r = 0; r < mcusPerColumn; r++) scan.decodeRow(r);
            }
            scan.finish();
            return end;
        }

        /** Room for the coefficients of the whole image, for images coded in more than one scan. */
        void holdCoefficients() throws Unsupported {
            if (comps[0].coefs == null) {
                long need = (long) outputWidth() * outputHeight() * 4; // the TYPE_INT_RGB output
                for (Component c : comps) need += (long) c.blocksPerLineMcu * c.blocksPerColumnMcu * (64 * 2 + 1);
                if (need > heldBytes) {
                    throw new Unsupported(String.format(java.util.Locale.ROOT, "its coefficients and pixels would take %d MB of heap, more than %d MB",
                            need >> 20, heldBytes >> 20));
                }
            }
            for (Component c : comps) {
                if (c.coefs == null) {
                    c.heldBlockRows = c.blocksPerColumnMcu;
                    c.coefs = new short[c.blocksPerLineMcu * c.blocksPerColumnMcu * 64];
                    c.extent = new byte[c.blocksPerLineMcu * c.blocksPerColumnMcu];
                }
            }
        }

        // ---- pixels

        BufferedImage newImage() throws Unsupported {
            for (Component c : comps) {
                c.q = qt[c.tq];
                if (c.q == null) throw new Unsupported("missing quantisation table");
            }
            return new BufferedImage(outputWidth(), outputHeight(), BufferedImage.TYPE_INT_RGB);
        }

        int outputWidth() {
            return (width * k + 7) / 8;
        }

        int outputHeight() {
            return (height * k + 7) / 8;
        }

        /**
         * A sequential scan of every component, decoded a row of MCUs at a time straight to
         * pixels, so no coefficients of the whole image are kept. With more than one core the
         * entropy decoding (this thread) runs ahead of the inverse DCT and colour conversion (a
         * second thread) through a ring of coefficient rows; each row's pixels depend only on
         * the data, so the result does not depend on timing.
         */
        BufferedImage streamSequential(JpegScan scan) throws Unsupported {
            BufferedImage img = newImage();
            boolean pipelined = twoCores && mcusPerColumn > 2;
            int slots = pipelined ? PIPELINE_ROWS : 1;
            for (Component c : comps) {
                c.heldBlockRows = c.v * slots;
                c.coefs = new short[c.heldBlockRows * c.blocksPerLineMcu * 64];
            }
            Band band = new Band(img);
            if (!pipelined) {
                for (int r = 0; r < mcusPerColumn; r++) {
                    scan.decodeRow(r);
                    band.transformAndClear(r);
                    if (r > 0) band.convert(r - 1);
                }
                band.convert(mcusPerColumn - 1);
                return img;
            }
            RowHandoff handoff = new RowHandoff(slots);
            Future<?> pixels = HelperThreads.POOL.submit(() -> {
                boolean done = false;
                try {
                    for (int r = 0; r < mcusPerColumn; r++) {
                        handoff.awaitDecoded(r);
                        band.transformAndClear(r);
                        handoff.release(r);
                        if (r > 0) band.convert(r - 1);
                    }
                    band.convert(mcusPerColumn - 1);
                    done = true;
                } finally {
                    if (!done) handoff.abandon();
                }
                return null;
            });
            boolean decoded = false;
            try {
                for (int r = 0; r < mcusPerColumn; r++) {
                    handoff.awaitFree(r);
                    scan.decodeRow(r);
                    handoff.decoded(r);
                }
                decoded = true;
            } finally {
                if (!decoded) handoff.abandon();
                awaitQuietly(pixels);
            }
            try {
                pixels.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unsupported("interrupted");
            }
            return img;
        }

        /** The scans of a progressive image, and its pixels made as the scans complete their rows. */
        BufferedImage decodeProgressive() throws Unsupported {
            BufferedImage img = newStoredImage();
            new JpegScanSchedule(progressiveScans, mcusPerColumn, BANDS, (from, to) -> new Band(img).render(from, to))
                    .run(twoCores ? HelperThreads.POOL : null);
            return img;
        }

        /** The stored coefficients of an image sent in several sequential scans to pixels, bands of MCU rows split between the cores. */
        BufferedImage renderStored() throws Unsupported {
            BufferedImage img = newStoredImage();
            int bands = Math.min(mcusPerColumn, BANDS);
            IntStream.range(0, bands).parallel().forEach(i -> {
                new Band(img).render(i * mcusPerColumn / bands, (i + 1) * mcusPerColumn / bands);
            });
            return img;
        }

        BufferedImage newStoredImage() throws Unsupported {
            for (Component c : comps) {
                if (c.coefs == null) throw new Unsupported("a component without a scan");
            }
            return newImage();
        }

        /**
         * Turns coefficient rows into pixels: the inverse DCT of a row of MCUs into a ring of
         * three rows of samples per component (chroma upsampling needs the rows above and below),
         * then upsampling and colour conversion of the row before.
         */
        private final class Band {
            final int[] px;
            final int ow;
            final int oh;
            final boolean rgb;
            final byte[][] planes = new byte[comps.length][];
            final int[] stride = new int[comps.length];
            final int[] ringRows = new int[comps.length];
            final byte[][] upsampled = new byte[comps.length][];
            final int[] sums;
            final JpegIdct idct = new JpegIdct(k);
            // the current row of each component, set by sourceRow
            final byte[][] rowData = new byte[comps.length][];
            final int[] rowOffset = new int[comps.length];

            Band(BufferedImage img) {
                px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
                ow = img.getWidth();
                oh = img.getHeight();
                rgb = comps.length == 3 && (adobeTransform == 0
                        || (!jfif && adobeTransform < 0 && comps[0].id == 'R' && comps[1].id == 'G' && comps[2].id == 'B'));
                int widest = 0;
                for (int i = 0; i < comps.length; i++) {
                    Component c = comps[i];
                    stride[i] = c.blocksPerLineMcu * k;
                    ringRows[i] = 3 * c.v * k;
                    planes[i] = new byte[stride[i] * ringRows[i]];
                    upsampled[i] = new byte[Math.max(ow, 2 * c.sampleCols)];
                    widest = Math.max(widest, c.sampleCols);
                }
                sums = new int[widest];
            }

            void render(int from, int to) {
                if (from > 0) transform(from - 1);
                transform(from);
                for (int r = from; r < to; r++) {
                    if (r + 1 < mcusPerColumn) transform(r + 1);
                    convert(r);
                }
            }

            /** The inverse DCT of MCU row r into the sample rings. */
            void transform(int r) {
                for (int i = 0; i < comps.length; i++) {
                    Component c = comps[i];
                    byte[] plane = planes[i];
                    int rows = Math.min((r + 1) * c.v, c.blocksPerColumn);
                    for (int row = r * c.v; row < rows; row++) {
                        int o = offset(i, row * k);
                        int base = c.blockOffset(row, 0);
                        for (int col = 0; col < c.blocksPerLine; col++) {
                            idct.block(c.coefs, base + col * 64, c.q, plane, o + col * k, stride[i]);
                        }
                    }
                }
            }

            /** The inverse DCT of MCU row r, then zeroes its coefficients for the row that will reuse them. */
            void transformAndClear(int r) {
                transform(r);
                for (Component c : comps) {
                    int rowBlocks = c.v * c.blocksPerLineMcu * 64;
                    int from = c.blockOffset(r * c.v, 0);
                    Arrays.fill(c.coefs, from, from + rowBlocks, (short) 0);
                }
            }

            /** Upsampling and colour conversion of the output rows of MCU row r. */
            void convert(int r) {
                int y0 = r * vmax * k;
                int y1 = Math.min(y0 + vmax * k, oh);
                for (int y = y0; y < y1; y++) {
                    for (int i = 0; i < comps.length; i++) sourceRow(i, y);
                    if (comps.length == 1) {
                        JpegColour.grey(rowData[0], rowOffset[0], px, y * ow, ow);
                    } else if (rgb) {
                        JpegColour.rgb(rowData[0], rowOffset[0], rowData[1], rowOffset[1], rowData[2], rowOffset[2], px, y * ow, ow);
                    } else {
                        JpegColour.ycc(rowData[0], rowOffset[0], rowData[1], rowOffset[1], rowData[2], rowOffset[2], px, y * ow, ow);
                    }
                }
            }

            /** Points rowData/rowOffset at component i's samples for output row y, upsampled if need be. */
            void sourceRow(int i, int y) {
                Component c = comps[i];
                if (c.sx == 1 && c.sy == 1) {
                    rowData[i] = planes[i];
                    rowOffset[i] = offset(i, y);
                    return;
                }
                byte[] out = upsampled[i];
                rowData[i] = out;
                rowOffset[i] = 0;
                int row = y / c.sy;
                if (c.sx == 2 && c.sy <= 2) {
                    int far = row;
                    if (c.sy == 2) far = Math.max(0, Math.min((y & 1) == 0 ? row - 1 : row + 1, c.sampleRows - 1));
                    JpegColour.columnSums(planes[i], offset(i, row), offset(i, far), c.sampleCols, sums);
                    JpegColour.fancyDouble(sums, c.sampleCols, out);
                } else {
                    JpegColour.replicate(planes[i], offset(i, row), c.sx, out, ow);
                }
            }

            int offset(int i, int sampleRow) {
                return (sampleRow % ringRows[i]) * stride[i];
            }
        }
    }

    /** Rows of coefficients in flight between the entropy decoder and the pixel thread. */
    private static final int PIPELINE_ROWS = 4;
    /** Bands of MCU rows the pixels of a stored image are made in: enough for both cores to share them, few enough to keep the rows above and below each band cheap. */
    private static final int BANDS = 16;

    /** Waits for a task to end, ignoring how it ended (its result is read afterwards). */
    static void awaitQuietly(Future<?> task) {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                break;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * Hands rows of MCUs from the entropy decoder to the pixel thread through a ring of
     * {@code slots} coefficient rows: row r is decoded once the pixel thread is done with
     * row r - slots, and transformed once it is decoded.
     */
    private static final class RowHandoff {
        private final int slots;
        private int decoded; // rows decoded
        private int released; // rows whose coefficients the pixel thread no longer needs
        private boolean abandoned;

        RowHandoff(int slots) {
            this.slots = slots;
        }

        synchronized void awaitFree(int row) throws Unsupported {
            try {
                while (row - released >= slots && !abandoned) wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unsupported("interrupted");
            }
            if (abandoned) throw new Unsupported("the pixel thread failed");
        }

        synchronized void decoded(int row) {
            decoded = row + 1;
            notifyAll();
        }

        /** Waits for the row's coefficients; throws CancellationException when the decoder gave up. */
        synchronized void awaitDecoded(int row) throws InterruptedException {
            while (decoded <= row && !abandoned) wait();
            if (abandoned) throw new CancellationException("decoding failed");
        }

        synchronized void release(int row) {
            released = row + 1;
            notifyAll();
        }

        /** Either side gave up: wakes the other, which stops. */
        synchronized void abandon() {
            abandoned = true;
            notifyAll();
        }
    }
}
