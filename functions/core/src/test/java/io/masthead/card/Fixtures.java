package io.masthead.card;

import io.masthead.article.Article;
import io.masthead.article.Focus;
import io.masthead.article.Photo;
import io.masthead.article.Status;
import io.masthead.site.Site;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/** Articles, sites and photos for the card tests. */
final class Fixtures {
    static final Site SITE = new Site("The Daily Masthead", "https://news.example.com", "https://cdn.example.com",
            50, "#1a1a2e", "", "");
    static final String HEADLINE = "Iraq prepares to close down US-led coalition\u2019s mission - PM statement";

    private Fixtures() {
    }

    static Article article(String headline, String section, String language, String credit, Focus focus) {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-29T08:00:00Z");
        Photo photo = credit == null ? null : new Photo("photos/p.jpg", "caption", "alt", credit, focus);
        return new Article("test-article", headline, "https://news.example.com/test-article", "", section,
                List.of(), t, t, language, List.of(), "", photo, Status.PUBLISHED);
    }

    static Article article(String headline) {
        return article(headline, "World", "en", "REUTERS/Ahmed Saad", null);
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/card/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] jpeg) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
            if (img == null) throw new AssertionError("output is not a readable image");
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mean WCAG luminance of a region. */
    static double meanLuminance(BufferedImage img, int x0, int y0, int w, int h) {
        double sum = 0;
        for (int y = y0; y < y0 + h; y++) for (int x = x0; x < x0 + w; x++) sum += Contrast.luminance(img.getRGB(x, y) & 0xffffff);
        return sum / (w * h);
    }
}
