package io.masthead.card;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * How an article's cards were made, kept with the article's metadata so a person can check it.
 * Wall times are left out of that JSON: the same article and photo must give the same bytes.
 *
 * @param photoWidth    photo width as stored, upright (0 for a text card)
 * @param photoHeight   photo height as stored, upright (0 for a text card)
 * @param missingGlyphs characters no bundled or extra font covers, left out of the card
 * @param notes         anything an editor should know (upscaling avoided, text cut, ...)
 * @param renderMillis  wall time of the whole render
 * @param photoFormat   {@code jpeg}, {@code png}, {@code webp}, ... or empty for a text card
 * @param subsampling   the decode's source subsampling (1: every pixel decoded)
 * @param orientation   the EXIF orientation applied (1: none)
 * @param decodeMillis  wall time of reading and decoding the photo
 * @param glyphCoverage share of the text's characters a font covers (1.0: nothing left out)
 * @param worstContrast the lowest WCAG contrast measured behind any line of text on any card
 * @param fonts         the font chain, most preferred first
 * @param presets       one entry per card
 */
public record RenderReport(int photoWidth, int photoHeight, List<String> missingGlyphs,
                           List<String> notes, @JsonIgnore long renderMillis,
                           String photoFormat, int subsampling, int orientation, @JsonIgnore long decodeMillis,
                           double glyphCoverage, double worstContrast, List<String> fonts,
                           List<PresetReport> presets) {
    public RenderReport {
        missingGlyphs = List.copyOf(missingGlyphs);
        notes = List.copyOf(notes);
        photoFormat = photoFormat == null ? "" : photoFormat;
        fonts = List.copyOf(fonts);
        presets = List.copyOf(presets);
    }

    /** The original five-field form: the rest empty. */
    public RenderReport(int photoWidth, int photoHeight, List<String> missingGlyphs, List<String> notes, long renderMillis) {
        this(photoWidth, photoHeight, missingGlyphs, notes, renderMillis, "", 1, 1, 0, 1.0, 21.0, List.of(), List.of());
    }

    /**
     * How one card was made.
     *
     * @param crop          how the crop was chosen: {@code attention}, {@code focus}, {@code centre}, or {@code none} (text card)
     * @param cropX         crop in upright photo pixels (0 for a text card)
     * @param fill          {@code cover} (the crop fills the card), {@code blurred-fill} (a small photo on a blurred fill of itself) or {@code text-card}
     * @param upscale       how much photo pixels are enlarged on the card (at most 1.0 means none)
     * @param quality       JPEG quality
     * @param bytes         JPEG size
     * @param scrimOpacity  darkness of the scrim behind the text, 0..1
     * @param worstContrast lowest WCAG contrast behind this card's lines (21 when it has no text)
     * @param headlineLines lines the headline was set in
     * @param headlineSize  headline size in pixels
     * @param headlineCut   whether the headline had to be cut with an ellipsis
     * @param renderMillis  wall time for this card (crop, text, encode)
     */
    public record PresetReport(String name, int width, int height, String crop, int cropX, int cropY,
                               int cropWidth, int cropHeight, String fill, double upscale, int quality,
                               long bytes, double scrimOpacity, double worstContrast, int headlineLines,
                               double headlineSize, boolean headlineCut, @JsonIgnore long renderMillis) {
    }
}
