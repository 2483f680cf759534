package io.masthead.local.preview;

/**
 * How each platform lays out a link preview: the image frame's aspect ratio, and how much of the
 * title and description it shows before cutting (measured on their desktop and web clients; 0:
 * the platform does not show that text).
 */
public enum Platform {
    FACEBOOK("facebook", "Facebook", 1.91, 88, 110),
    X("x", "X", 2.0, 70, 0),
    LINKEDIN("linkedin", "LinkedIn", 1.91, 100, 0),
    SLACK("slack", "Slack", 0, 150, 300),
    WHATSAPP("whatsapp", "WhatsApp", 1.91, 80, 100),
    DISCORD("discord", "Discord", 0, 256, 350);

    /** WhatsApp shows a large image only when the image is at most this many bytes; else a small thumbnail. */
    public static final long WHATSAPP_LARGE_IMAGE_BYTES = 300 * 1024;

    private final String id;
    private final String label;
    private final double aspect;
    private final int titleLimit;
    private final int descriptionLimit;

    Platform(String id, String label, double aspect, int titleLimit, int descriptionLimit) {
        this.id = id;
        this.label = label;
        this.aspect = aspect;
        this.titleLimit = titleLimit;
        this.descriptionLimit = descriptionLimit;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Width over height of the image frame the platform crops to; 0 keeps the image's own shape. */
    public double aspect() {
        return aspect;
    }

    public int titleLimit() {
        return titleLimit;
    }

    public int descriptionLimit() {
        return descriptionLimit;
    }

    public String title(String text) {
        return Truncation.cut(text, titleLimit);
    }

    public String description(String text) {
        return descriptionLimit == 0 ? "" : Truncation.cut(text, descriptionLimit);
    }
}
