package io.masthead.article;

/**
 * The article's photo: where it is in the bucket and what to say about it.
 *
 * @param key     S3 key in the same bucket
 * @param caption caption, may be empty
 * @param alt     alternative text (defaults to the caption), may be empty
 * @param credit  credit as the agency gives it, e.g. {@code REUTERS/Ahmed Saad}, may be empty
 * @param focus   the point of interest, or null to let the crop decide
 */
public record Photo(String key, String caption, String alt, String credit, Focus focus) {
    public Photo {
        caption = caption == null ? "" : caption;
        alt = alt == null || alt.isBlank() ? caption : alt;
        credit = credit == null ? "" : credit;
    }
}
