package io.masthead.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a rendered share page against each platform's rules: the tags as written in the head,
 * the image as measured from its bytes, the head's position in the file.
 */
final class ShareLinter {
    /** Image types every listed platform accepts. */
    private static final Set<String> WEB_IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    private static final double RATIO_TOLERANCE = 0.10;

    private final List<PlatformRules> platforms;

    ShareLinter(List<PlatformRules> platforms) {
        this.platforms = List.copyOf(platforms);
    }

    LintReport lint(ShareContent content, ShareHead head) {
        List<PlatformReport> reports = new ArrayList<>();
        for (PlatformRules rules : platforms) reports.add(PlatformReport.of(rules.platform(), checks(rules, content, head)));
        return LintReport.of(reports);
    }

    private static List<LintCheck> checks(PlatformRules r, ShareContent c, ShareHead head) {
        List<LintCheck> out = new ArrayList<>();
        out.add(tags("required-tags", r.requiredTags(), head, Outcome.FAIL));
        out.add(tags("recommended-tags", r.recommendedTags(), head, Outcome.WARN));
        if (r.readLimit()) out.addAll(readLimit(head));
        if (r == PlatformRules.FACEBOOK) out.add(canonicalHost(c));
        if (r.titleMax() > 0) out.add(length("title-length", r.titleTag(), r.titleMax(), head, c.title()));
        if (r.descriptionMax() > 0) {
            out.add(length("description-length", r.descriptionTag(), r.descriptionMax(), head, c.summary()));
        }
        ImageVariant image = c.image();
        if (image == null) {
            out.add(new LintCheck("image", Outcome.FAIL, "no card to point og:image at"));
            return out;
        }
        out.add(imageUrl(r, image));
        out.add(imageType(image));
        if (image.readable()) {
            if (r.minWidth() > 0 || r.goodWidth() > 0 || r.maxWidth() > 0) out.add(imageSize(r, image));
            if (r.ratio() > 0) out.add(imageRatio(r, image));
        }
        if (r.maxBytes() > 0) out.add(imageBytes(r, image));
        out.add(imageAlt(r, image));
        return out;
    }

    private static LintCheck tags(String rule, List<String> names, ShareHead head, Outcome missingOutcome) {
        List<String> missing = names.stream().filter(n -> !head.has(n)).toList();
        return missing.isEmpty()
                ? new LintCheck(rule, Outcome.PASS, "present: " + String.join(", ", names))
                : new LintCheck(rule, missingOutcome, "missing: " + String.join(", ", missing));
    }

    private static List<LintCheck> readLimit(ShareHead head) {
        List<LintCheck> out = new ArrayList<>();
        out.add(head.endByte() <= ShareHead.READ_LIMIT
                ? new LintCheck("head-within-32kb", Outcome.PASS,
                        "tags end at byte " + head.endByte() + " of " + ShareHead.READ_LIMIT + " read")
                : new LintCheck("head-within-32kb", Outcome.FAIL,
                        "tags end at byte " + head.endByte() + ", past the " + ShareHead.READ_LIMIT + " read"));
        if (head.droppedTags() > 0 || head.droppedAuthors() > 0) {
            out.add(new LintCheck("head-trimmed", Outcome.WARN, head.droppedTags() + " article:tag and "
                    + head.droppedAuthors() + " article:author left out to keep the tags within 32 KB"));
        }
        return out;
    }

    /** Facebook reads the page at og:url, and refuses an og:url on another domain unless allowed. */
    private static LintCheck canonicalHost(ShareContent c) {
        String canonical = WebUrl.host(c.canonicalUrl());
        String share = WebUrl.host(c.shareUrl());
        return canonical.equals(share)
                ? new LintCheck("canonical-host", Outcome.PASS, "og:url is on the share page's host " + share)
                : new LintCheck("canonical-host", Outcome.WARN, "og:url is on " + canonical + ", the share page on "
                        + share + ": Facebook shows the tags of the page at og:url, and needs " + canonical
                        + " to allow " + share + " in its webmaster settings");
    }

    private static LintCheck length(String rule, String tag, int max, ShareHead head, String full) {
        String value = head.first(tag).orElse("");
        int length = PlainText.length(value);
        int fullLength = PlainText.length(full);
        if (length > max) {
            return new LintCheck(rule, Outcome.WARN, tag + " has " + length + " characters; shown cut after about " + max);
        }
        String cut = fullLength > length && value.endsWith(PlainText.ELLIPSIS)
                ? " (cut at a word from " + fullLength + ")" : "";
        return new LintCheck(rule, Outcome.PASS, tag + " has " + length + " of at most " + max + " characters" + cut);
    }

    private static LintCheck imageUrl(PlatformRules r, ImageVariant image) {
        if (WebUrl.of(image.url()).isEmpty()) {
            return new LintCheck("image-url", Outcome.FAIL, "not an absolute http(s) URL: " + image.url());
        }
        return WebUrl.isHttps(image.url())
                ? new LintCheck("image-url", Outcome.PASS, "absolute https URL")
                : new LintCheck("image-url", r.plainHttpImage(), "image served over plain http; set PUBLIC_BASE_URL to https");
    }

    private static LintCheck imageType(ImageVariant image) {
        if (!image.readable()) return new LintCheck("image-type", Outcome.FAIL, "the card's bytes are not a readable image");
        return WEB_IMAGE_TYPES.contains(image.type())
                ? new LintCheck("image-type", Outcome.PASS, image.type())
                : new LintCheck("image-type", Outcome.FAIL, image.type() + " is not a web image type");
    }

    private static LintCheck imageSize(PlatformRules r, ImageVariant image) {
        int w = image.width();
        int h = image.height();
        String size = w + "x" + h;
        if (w < r.minWidth() || h < r.minHeight()) {
            return new LintCheck("image-size", Outcome.FAIL, size + " is below the minimum " + r.minWidth() + "x" + r.minHeight());
        }
        if (r.maxWidth() > 0 && (w > r.maxWidth() || h > r.maxHeight())) {
            return new LintCheck("image-size", Outcome.FAIL, size + " is above the maximum " + r.maxWidth() + "x" + r.maxHeight());
        }
        if (w < r.goodWidth() || h < r.goodHeight()) {
            return new LintCheck("image-size", Outcome.WARN, size + " is below " + r.goodWidth() + "x" + r.goodHeight()
                    + ": shown small");
        }
        return new LintCheck("image-size", Outcome.PASS, size);
    }

    private static LintCheck imageRatio(PlatformRules r, ImageVariant image) {
        double ratio = (double) image.width() / image.height();
        String text = String.format(Locale.ROOT, "%.2f:1 against %.2f:1", ratio, r.ratio());
        return Math.abs(ratio / r.ratio() - 1) <= RATIO_TOLERANCE
                ? new LintCheck("image-ratio", Outcome.PASS, text)
                : new LintCheck("image-ratio", Outcome.WARN, text + ": the card is cropped");
    }

    private static LintCheck imageBytes(PlatformRules r, ImageVariant image) {
        String text = image.bytes() + " bytes, limit " + r.maxBytes();
        return image.bytes() <= r.maxBytes()
                ? new LintCheck("image-bytes", Outcome.PASS, text)
                : new LintCheck("image-bytes", Outcome.FAIL, text + ": the image is not shown");
    }

    private static LintCheck imageAlt(PlatformRules r, ImageVariant image) {
        int length = PlainText.length(image.alt());
        if (length == 0) return new LintCheck("image-alt", Outcome.WARN, "no alt text: set photo.alt or photo.caption");
        if (r.altMax() > 0 && length > r.altMax()) {
            return new LintCheck("image-alt", Outcome.FAIL, length + " characters, limit " + r.altMax());
        }
        return new LintCheck("image-alt", Outcome.PASS, length + " characters");
    }
}
