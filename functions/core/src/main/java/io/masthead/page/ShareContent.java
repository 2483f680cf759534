package io.masthead.page;

import io.masthead.article.Article;
import io.masthead.article.ArticleException;
import io.masthead.article.Author;
import io.masthead.card.Card;
import io.masthead.card.CardSet;
import io.masthead.site.Site;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the page, its JSON documents and the lint say about one article, decided once:
 * text cleaned and fitted, URLs checked, images measured. The writers only format it.
 */
record ShareContent(
        String slug,
        String siteName,
        String siteUrl,
        String themeColor,
        String twitterSite,
        String logoUrl,
        String title,
        String xTitle,
        String description,
        String xDescription,
        String summary,
        String canonicalUrl,
        String shareUrl,
        String metadataUrl,
        String oembedUrl,
        PageLanguage language,
        String published,
        String modified,
        String section,
        List<Author> authors,
        String byline,
        List<String> tags,
        ImageVariant image,
        List<ImageVariant> images,
        List<ImageVariant> articleImages,
        String photoCaption,
        String photoCredit,
        int readingMinutes) {

    /** X shows at most this much of a title. */
    static final int X_TITLE_MAX = 70;
    /** X shows at most this much of a description. */
    static final int X_DESCRIPTION_MAX = 200;
    /** Article headlines are 1-300 characters; a longer one is cut here as a last guard. */
    static final int TITLE_MAX = 300;
    /** Facebook and LinkedIn show up to about 300 characters; more only crowds the head. */
    static final int DESCRIPTION_MAX = 300;
    /** X's limit for image alt text, and plenty for everyone else. */
    static final int ALT_MAX = 420;
    static final int LABEL_MAX = 100;
    static final int BYLINE_MAX = 100;

    static final List<String> ARTICLE_IMAGE_PRESETS = List.of("photo-16x9", "photo-4x3", "photo-1x1");

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern X_HANDLE = Pattern.compile("@?([A-Za-z0-9_]{1,15})");

    ShareContent {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        images = List.copyOf(images);
        articleImages = List.copyOf(articleImages);
    }

    static ShareContent of(Site site, Article article, CardSet cards) {
        PageLanguage language = PageLanguage.of(article.language());
        String title = PlainText.fit(PlainText.clean(article.headline()), TITLE_MAX, language.locale());
        if (title.isEmpty()) {
            throw new ArticleException(article.slug(), "headline", "has no visible characters");
        }
        String summary = PlainText.clean(article.summary());
        String canonical = WebUrl.of(article.url())
                .orElseThrow(() -> new ArticleException(article.slug(), "url", "must be an absolute http(s) URL"));

        String alt = article.hasPhoto()
                ? PlainText.fit(PlainText.clean(article.photo().alt()), ALT_MAX, language.locale())
                // A text card shows the headline and nothing else.
                : PlainText.fit(title, ALT_MAX, language.locale());
        List<ImageVariant> images = new ArrayList<>();
        for (Card card : cards == null ? List.<Card>of() : cards.cards()) {
            images.add(ImageVariant.of(card, site.publicUrl(card.key(article.slug())), alt));
        }
        ImageVariant primary = find(images, "og")
                .or(() -> find(images, "photo-16x9"))
                .orElse(images.isEmpty() ? null : images.get(0));
        List<ImageVariant> articleImages = new ArrayList<>();
        for (String preset : ARTICLE_IMAGE_PRESETS) find(images, preset).ifPresent(articleImages::add);
        if (articleImages.isEmpty() && primary != null) articleImages.add(primary);

        List<Author> authors = new ArrayList<>();
        for (Author author : article.authors()) {
            String name = PlainText.fit(PlainText.clean(author.name()), LABEL_MAX, language.locale());
            if (!name.isEmpty()) authors.add(new Author(name, WebUrl.of(author.url()).orElse("")));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : article.tags()) {
            String clean = PlainText.fit(PlainText.clean(tag), LABEL_MAX, language.locale());
            if (!clean.isEmpty()) tags.add(clean);
        }
        String description = PlainText.fit(summary, DESCRIPTION_MAX, language.locale());

        return new ShareContent(
                article.slug(),
                PlainText.fit(PlainText.clean(site.name()), LABEL_MAX, language.locale()),
                site.url(),
                site.color().toLowerCase(java.util.Locale.ROOT),
                twitterHandle(site.twitterSite()),
                WebUrl.of(site.logoUrl()).orElse(""),
                title,
                PlainText.fit(title, X_TITLE_MAX, language.locale()),
                description,
                PlainText.fit(summary, X_DESCRIPTION_MAX, language.locale()),
                summary,
                canonical,
                site.publicUrl(SharePage.htmlKey(article.slug())),
                site.publicUrl(SharePage.metadataKey(article.slug())),
                site.publicUrl(SharePage.oembedKey(article.slug())),
                language,
                format(article.published()),
                format(article.updated() == null ? article.published() : article.updated()),
                PlainText.fit(PlainText.clean(article.section()), LABEL_MAX, language.locale()),
                authors,
                PlainText.fit(String.join(", ", authors.stream().map(Author::name).toList()), BYLINE_MAX,
                        language.locale()),
                List.copyOf(tags),
                primary,
                images,
                articleImages,
                article.hasPhoto() ? PlainText.clean(article.photo().caption()) : "",
                article.hasPhoto() ? PlainText.clean(article.photo().credit()) : "",
                ReadingTime.minutes(article.bodyHtml()));
    }

    /** "@handle" when the site setting is a valid X handle (with or without the @), else empty. */
    static String twitterHandle(String setting) {
        String clean = PlainText.clean(setting);
        var m = X_HANDLE.matcher(clean);
        return m.matches() ? "@" + m.group(1) : "";
    }

    static String format(OffsetDateTime time) {
        return time == null ? "" : RFC_3339.format(time);
    }

    String readingTimeLabel() {
        return readingMinutes + " min read";
    }

    private static Optional<ImageVariant> find(List<ImageVariant> images, String preset) {
        return images.stream().filter(i -> i.preset().equals(preset)).findFirst();
    }
}
