package io.masthead.card;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WebpSizesTest {

    @Test
    void aStillImageMustHaveItsCanvasSize() {
        assertNull(WebpSizes.problem(extended(0, 130, 47, lossless(130, 47))));
        assertEquals("the webp data is corrupt: its canvas is 130x356655 but its image is 130x47",
                WebpSizes.problem(extended(0, 130, 356_655, lossless(130, 47))));
        assertEquals("the webp data is corrupt: its canvas is 16384x47 but its image is 130x47",
                WebpSizes.problem(extended(0, 16_384, 47, lossless(130, 47))));
        assertNull(WebpSizes.problem(extended(0x02, 130, 356_655, lossless(130, 47))), "an animation's frames may be smaller than its canvas");
        assertNull(WebpSizes.problem(riff(lossless(130, 47))), "a simple file has no canvas");
    }

    @Test
    void theImageIsFoundAfterTheChunksBeforeIt() {
        byte[] alpha = chunk("ALPH", new byte[7]); // odd size: padded to even
        byte[] icc = chunk("ICCP", new byte[12]);
        assertNull(WebpSizes.problem(extended(0x30, 64, 48, concat(icc, alpha, lossless(64, 48)))));
        assertEquals("the webp data is corrupt: its canvas is 64x4800 but its image is 64x48",
                WebpSizes.problem(extended(0x30, 64, 4800, concat(icc, alpha, lossless(64, 48)))));
    }

    /** A file cut short, as an interrupted transfer leaves it, is named as such at every length. */
    @Test
    void aTruncatedFileIsNamed() {
        byte[] whole = extended(0, 64, 48, concat(chunk("ICCP", new byte[12]), lossless(64, 48)));
        assertNull(WebpSizes.problem(whole));
        for (int cut = 12; cut < whole.length; cut++) {
            String problem = WebpSizes.problem(Arrays.copyOf(whole, cut));
            assertEquals("the webp file is truncated: its header declares " + whole.length + " bytes, the file has " + cut, problem);
        }
        // the RIFF header patched to the cut length: the chunk that no longer fits is named
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);
        System.arraycopy(le32(cut.length - 8), 0, cut, 4, 4);
        assertEquals("the webp file is truncated: its VP8L chunk declares 8 bytes, only 5 follow", WebpSizes.problem(cut));
    }

    /** What it cannot judge is left to the reader, which names the problem: never an exception here. */
    @Test
    void leavesToTheReaderWhatItCannotJudge() {
        byte[] lossless = lossless(130, 47);
        byte[] whole = extended(0, 130, 356_655, lossless);
        for (int cut = 0; cut < 12; cut++) assertNull(WebpSizes.problem(Arrays.copyOf(whole, cut)), "too short to be a RIFF file");
        byte[] badSignature = whole.clone();
        badSignature[38] = 0x2e;
        assertNull(WebpSizes.problem(badSignature), "not a VP8L header: the reader names it");
        byte[] notWebp = whole.clone();
        notWebp[8] = 'A';
        assertNull(WebpSizes.problem(notWebp));
        byte[] huge = whole.clone();
        for (int i = 4; i < 8; i++) huge[i] = (byte) 0xff; // a RIFF size of 4 GB
        assertEquals("the webp file is truncated: its header declares 4294967303 bytes, the file has " + whole.length, WebpSizes.problem(huge));
    }

    /** A VP8L chunk's header: signature 0x2f, then width - 1 and height - 1 in 14 bits each. */
    private static byte[] lossless(int w, int h) {
        long bits = (w - 1) | (long) (h - 1) << 14;
        byte[] header = {0x2f, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0};
        return chunk("VP8L", header);
    }

    private static byte[] extended(int flags, int canvasW, int canvasH, byte[] chunks) {
        int w = canvasW - 1;
        int h = canvasH - 1;
        byte[] vp8x = {(byte) flags, 0, 0, 0, (byte) w, (byte) (w >> 8), (byte) (w >> 16), (byte) h, (byte) (h >> 8), (byte) (h >> 16)};
        return riff(concat(chunk("VP8X", vp8x), chunks));
    }

    private static byte[] riff(byte[] chunks) {
        return concat("RIFF".getBytes(), le32(4 + chunks.length), "WEBP".getBytes(), chunks);
    }

    private static byte[] chunk(String fourCc, byte[] data) {
        return concat(fourCc.getBytes(), le32(data.length), data, new byte[data.length & 1]);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
