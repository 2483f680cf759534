package io.masthead.page;

import io.masthead.article.Author;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The crawler-facing tags of a share page in the order crawlers expect them, kept within the
 * first {@link #READ_LIMIT} bytes of the file (Slack reads no further). When an article has so
 * many tags or authors that they would push the rest past the limit, the trailing
 * {@code article:tag}s and then the extra {@code article:author}s are left out, and the lint says so.
 *
 * @param tags           in document order
 * @param endByte        UTF-8 offset in the page just after the last tag
 * @param droppedTags    {@code article:tag}s left out to stay within the limit
 * @param droppedAuthors {@code article:author}s left out to stay within the limit
 */
record ShareHead(List<HeadTag> tags, int endByte, int droppedTags, int droppedAuthors) {

    /** Slack's unfurler reads the first 32 KB of a page. */
    static final int READ_LIMIT = 32 * 1024;

    ShareHead {
        tags = List.copyOf(tags);
    }

    /** @param startByte UTF-8 length of everything in the page before the first tag */
    static ShareHead of(ShareContent c, int startByte) {
        List<HeadTag> all = tags(c);
        int[] sizes = new int[all.size()];
        int end = startByte;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = all.get(i).html().getBytes(StandardCharsets.UTF_8).length + 1;
            end += sizes[i];
        }
        boolean[] dropped = new boolean[all.size()];
        int droppedTags = 0;
        int droppedAuthors = 0;
        // Least useful first: the last article:tag, then the last extra article:author.
        for (int i = all.size() - 1; i >= 0 && end > READ_LIMIT; i--) {
            if (all.get(i).name().equals("article:tag")) {
                dropped[i] = true;
                end -= sizes[i];
                droppedTags++;
            }
        }
        int firstAuthor = indexOf(all, "article:author");
        for (int i = all.size() - 1; i > firstAuthor && end > READ_LIMIT; i--) {
            if (all.get(i).name().equals("article:author")) {
                dropped[i] = true;
                end -= sizes[i];
                droppedAuthors++;
            }
        }
        List<HeadTag> kept = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) if (!dropped[i]) kept.add(all.get(i));
        return new ShareHead(kept, end, droppedTags, droppedAuthors);
    }

    private static int indexOf(List<HeadTag> tags, String name) {
        for (int i = 0; i < tags.size(); i++) if (tags.get(i).name().equals(name)) return i;
        return tags.size();
    }

    Optional<String> first(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).map(HeadTag::value).findFirst();
    }

    List<String> all(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).map(HeadTag::value).toList();
    }

    boolean has(String name) {
        return first(name).filter(v -> !v.isEmpty()).isPresent();
    }

    String html() {
        StringBuilder out = new StringBuilder();
        for (HeadTag tag : tags) out.append(tag.html()).append('\n');
        return out.toString();
    }

    private static List<HeadTag> tags(ShareContent c) {
        List<HeadTag> t = new ArrayList<>();
        t.add(HeadTag.charset());
        t.add(HeadTag.title(c.title()));
        t.add(HeadTag.link("canonical", c.canonicalUrl()));
        if (!c.description().isEmpty()) t.add(HeadTag.name("description", c.description()));

        t.add(HeadTag.property("og:type", "article"));
        t.add(HeadTag.property("og:site_name", c.siteName()));
        t.add(HeadTag.property("og:url", c.canonicalUrl()));
        t.add(HeadTag.property("og:title", c.title()));
        if (!c.description().isEmpty()) t.add(HeadTag.property("og:description", c.description()));
        if (!c.language().ogLocale().isEmpty()) t.add(HeadTag.property("og:locale", c.language().ogLocale()));
        ImageVariant image = c.image();
        if (image != null) {
            t.add(HeadTag.property("og:image", image.url()));
            if (WebUrl.isHttps(image.url())) t.add(HeadTag.property("og:image:secure_url", image.url()));
            if (image.readable()) {
                t.add(HeadTag.property("og:image:type", image.type()));
                t.add(HeadTag.property("og:image:width", Integer.toString(image.width())));
                t.add(HeadTag.property("og:image:height", Integer.toString(image.height())));
            }
            if (!image.alt().isEmpty()) t.add(HeadTag.property("og:image:alt", image.alt()));
        }
        if (!c.published().isEmpty()) t.add(HeadTag.property("article:published_time", c.published()));
        if (!c.modified().isEmpty()) t.add(HeadTag.property("article:modified_time", c.modified()));
        if (!c.section().isEmpty()) t.add(HeadTag.property("article:section", c.section()));
        for (Author author : c.authors()) {
            // Facebook wants a profile URL; a name is the next best thing when there is none.
            t.add(HeadTag.property("article:author", author.url().isEmpty() ? author.name() : author.url()));
        }
        for (String tag : c.tags()) t.add(HeadTag.property("article:tag", tag));

        t.add(HeadTag.name("twitter:card", "summary_large_image"));
        t.add(HeadTag.name("twitter:title", c.xTitle()));
        if (!c.xDescription().isEmpty()) t.add(HeadTag.name("twitter:description", c.xDescription()));
        if (image != null) {
            t.add(HeadTag.name("twitter:image", image.url()));
            if (!image.alt().isEmpty()) t.add(HeadTag.name("twitter:image:alt", image.alt()));
        }
        if (!c.twitterSite().isEmpty()) t.add(HeadTag.name("twitter:site", c.twitterSite()));
        // Label pairs are numbered from 1 in the order they are shown, so none is skipped.
        int label = 0;
        if (!c.byline().isEmpty()) {
            label++;
            t.add(HeadTag.name("twitter:label" + label, "Written by"));
            t.add(HeadTag.name("twitter:data" + label, c.byline()));
        }
        if (c.readingMinutes() > 0) {
            label++;
            t.add(HeadTag.name("twitter:label" + label, "Reading time"));
            t.add(HeadTag.name("twitter:data" + label, c.readingTimeLabel()));
        }
        t.add(HeadTag.name("theme-color", c.themeColor()));
        t.add(HeadTag.oembed(c.oembedUrl()));
        return t;
    }
}
