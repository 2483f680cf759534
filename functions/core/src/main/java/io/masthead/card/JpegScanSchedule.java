package io.masthead.card;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Decodes the scans of a progressive JPEG on two cores. Scans are taken in file order; a scan
 * decodes a row of MCUs once every earlier scan that touches the same coefficients
 * ({@link JpegScan#overlaps}) has decoded that row, so each coefficient receives the same data
 * in the same order as in one pass through the file and the result does not depend on timing.
 * Scans of different components (luma and chroma) run side by side, and successive scans of one
 * component follow each other down the image. A thread with no scan left to take turns bands of
 * rows into pixels as soon as every scan has decoded them, so the last scans and the inverse DCT
 * overlap instead of the second core idling.
 */
final class JpegScanSchedule {
    private final List<JpegScan> scans;
    private final int rows;
    private final int bands;
    private final Rows pixels;
    /** For each scan, the earlier scans it must follow. */
    private final int[][] follows;
    /** For each scan, the rows of MCUs it has decoded; guarded by this. */
    private final int[] rowsDone;
    private int next; // guarded by this
    private int nextBand; // guarded by this
    private boolean failed; // guarded by this

    /** Turns rows of MCUs [from, to) into pixels; reads the coefficient rows from - 1 to {@code to}. */
    interface Rows {
        void render(int from, int to) throws JpegDecoder.Unsupported;
    }

    /**
     * @param rows   rows of MCUs in the image
     * @param bands  how many bands of rows the pixels are made in
     * @param pixels what makes the pixels of a band
     */
    JpegScanSchedule(List<JpegScan> scans, int rows, int bands, Rows pixels) {
        this.scans = List.copyOf(scans);
        this.rows = rows;
        this.bands = Math.max(1, Math.min(rows, bands));
        this.pixels = pixels;
        this.rowsDone = new int[scans.size()];
        this.follows = new int[scans.size()][];
        for (int j = 0; j < scans.size(); j++) {
            JpegScan scan = scans.get(j);
            follows[j] = IntStream.range(0, j).filter(i -> scans.get(i).overlaps(scan)).toArray();
        }
    }

    /** Decodes every scan and makes the pixels, with the help of one thread from the pool, or alone when the pool is null. */
    void run(ExecutorService pool) throws JpegDecoder.Unsupported {
        if (pool == null) {
            work();
            return;
        }
        Future<?> helper = pool.submit(() -> {
            work();
            return null;
        });
        try {
            work();
        } catch (JpegDecoder.Unsupported | RuntimeException e) {
            JpegDecoder.awaitQuietly(helper);
            throw e;
        }
        try {
            helper.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JpegDecoder.Unsupported u) throw u;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JpegDecoder.Unsupported("interrupted");
        }
    }

    /**
     * Takes the next scan not yet taken and decodes it, until none is left; then the next band of
     * pixels, until none is left; or stops when another thread failed.
     */
    private void work() throws JpegDecoder.Unsupported {
        try {
            for (int j = take(); j >= 0; j = take()) {
                JpegScan scan = scans.get(j);
                for (int r = 0; r < rows; r++) {
                    awaitRow(j, r);
                    scan.decodeRow(r);
                    rowDone(j, r);
                }
                scan.finish();
            }
            for (int b = takeBand(); b >= 0; b = takeBand()) {
                int from = b * rows / bands;
                int to = (b + 1) * rows / bands;
                awaitAllScans(Math.min(to + 1, rows));
                pixels.render(from, to);
            }
        } catch (JpegDecoder.Unsupported | RuntimeException e) {
            fail();
            throw e;
        }
    }

    private synchronized int take() {
        return failed || next >= scans.size() ? -1 : next++;
    }

    private synchronized int takeBand() {
        return failed || nextBand >= bands ? -1 : nextBand++;
    }

    /** Waits until every scan has decoded the first {@code n} rows. */
    private synchronized void awaitAllScans(int n) throws JpegDecoder.Unsupported {
        try {
            while (!failed && !allDone(n)) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JpegDecoder.Unsupported("interrupted");
        }
        if (failed) throw new JpegDecoder.Unsupported("another scan of the image failed");
    }

    private boolean allDone(int n) {
        for (int done : rowsDone) if (done < n) return false;
        return true;
    }

    private synchronized void awaitRow(int scan, int row) throws JpegDecoder.Unsupported {
        try {
            while (!failed && !ready(scan, row)) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JpegDecoder.Unsupported("interrupted");
        }
        if (failed) throw new JpegDecoder.Unsupported("another scan of the image failed");
    }

    private boolean ready(int scan, int row) {
        for (int earlier : follows[scan]) if (rowsDone[earlier] <= row) return false;
        return true;
    }

    private synchronized void rowDone(int scan, int row) {
        rowsDone[scan] = row + 1;
        notifyAll();
    }

    private synchronized void fail() {
        failed = true;
        notifyAll();
    }
}
