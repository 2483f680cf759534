package io.masthead.local.load;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The articles a load run uploads: each with its own photo object, spread over a few sections. */
final class LoadArticles {
    static final String SITE_URL = "https://news.example.com";
    static final List<String> SECTIONS = List.of("World", "Business", "Tech", "Sport");
    private static final int DISTINCT_PHOTOS = 12;

    record Upload(String slug, String section, String articleKey, byte[] article, String photoKey, byte[] photo) {
    }

    private LoadArticles() {
    }

    static List<Upload> make(int n) {
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < DISTINCT_PHOTOS; i++) photos.add(photo(1600 + 40 * i, 1000 + 30 * i, i));
        List<Upload> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String slug = String.format("load-%04d", i);
            String section = SECTIONS.get(i % SECTIONS.size());
            String photoKey = "photos/" + slug + ".jpg";
            String json = "{\"headline\": \"Story " + i + ": markets, weather and a long headline that wraps over two lines\","
                    + " \"section\": \"" + section + "\", \"published\": \"2024-03-01T" + String.format("%02d:%02d", 6 + i / 60 % 12, i % 60) + ":00Z\","
                    + " \"bodyHtml\": \"<p>Body of story " + i + ".</p>\","
                    + " \"photo\": {\"key\": \"" + photoKey + "\", \"credit\": \"Agency " + i % 7 + "\", \"caption\": \"Photo " + i + "\"}}";
            out.add(new Upload(slug, section, "articles/" + slug + ".json", json.getBytes(StandardCharsets.UTF_8), photoKey,
                    photos.get(i % DISTINCT_PHOTOS)));
        }
        return out;
    }

    static byte[] photo(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xffffff)), w, h, new Color(r.nextInt(0xffffff))));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillOval(r.nextInt(w), r.nextInt(h), 40 + r.nextInt(300), 40 + r.nextInt(300));
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
