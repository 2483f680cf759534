package io.masthead.page;

import io.masthead.card.Card;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * One card as the page points to it. Width, height and type are read from the encoded bytes
 * (the image header, not a full decode), so tags and lint describe the file crawlers will fetch,
 * not what the preset promised.
 *
 * @param preset   the card's preset name, e.g. {@code og}
 * @param url      absolute public URL
 * @param width    pixels, 0 when the bytes are not a readable image
 * @param height   pixels, 0 when the bytes are not a readable image
 * @param type     MIME type read from the bytes, e.g. {@code image/jpeg}; empty when unreadable
 * @param bytes    file size
 * @param alt      alternative text, may be empty
 */
public record ImageVariant(String preset, String url, int width, int height, String type, long bytes, String alt) {

    static ImageVariant of(Card card, String url, String alt) {
        Header header = Header.read(card.jpeg());
        return new ImageVariant(card.preset().name(), url, header.width, header.height, header.type,
                card.bytes(), alt);
    }

    public boolean readable() {
        return width > 0 && height > 0 && !type.isEmpty();
    }

    private record Header(int width, int height, String type) {
        static final Header UNREADABLE = new Header(0, 0, "");

        static Header read(byte[] bytes) {
            if (bytes == null || bytes.length == 0) return UNREADABLE;
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) return UNREADABLE;
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    String[] types = reader.getOriginatingProvider().getMIMETypes();
                    String type = types == null || types.length == 0 ? "" : types[0];
                    return new Header(reader.getWidth(0), reader.getHeight(0), type);
                } finally {
                    reader.dispose();
                }
            } catch (IOException | RuntimeException e) {
                // A truncated or foreign file: the lint reports it; the page still renders.
                return UNREADABLE;
            }
        }
    }
}
