package io.masthead.page;

import io.masthead.article.Article;
import io.masthead.article.Author;
import io.masthead.article.Focus;
import io.masthead.article.Photo;
import io.masthead.article.Status;
import io.masthead.card.Card;
import io.masthead.card.CardSet;
import io.masthead.card.Preset;
import io.masthead.card.RenderReport;
import io.masthead.site.Site;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Articles, sites and real JPEG card sets for the share page tests. */
final class Fixtures {
    static final Site SITE = new Site("The Daily Example", "https://news.example.com", "https://news.example.com/static",
            50, "#C0392B", "@dailyexample", "https://news.example.com/logo.png");

    static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2026-03-14T09:30:00+01:00");
    static final OffsetDateTime UPDATED = OffsetDateTime.parse("2026-03-14T11:05:42.123+01:00");

    private static final Map<String, byte[]> JPEGS = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    static Article article() {
        return article("Storm closes the harbour as ferries wait out the gale",
                "Harbour authorities halted all sailings on Friday as winds reached 110 km/h.", "en");
    }

    static Article article(String headline, String summary, String language) {
        return new Article("storm-harbour", headline, "https://news.example.com/world/storm-harbour", summary, "World",
                List.of(new Author("Ana Lima", "https://news.example.com/authors/ana-lima"), new Author("Omar Haddad", null)),
                PUBLISHED, UPDATED, language, List.of("weather", "shipping"), body(460),
                new Photo("photos/harbour.jpg", "Ferries moored in the harbour", "Three ferries tied up at an empty quay",
                        "REUTERS/Ana Lima", new Focus(0.5, 0.4)),
                Status.PUBLISHED);
    }

    static Article withPhoto(Article a, Photo photo) {
        return new Article(a.slug(), a.headline(), a.url(), a.summary(), a.section(), a.authors(), a.published(),
                a.updated(), a.language(), a.tags(), a.bodyHtml(), photo, a.status());
    }

    static Article with(Article a, List<Author> authors, List<String> tags, String bodyHtml) {
        return new Article(a.slug(), a.headline(), a.url(), a.summary(), a.section(), authors, a.published(),
                a.updated(), a.language(), tags, bodyHtml, a.photo(), a.status());
    }

    static Article withUrl(Article a, String url) {
        return new Article(a.slug(), a.headline(), url, a.summary(), a.section(), a.authors(), a.published(),
                a.updated(), a.language(), a.tags(), a.bodyHtml(), a.photo(), a.status());
    }

    /** {@code words} words of body in paragraphs. */
    static String body(int words) {
        StringBuilder out = new StringBuilder("<p>");
        for (int i = 0; i < words; i++) {
            out.append(i % 40 == 39 ? "word</p><p>" : "word ");
        }
        return out.append("</p>").toString();
    }

    /** Every default preset, encoded at its size. */
    static CardSet allCards() {
        return cards(Preset.DEFAULTS);
    }

    static CardSet cards(List<Preset> presets) {
        List<Card> cards = new ArrayList<>();
        for (Preset p : presets) cards.add(card(p, jpeg(p.width(), p.height())));
        return new CardSet(cards, report());
    }

    static RenderReport report() {
        return new RenderReport(4000, 3000, List.of(), List.of("focus used"), 42);
    }

    static Card card(Preset preset, byte[] jpeg) {
        return new Card(preset, jpeg, sha(jpeg));
    }

    static Preset preset(String name) {
        return Preset.DEFAULTS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** A real JPEG of the given size: a gradient with a few shapes, quality 0.85. Cached by size. */
    static byte[] jpeg(int width, int height) {
        return JPEGS.computeIfAbsent(width + "x" + height, k -> encode(width, height)).clone();
    }

    private static byte[] encode(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 110), width, height, new Color(230, 180, 90)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 3, height / 3);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The same JPEG grown to at least {@code size} bytes with comment (COM) segments after the
     * start marker: still a valid JPEG that decodes to the same pixels, as a heavy file would be.
     */
    static byte[] padded(byte[] jpeg, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + jpeg.length);
        out.write(jpeg, 0, 2); // SOI
        int remaining = size - jpeg.length;
        byte[] filler = new byte[65533];
        java.util.Arrays.fill(filler, (byte) 'x');
        while (remaining > 0) {
            int n = Math.min(filler.length, Math.max(1, remaining - 4));
            out.write(0xFF);
            out.write(0xFE);
            out.write((n + 2) >> 8);
            out.write((n + 2) & 0xFF);
            out.write(filler, 0, n);
            remaining -= n + 4;
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
