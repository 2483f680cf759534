package io.masthead.card;

/**
 * One rendered card: JPEG bytes and their content hash, which names the object so that a
 * changed card busts every cache.
 */
public record Card(Preset preset, byte[] jpeg, String hash) {

    /** {@code cards/{slug}/{preset}-{hash}.jpg} */
    public String key(String slug) {
        return "cards/" + slug + "/" + preset.name() + "-" + hash + ".jpg";
    }

    public int width() { return preset.width(); }
    public int height() { return preset.height(); }
    public long bytes() { return jpeg.length; }
}
