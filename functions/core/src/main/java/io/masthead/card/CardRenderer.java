package io.masthead.card;

import io.masthead.article.Article;
import io.masthead.article.ArticleException;
import io.masthead.article.Photo;
import io.masthead.site.Site;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Renders an article's cards: decodes the photo once, crops it per preset, sets the headline,
 * kicker, credit and site name, and encodes each preset as JPEG. Thread-safe; build one per
 * container (fonts are loaded once).
 */
public final class CardRenderer {
    /** Photos above this many pixels are refused before decoding (decompression bombs). */
    public static final long DEFAULT_PIXEL_LIMIT = 100_000_000L;
    /** WhatsApp shows link previews only up to about this size. */
    public static final int OG_MAX_BYTES = 300 * 1024;

    private static final System.Logger LOG = System.getLogger(CardRenderer.class.getName());
    private static final Pattern PHOTO_PREFIX = Pattern.compile("(?i)^\\s*(photo|photograph|foto|image)\\s*[:/-]");
    private static final int TEXT_ON_PHOTO = 0xFFFFFF;
    private static final int CREDIT_ON_PHOTO = 0xE2E2E2;
    /** The attention map is computed on a copy of the photo about this many pixels across. */
    private static final int ATTENTION_SIZE = 400;

    private final Site site;
    private final List<Preset> presets;
    private final FontChain fonts;
    private final PhotoDecoder decoder;

    public CardRenderer(Site site, List<Preset> presets) {
        this(site, presets, FontChain.bundled(), DEFAULT_PIXEL_LIMIT);
    }

    /**
     * @param fonts      the font chain (e.g. {@code FontChain.bundled().withFolder(dir)})
     * @param pixelLimit photos with more pixels are refused before decoding
     */
    public CardRenderer(Site site, List<Preset> presets, FontChain fonts, long pixelLimit) {
        if (presets.isEmpty()) throw new IllegalArgumentException("at least one preset is needed");
        this.site = site;
        this.presets = List.copyOf(presets);
        this.fonts = fonts;
        this.decoder = new PhotoDecoder(pixelLimit);
    }

    /**
     * A renderer configured from the environment: {@code FONTS_DIR} (a folder of extra fonts
     * that extend the bundled chain) and {@code MAX_PHOTO_MEGAPIXELS} (default 100).
     */
    public static CardRenderer fromEnv(Site site, List<Preset> presets, Map<String, String> env) {
        FontChain chain = FontChain.bundled();
        String dir = env.getOrDefault("FONTS_DIR", "");
        if (!dir.isBlank()) chain = chain.withFolder(Path.of(dir.trim()));
        String mp = env.getOrDefault("MAX_PHOTO_MEGAPIXELS", "");
        long limit = mp.isBlank() ? DEFAULT_PIXEL_LIMIT : (long) (Double.parseDouble(mp.trim()) * 1_000_000L);
        return new CardRenderer(site, presets, chain, limit);
    }

    public List<Preset> presets() {
        return presets;
    }

    /**
     * @param article    the article
     * @param photoBytes the photo's bytes as stored, or null for a text card
     * @throws ArticleException when the photo cannot be used (not an image, too many pixels, truncated)
     */
    public CardSet render(Article article, byte[] photoBytes) {
        long start = System.nanoTime();
        Locale locale = Locale.forLanguageTag(article.language() == null ? "en" : article.language());
        Color siteColor = Color.decode(site.color());
        CardText.Words words = words(article, locale, photoBytes != null);
        List<String> notes = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        int counted = 0;
        int covered = 0;
        for (Coverage c : List.of(words.kicker(), words.headline(), words.credit(), words.site())) {
            missing.addAll(c.missing());
            counted += c.counted();
            covered += c.covered();
        }
        if (!missing.isEmpty()) {
            String note = "left out characters no font covers: " + String.join(" ", missing.stream().map(CardRenderer::describe).toList());
            notes.add(note);
            LOG.log(System.Logger.Level.WARNING, article.slug() + ": " + note);
        }

        // the text does not depend on the photo: it is set on another core while a one-core decode
        // runs, or, after a decode that kept both cores busy, while the pyramid and crops are made
        CompletableFuture<Map<Preset, CardText>> texts = photoBytes == null
                ? CompletableFuture.completedFuture(Map.of())
                : decoder.decodesOnBothCores(photoBytes, this::coverScale) ? null : setTexts(words);
        PhotoDecoder.Decoded photo = null;
        long decodeMillis = 0;
        if (photoBytes != null) {
            long t = System.nanoTime();
            photo = decoder.decode(article.slug(), photoBytes, this::coverScale, siteColor);
            decodeMillis = (System.nanoTime() - t) / 1_000_000;
        }
        if (texts == null) texts = setTexts(words);

        Pyramid pyramid = photo == null ? null : new Pyramid(photo.image());
        AttentionMap attention = null;
        if (pyramid != null && (article.photo() == null || article.photo().focus() == null)) {
            BufferedImage small = pyramid.atMost(ATTENTION_SIZE);
            attention = AttentionMap.of(small, (double) small.getWidth() / pyramid.width());
        }
        Map<Preset, CardText> set = join(texts);
        List<Plan> plans = new ArrayList<>();
        for (Preset preset : presets) plans.add(plan(preset, set.get(preset), pyramid, article.photo(), attention));
        if (pyramid != null) {
            int deepest = 0;
            for (Plan p : plans) deepest = Math.max(deepest, Pyramid.levelFor(p.crop.width(), p.crop.height(), p.preset.width(), p.preset.height()));
            pyramid.prepare(deepest);
        }
        final PhotoDecoder.Decoded decoded = photo;
        Color colour = siteColor;
        // presets are independent once the photo is decoded: use both cores
        List<Finished> finished = plans.parallelStream()
                .map(p -> {
                    long t = System.nanoTime();
                    return finish(p, decoded == null ? textCard(p.preset, words, colour) : photoCard(p, decoded, pyramid), t);
                })
                .toList();
        List<Card> cards = new ArrayList<>();
        List<RenderReport.PresetReport> reports = new ArrayList<>();
        double worst = 21;
        for (Finished f : finished) {
            cards.add(f.card);
            reports.add(f.report);
            notes.addAll(f.notes);
            worst = Math.min(worst, f.report.worstContrast());
        }
        RenderReport report = new RenderReport(
                photo == null ? 0 : photo.width(), photo == null ? 0 : photo.height(),
                List.copyOf(missing), notes, (System.nanoTime() - start) / 1_000_000,
                photo == null ? "" : photo.format(), photo == null ? 1 : photo.subsampling(),
                photo == null ? 1 : photo.orientation(), decodeMillis,
                counted == 0 ? 1.0 : (double) covered / counted, round2(worst), fonts.names(), reports);
        return new CardSet(cards, report);
    }

    private CardText.Words words(Article article, Locale locale, boolean hasPhoto) {
        String section = article.section().isBlank() ? "" : article.section().trim().toUpperCase(locale);
        Photo p = article.photo();
        String credit = hasPhoto && p != null && !p.credit().isBlank() ? creditLine(p.credit()) : "";
        return new CardText.Words(
                fonts.cover(section, true),
                fonts.cover(article.headline().strip(), true),
                fonts.cover(credit, false),
                fonts.cover(site.name(), true),
                locale);
    }

    /** {@code Photo: {credit}}, without doubling a "Photo:" the credit already has. */
    static String creditLine(String credit) {
        String c = credit.strip();
        return PHOTO_PREFIX.matcher(c).find() ? c : "Photo: " + c;
    }

    /** The largest scale at which an upright photo of this size covers some preset. */
    private double coverScale(int w, int h) {
        double scale = 0;
        for (Preset p : presets) scale = Math.max(scale, Math.max((double) p.width() / w, (double) p.height() / h));
        return scale;
    }

    private Rendered textCard(Preset preset, CardText.Words words, Color siteColor) {
        int bg = siteColor.getRGB() & 0xffffff;
        double lb = Contrast.luminance(bg);
        int ink = Contrast.ratio(1.0, lb) >= Contrast.ratio(Contrast.luminance(0x111111), lb) ? 0xFFFFFF : 0x111111;
        CardText text = CardText.set(preset.width(), preset.height(), words, true, ink, ink);
        BufferedImage img = CardPainter.plain(preset.width(), preset.height(), siteColor);
        double contrast = CardPainter.worstContrast(img, text);
        CardPainter.drawText(img, text);
        return new Rendered(img, new Draft(preset, "none", new Crop(0, 0, 0, 0, "none"), "text-card", 0, 0, contrast, text), List.of());
    }

    /** What a preset shows, decided before any pixel work: the text and the crop. */
    private record Plan(Preset preset, CardText text, Crop crop) {
    }

    private CompletableFuture<Map<Preset, CardText>> setTexts(CardText.Words words) {
        return CompletableFuture.supplyAsync(() -> textsOnPhoto(words), HelperThreads.POOL);
    }

    /** Each text-bearing preset's text, set for a photo card. */
    private Map<Preset, CardText> textsOnPhoto(CardText.Words words) {
        Map<Preset, CardText> texts = new HashMap<>();
        for (Preset p : presets) {
            if (p.text()) texts.put(p, CardText.set(p.width(), p.height(), words, false, TEXT_ON_PHOTO, CREDIT_ON_PHOTO));
        }
        return texts;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** @param text the preset's text, or null for a crop-only preset */
    private Plan plan(Preset preset, CardText text, Pyramid pyramid, Photo meta, AttentionMap attention) {
        if (pyramid == null) return new Plan(preset, null, new Crop(0, 0, 0, 0, "none"));
        int w = preset.width();
        int h = preset.height();
        Crop crop = meta != null && meta.focus() != null
                ? Crop.focus(pyramid.width(), pyramid.height(), w, h, meta.focus())
                : attention.best(pyramid.width(), pyramid.height(), w, h, text == null ? 1.0 : (double) text.blockTop() / h);
        return new Plan(preset, text, crop);
    }

    private Rendered photoCard(Plan plan, PhotoDecoder.Decoded photo, Pyramid pyramid) {
        Preset preset = plan.preset;
        int w = preset.width();
        int h = preset.height();
        CardText text = plan.text;
        Crop crop = plan.crop;
        double upscale = crop.upscale(w);
        List<String> notes = new ArrayList<>();
        BufferedImage img;
        String fill;
        if (upscale > CardPainter.MAX_UPSCALE) {
            int margin = Math.round(w * 0.05f);
            Rectangle area = new Rectangle(margin, margin, w - 2 * margin, h - 2 * margin);
            if (text != null && text.blockTop() - margin >= h * 0.45) {
                area = new Rectangle(margin, margin, w - 2 * margin, text.blockTop() - margin);
            }
            Rectangle[] placed = new Rectangle[1];
            img = CardPainter.blurredFill(pyramid.base(), crop, w, h, area, placed);
            upscale = (double) placed[0].width / pyramid.width();
            fill = "blurred-fill";
            notes.add(String.format(Locale.ROOT, "%s: the photo (%dx%d) is too small to fill %dx%d; shown at %.2fx on a blurred fill",
                    preset.name(), photo.width(), photo.height(), w, h, upscale * photo.subsampling()));
        } else {
            img = pyramid.scaled(crop, w, h);
            fill = "cover";
            if (upscale > 1.0) {
                notes.add(String.format(Locale.ROOT, "%s: photo enlarged %.2fx", preset.name(), upscale));
            }
        }
        double scrim = 0;
        double contrast = 21;
        if (text != null) {
            scrim = CardPainter.scrimFor(img, text);
            CardPainter.scrim(img, text.blockTop(), Math.min(text.blockTop(), Math.round(h * 0.22f)), scrim);
            contrast = CardPainter.worstContrast(img, text);
            CardPainter.drawText(img, text);
        }
        int s = photo.subsampling();
        Crop inPhoto = new Crop(crop.x() * s, crop.y() * s, crop.width() * s, crop.height() * s, crop.method());
        return new Rendered(img, new Draft(preset, crop.method(), inPhoto, fill, upscale * s, scrim, contrast, text), notes);
    }

    private record Finished(Card card, RenderReport.PresetReport report, List<String> notes) {
    }

    private Finished finish(Plan plan, Rendered r, long started) {
        byte[] jpeg = encode(plan.preset, r.image, r.report);
        Card card = new Card(plan.preset, jpeg, hash(jpeg));
        List<String> notes = new ArrayList<>(r.notes);
        if (r.report.headlineCut) notes.add(plan.preset.name() + ": headline cut to fit");
        if (plan.preset.name().equals(Preset.OG.name()) && jpeg.length > OG_MAX_BYTES) {
            notes.add("og: " + jpeg.length + " bytes even at quality " + r.report.quality + ", above the 300 KB WhatsApp shows");
        }
        return new Finished(card, r.report.finish(jpeg.length, (System.nanoTime() - started) / 1_000_000), notes);
    }

    private static byte[] encode(Preset preset, BufferedImage img, Draft draft) {
        int quality = quality(preset);
        byte[] jpeg = JpegEncoder.encode(img, quality);
        // og must stay small enough for WhatsApp's preview
        while (preset.name().equals(Preset.OG.name()) && jpeg.length > OG_MAX_BYTES && quality > 30) {
            quality -= 5;
            jpeg = JpegEncoder.encode(img, quality);
        }
        draft.quality = quality;
        return jpeg;
    }

    /** Text cards carry fine lettering; crop-only images are for search engines and can be richer. */
    static int quality(Preset preset) {
        if (!preset.text()) return 86;
        return preset.height() > preset.width() ? 80 : 84;
    }

    static String hash(byte[] jpeg) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String describe(String ch) {
        return ch + " (U+" + Integer.toHexString(ch.codePointAt(0)).toUpperCase(Locale.ROOT) + ")";
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private record Rendered(BufferedImage image, Draft report, List<String> notes) {
    }

    /** A card's report while it is being made: quality and bytes come last. */
    private static final class Draft {
        final Preset preset;
        final String cropMethod;
        final Crop crop;
        final String fill;
        final double upscale;
        final double scrim;
        final double worstContrast;
        final boolean headlineCut;
        final int headlineLines;
        final double headlineSize;
        int quality;

        Draft(Preset preset, String cropMethod, Crop crop, String fill, double upscale, double scrim,
              double worstContrast, CardText text) {
            this.preset = preset;
            this.cropMethod = cropMethod;
            this.crop = crop;
            this.fill = fill;
            this.upscale = upscale;
            this.scrim = scrim;
            this.worstContrast = worstContrast;
            this.headlineCut = text != null && text.headline().cut();
            this.headlineLines = text == null ? 0 : text.headline().lines().size();
            this.headlineSize = text == null ? 0 : text.headline().size();
        }

        RenderReport.PresetReport finish(long bytes, long millis) {
            return new RenderReport.PresetReport(preset.name(), preset.width(), preset.height(), cropMethod,
                    crop.x(), crop.y(), crop.width(), crop.height(), fill, round2(upscale), quality, bytes,
                    round2(scrim), round2(worstContrast), headlineLines, round2(headlineSize), headlineCut, millis);
        }
    }
}
