package io.masthead.card;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Encodes generated test photos. */
final class Samples {
    private Samples() {
    }

    static byte[] png(BufferedImage img) {
        return write(img, "png");
    }

    static byte[] jpeg(BufferedImage img) {
        return write(img, "jpeg");
    }

    private static byte[] write(BufferedImage img, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
