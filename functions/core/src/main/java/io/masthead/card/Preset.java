package io.masthead.card;

import java.util.List;

/**
 * A card size. Names are stable: share pages, feeds and the bucket layout refer to them.
 *
 * @param name   e.g. {@code og}
 * @param width  pixels
 * @param height pixels
 * @param text   whether the headline, credit and site are set on it (false: the crop only)
 */
public record Preset(String name, int width, int height, boolean text) {
    public static final Preset OG = new Preset("og", 1200, 630, true);

    /** Every preset Masthead renders by default. */
    public static final List<Preset> DEFAULTS = List.of(
            OG,
            new Preset("square", 1080, 1080, true),
            new Preset("story", 1080, 1920, true),
            new Preset("photo-16x9", 1200, 675, false),
            new Preset("photo-4x3", 1200, 900, false),
            new Preset("photo-1x1", 1200, 1200, false));
}
