package io.masthead.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An article as read from its document, with the import report and, when the document points
 * at a photo only the bucket can confirm, the {@link PhotoLead} to resolve.
 *
 * @param article   the validated article; its photo is null while a lead is pending
 * @param report    what the import mapped, ignored and guessed
 * @param photoLead where to look for the photo, or null when there is nothing to look up
 */
public record ParsedArticle(Article article, ImportReport report, PhotoLead photoLead) {

    public boolean needsPhotoLookup() {
        return photoLead != null;
    }

    /**
     * Settles the photo: the first candidate key that exists, else the single image object named
     * {@code prefix + extension}, else none (a text card). Returns the article with that photo,
     * the report saying what was chosen, and no lead. Without a lead, returns this.
     */
    public ParsedArticle resolvePhoto(PhotoLookup lookup) {
        if (photoLead == null) return this;
        for (PhotoLead.Candidate candidate : photoLead.candidates()) {
            if (lookup.exists(candidate.key())) {
                return with(photoLead.photo(candidate.key(), candidate.focus()),
                        "photo: " + candidate.key() + " is the first of " + photoLead.candidates().size() + " candidate keys that exists");
            }
        }
        String prefix = photoLead.prefix();
        if (!prefix.isEmpty()) {
            List<String> images = new ArrayList<>();
            for (String key : lookup.keysUnder(prefix)) {
                String rest = key.substring(Math.min(prefix.length(), key.length()));
                if (key.startsWith(prefix) && PhotoLead.IMAGE_EXTENSIONS.contains(rest.toLowerCase(Locale.ROOT))) images.add(key);
            }
            images.sort(Comparator.comparingInt(ParsedArticle::rank).thenComparing(Comparator.naturalOrder()));
            if (!images.isEmpty()) {
                String chosen = images.get(0);
                String note = images.size() == 1 ? "photo: " + chosen + " is the object named " + prefix + "*"
                        : "photo: " + chosen + " chosen among " + images + " (first image type in " + PhotoLead.IMAGE_EXTENSIONS + ")";
                return with(photoLead.photo(chosen, null), note);
            }
        }
        String where = photoLead.candidates().isEmpty() ? "no object named " + prefix + "*"
                : "none of " + photoLead.candidates().stream().map(PhotoLead.Candidate::key).toList() + " exists"
                  + (prefix.isEmpty() ? "" : ", nor " + prefix + "*");
        return new ParsedArticle(article, report.withGuess("photo: " + where + "; a text card is used"), null);
    }

    private ParsedArticle with(Photo photo, String note) {
        Article a = article;
        Article withPhoto = new Article(a.slug(), a.headline(), a.url(), a.summary(), a.section(), a.authors(),
                a.published(), a.updated(), a.language(), a.tags(), a.bodyHtml(), photo, a.status());
        return new ParsedArticle(withPhoto, report.withGuess(note), null);
    }

    private static int rank(String key) {
        String ext = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return PhotoLead.IMAGE_EXTENSIONS.indexOf(ext);
    }
}
