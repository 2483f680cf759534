package io.masthead.card;

/**
 * One scan of a JPEG: the components it codes, with the Huffman tables and restart interval in
 * force where it begins, its entropy-coded data, and the decoding of its rows of MCUs into the
 * components' coefficients. A scan keeps its own decoding state, so scans of different
 * components can be decoded at the same time.
 */
final class JpegScan {
    // kinds of scan
    static final int SEQUENTIAL = 0;
    static final int DC_FIRST = 1;
    static final int DC_REFINE = 2;
    static final int AC_FIRST = 3;
    static final int AC_REFINE = 4;

    private final JpegDecoder.Component[] components;
    private final JpegHuffman[] dc;
    private final JpegHuffman[] ac;
    private final int[] pred;
    private final int kind;
    private final int ss;
    private final int se;
    private final int al;
    private final int restartInterval;
    private final int mcusPerLine;
    private final JpegEntropy entropy;
    private final int[] rowBase;
    private int mcusDone;

    /**
     * @param dc the DC table of each component, as the scan header names it
     * @param ac the AC table of each component
     */
    JpegScan(JpegDecoder.Component[] components, JpegHuffman[] dc, JpegHuffman[] ac, int kind, int ss, int se, int al,
             int restartInterval, int mcusPerLine, JpegEntropy entropy) {
        this.components = components;
        this.dc = dc;
        this.ac = ac;
        this.pred = new int[components.length];
        this.kind = kind;
        this.ss = ss;
        this.se = se;
        this.al = al;
        this.restartInterval = restartInterval;
        this.mcusPerLine = mcusPerLine;
        this.entropy = entropy;
        this.rowBase = new int[components.length];
    }

    /**
     * Whether the later scan must follow this one block by block: both code some component and
     * touch the same coefficients of its blocks. The DC and AC scans of a progressive image touch
     * different coefficients (and only AC scans keep the blocks' extents), so they need not wait
     * for each other.
     */
    boolean overlaps(JpegScan later) {
        boolean sameBand = kind == SEQUENTIAL || later.kind == SEQUENTIAL || dc() == later.dc();
        if (!sameBand) return false;
        for (JpegDecoder.Component a : components) {
            for (JpegDecoder.Component b : later.components) if (a == b) return true;
        }
        return false;
    }

    private boolean dc() {
        return kind == DC_FIRST || kind == DC_REFINE;
    }

    /** Decodes the blocks of row r of MCUs (of block rows, in a scan of one component). */
    void decodeRow(int r) throws JpegDecoder.Unsupported {
        if (kind == SEQUENTIAL && components.length > 1) {
            sequentialRow(r);
            return;
        }
        if (components.length == 1) {
            // a scan of one component codes just the blocks covering it, one block per MCU
            JpegDecoder.Component c = components[0];
            int rows = Math.min((r + 1) * c.v, c.blocksPerColumn);
            for (int row = r * c.v; row < rows; row++) {
                int base = c.blockOffset(row, 0);
                for (int col = 0; col < c.blocksPerLine; col++) {
                    restartIfDue();
                    block(0, base + col * 64);
                }
            }
            return;
        }
        for (int mc = 0; mc < mcusPerLine; mc++) {
            restartIfDue();
            for (int i = 0; i < components.length; i++) {
                JpegDecoder.Component c = components[i];
                int base = c.blockOffset(r * c.v, mc * c.h);
                int rowStep = c.blocksPerLineMcu * 64; // the MCU's rows of blocks are adjacent in the ring
                for (int v = 0; v < c.v; v++) {
                    for (int h = 0; h < c.h; h++) block(i, base + v * rowStep + h * 64);
                }
            }
        }
    }

    /**
     * A row of MCUs of a baseline scan of every component: the hot loop of a baseline decode,
     * with each component's row found once rather than per MCU (a division each) and no
     * dispatch per block.
     */
    private void sequentialRow(int r) throws JpegDecoder.Unsupported {
        int n = components.length;
        for (int i = 0; i < n; i++) rowBase[i] = components[i].blockOffset(r * components[i].v, 0);
        for (int mc = 0; mc < mcusPerLine; mc++) {
            restartIfDue();
            for (int i = 0; i < n; i++) {
                JpegDecoder.Component c = components[i];
                short[] coefs = c.coefs;
                int rowStep = c.blocksPerLineMcu * 64; // the MCU's rows of blocks are adjacent in the ring
                int base = rowBase[i] + mc * c.h * 64;
                int p = pred[i];
                for (int v = 0; v < c.v; v++) {
                    for (int h = 0; h < c.h; h++) p = entropy.sequential(coefs, base + v * rowStep + h * 64, dc[i], ac[i], p);
                }
                pred[i] = p;
            }
        }
    }

    /** The scan is over: checks it read no further than its data. */
    void finish() throws JpegDecoder.Unsupported {
        entropy.finish();
    }

    private void restartIfDue() throws JpegDecoder.Unsupported {
        if (restartInterval > 0 && mcusDone > 0 && mcusDone % restartInterval == 0) {
            entropy.restart();
            java.util.Arrays.fill(pred, 0);
        }
        mcusDone++;
    }

    private void block(int i, int off) throws JpegDecoder.Unsupported {
        JpegDecoder.Component c = components[i];
        switch (kind) {
            case SEQUENTIAL -> pred[i] = entropy.sequential(c.coefs, off, dc[i], ac[i], pred[i]);
            case DC_FIRST -> pred[i] = entropy.dcFirst(c.coefs, off, dc[i], pred[i], al);
            case DC_REFINE -> entropy.dcRefine(c.coefs, off, al);
            case AC_FIRST -> entropy.acFirst(c.coefs, off, c.extent, ac[i], ss, se, al);
            default -> entropy.acRefine(c.coefs, off, c.extent, ac[i], ss, se, al);
        }
    }
}
