package io.masthead.card;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.stream.IntStream;

/**
 * An sRGB photo held as 3 bytes a pixel, rows back to back: TYPE_3BYTE_BGR, or the same bytes in
 * R, G, B order. The JDK's JPEG reader decodes each row in R, G, B order and its writer encodes
 * from it, so either copies rows of such an image as they are, where 3-byte BGR makes them move
 * every pixel's bytes (reading an 18 MP photo: about 75 against 97 ms).
 */
final class SrgbBytes {
    private static final ColorModel RGB_ORDER = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

    private SrgbBytes() {
    }

    /** A black image of R, G, B bytes. */
    static BufferedImage rgb(int w, int h) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 3 * w, 3, new int[]{0, 1, 2}, null);
        return new BufferedImage(RGB_ORDER, raster, false, null);
    }

    /**
     * Where red is among each pixel's 3 bytes: 2 in TYPE_3BYTE_BGR, 0 in R, G, B order; -1 when
     * the image is something else, or a view into a larger one.
     */
    static int red(BufferedImage image) {
        if (!(image.getColorModel() instanceof ComponentColorModel cm) || cm.hasAlpha() || !cm.getColorSpace().isCS_sRGB()) return -1;
        Raster raster = image.getRaster();
        if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm) || !(raster.getDataBuffer() instanceof DataBufferByte bytes)) {
            return -1;
        }
        int w = image.getWidth();
        if (sm.getNumBands() != 3 || sm.getPixelStride() != 3 || sm.getScanlineStride() != 3 * w
                || bytes.getOffset() != 0 || bytes.getData().length != 3 * w * image.getHeight()) {
            return -1;
        }
        int[] offsets = sm.getBandOffsets();
        if (offsets[0] == 0 && offsets[1] == 1 && offsets[2] == 2) return 0;
        if (offsets[0] == 2 && offsets[1] == 1 && offsets[2] == 0) return 2;
        return -1;
    }

    /** A rectangle of an image whose {@link #red} is 0 or 2, as TYPE_INT_RGB; rows are shared among the cores. */
    static BufferedImage toIntRgb(BufferedImage image, int x, int y, int w, int h) {
        int red = red(image);
        if (red < 0) throw new IllegalArgumentException("not 3-byte sRGB");
        int blue = 2 - red;
        byte[] s = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int sw = image.getWidth();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] d = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        IntStream.range(0, h).parallel().forEach(row -> {
            for (int i = row * w, end = i + w, j = 3 * ((y + row) * sw + x); i < end; i++, j += 3) {
                d[i] = ((s[j + red] & 0xff) << 16) | ((s[j + 1] & 0xff) << 8) | (s[j + blue] & 0xff);
            }
        });
        return out;
    }
}
