package io.masthead.article;

/** The point of interest in a photo, as fractions of its width and height (0..1). */
public record Focus(double x, double y) {
    public Focus {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("focus must lie within 0..1, was " + x + "," + y);
        }
    }
}
