package io.masthead.page;

import java.util.List;

/**
 * What one platform needs from a share page, as published by the platform or measured against
 * its crawler. A zero limit means the platform documents none and the rule is not checked.
 *
 * @param platform        report name
 * @param requiredTags    missing one fails: the platform shows no card or a broken one
 * @param recommendedTags missing one warns: the card is poorer
 * @param minWidth        smaller images are not shown at all (fail)
 * @param minHeight       see minWidth
 * @param goodWidth       smaller images are shown small or as a thumbnail (warn)
 * @param goodHeight      see goodWidth
 * @param maxWidth        larger images are refused (fail)
 * @param maxHeight       see maxWidth
 * @param ratio           the width:height the large card is cropped to; off by more than 10% warns
 * @param maxBytes        larger files are refused (fail)
 * @param titleTag        the tag the platform shows as the title
 * @param titleMax        longer titles are cut on screen (warn), in code points
 * @param descriptionTag  the tag the platform shows as the description
 * @param descriptionMax  longer descriptions are cut on screen (warn)
 * @param altMax          longer alt text is refused (fail)
 * @param plainHttpImage  what an http (not https) image URL gets
 * @param readLimit       whether the platform reads only the first {@link ShareHead#READ_LIMIT} bytes
 */
record PlatformRules(String platform, List<String> requiredTags, List<String> recommendedTags,
                     int minWidth, int minHeight, int goodWidth, int goodHeight, int maxWidth, int maxHeight,
                     double ratio, long maxBytes, String titleTag, int titleMax, String descriptionTag,
                     int descriptionMax, int altMax, Outcome plainHttpImage, boolean readLimit) {

    static final long MB = 1024L * 1024L;
    static final long KB = 1024L;

    static final PlatformRules FACEBOOK = new PlatformRules("facebook",
            List.of("og:title", "og:type", "og:image", "og:url"),
            List.of("og:description", "og:site_name", "og:locale", "og:image:secure_url", "og:image:width",
                    "og:image:height", "og:image:alt"),
            200, 200, 600, 315, 0, 0, 1.91, 8 * MB,
            "og:title", 88, "og:description", 300, 0, Outcome.WARN, false);

    static final PlatformRules X = new PlatformRules("x",
            List.of("twitter:card", "twitter:title", "twitter:image"),
            List.of("twitter:description", "twitter:image:alt", "twitter:site"),
            300, 157, 300, 157, 4096, 4096, 2.0, 5 * MB,
            "twitter:title", ShareContent.X_TITLE_MAX, "twitter:description", ShareContent.X_DESCRIPTION_MAX,
            ShareContent.ALT_MAX, Outcome.WARN, false);

    static final PlatformRules LINKEDIN = new PlatformRules("linkedin",
            List.of("og:title", "og:image", "og:url"),
            List.of("og:description", "og:type", "og:site_name", "og:image:width", "og:image:height"),
            200, 200, 1200, 627, 0, 0, 1.91, 5 * MB,
            "og:title", 200, "og:description", 300, 0, Outcome.WARN, false);

    static final PlatformRules SLACK = new PlatformRules("slack",
            List.of("og:title"),
            List.of("og:description", "og:image", "og:site_name", "twitter:label1", "twitter:data1"),
            0, 0, 0, 0, 0, 0, 0, 0,
            "og:title", 0, "og:description", 0, 0, Outcome.WARN, true);

    static final PlatformRules WHATSAPP = new PlatformRules("whatsapp",
            List.of("og:title", "og:image"),
            List.of("og:description", "og:url"),
            200, 200, 300, 200, 0, 0, 0, 300 * KB,
            "og:title", 0, "og:description", 0, 0, Outcome.WARN, false);

    static final PlatformRules DISCORD = new PlatformRules("discord",
            List.of("og:title"),
            List.of("og:description", "og:image", "og:site_name", "theme-color", "twitter:card"),
            0, 0, 0, 0, 0, 0, 0, 0,
            "og:title", 256, "og:description", 350, 0, Outcome.WARN, false);

    static final PlatformRules IMESSAGE = new PlatformRules("imessage",
            List.of("og:title"),
            List.of("og:image"),
            0, 0, 0, 0, 0, 0, 0, 0,
            "og:title", 0, "og:description", 0, 0, Outcome.FAIL, false);

    static final List<PlatformRules> ALL = List.of(FACEBOOK, X, LINKEDIN, SLACK, WHATSAPP, DISCORD, IMESSAGE);
}
