package io.masthead.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.masthead.article.Author;
import io.masthead.article.ImportReport;
import io.masthead.card.RenderReport;

import java.util.List;

/**
 * {@code share/{slug}.json}: what the share page says, for APIs and apps, with the lint report
 * the card render report and, for articles imported from another format, the import report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShareMetadata(
        String slug,
        String title,
        String description,
        String language,
        String direction,
        String locale,
        Urls urls,
        ImageVariant image,
        List<ImageVariant> images,
        String published,
        String modified,
        List<Author> authors,
        String section,
        List<String> tags,
        int readingMinutes,
        X x,
        LintReport lint,
        RenderReport render,
        ImportReport imported) {

    /** @param canonical the article; share, metadata, oembed: the published files */
    public record Urls(String canonical, String share, String metadata, String oembed) {
    }

    /** The title and description as cut for X. */
    public record X(String title, String description, String site) {
    }

    static ShareMetadata of(ShareContent c, LintReport lint, RenderReport render, ImportReport imported) {
        return new ShareMetadata(c.slug(), c.title(), c.description(), c.language().tag(), c.language().direction(),
                c.language().ogLocale(), new Urls(c.canonicalUrl(), c.shareUrl(), c.metadataUrl(), c.oembedUrl()),
                c.image(), c.images(), c.published(), c.modified(), c.authors(), c.section(), c.tags(),
                c.readingMinutes(), new X(c.xTitle(), c.xDescription(), c.twitterSite()), lint, render, imported);
    }
}
