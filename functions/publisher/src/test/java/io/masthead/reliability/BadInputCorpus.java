package io.masthead.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.masthead.reliability.CorpusCase.BUCKET;
import static io.masthead.reliability.CorpusCase.TIME;
import static io.masthead.reliability.CorpusCase.named;

/**
 * The bad-input corpus, generated: documents that are not articles, every required field missing,
 * empty or of the wrong type, optional fields out of their rules, path tricks in slugs, keys and
 * photo keys, photos that are not usable, and events the function must not act on. Each case
 * uses its own slug, so they can all run against one bucket and one handler instance.
 */
final class BadInputCorpus {
    static final String GOOD_PHOTO = "photos/corpus-good.jpg";

    private BadInputCorpus() {
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> c = new ArrayList<>();
        document(c);
        fields(c);
        paths(c);
        photos(c);
        events(c);
        return c;
    }

    private static String article(String headline) {
        return "{\"headline\": \"" + headline + "\", \"section\": \"World\"}";
    }

    private static void document(List<CorpusCase> c) {
        c.add(named("not JSON at all").article("articles/doc-not-json.json", "headline: this is YAML, not JSON\n")
                .rejected("doc-not-json", "(document)", "not valid JSON"));
        c.add(named("JSON array").article("articles/doc-array.json", "[{\"headline\": \"In an array\"}]")
                .rejected("doc-array", "(document)", "must be a JSON object, found an array"));
        c.add(named("JSON string").article("articles/doc-string.json", "\"Just a headline in quotes\"")
                .rejected("doc-string", "(document)", "must be a JSON object, found a string"));
        c.add(named("JSON null").article("articles/doc-null.json", "null")
                .rejected("doc-null", "(document)", "must be a JSON object, found null"));
        c.add(named("two JSON values").article("articles/doc-two-values.json", article("First") + " " + article("Second"))
                .rejected("doc-two-values", "(document)", "content after the JSON value"));
        c.add(named("duplicate field").article("articles/doc-duplicate.json", "{\"headline\": \"A\", \"headline\": \"B\"}")
                .rejected("doc-duplicate", "(document)", "(?i)duplicate field"));
        c.add(named("empty file (0 bytes)").article("articles/doc-empty.json", new byte[0])
                .rejected("doc-empty", "(document)", "is empty"));
        byte[] bom = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, article("With a byte order mark").getBytes(StandardCharsets.UTF_8));
        c.add(named("UTF-8 byte order mark (valid: skipped)").article("articles/doc-bom.json", bom).published("doc-bom"));
        byte[] latin1 = "{\"headline\": \"Caf\u00e9 in Latin-1\"}".getBytes(StandardCharsets.ISO_8859_1);
        c.add(named("invalid UTF-8 (Latin-1 bytes)").article("articles/doc-latin1.json", latin1)
                .rejected("doc-latin1", "(document)", "not valid UTF-8"));
        byte[] overlong = concat("{\"headline\": \"".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xC0, (byte) 0xAF},
                "\"}".getBytes(StandardCharsets.US_ASCII));
        c.add(named("invalid UTF-8 (overlong slash)").article("articles/doc-overlong.json", overlong)
                .rejected("doc-overlong", "(document)", "not valid UTF-8"));
        c.add(named("20 MB article").article("articles/doc-huge.json", huge(20 * 1024 * 1024))
                .rejected("doc-huge", "(document)", "is 20971\\d+ bytes; the limit is 2097152"));
    }

    /** A valid JSON article padded to {@code size} bytes with body text. */
    private static byte[] huge(int size) {
        String head = "{\"headline\": \"A very long article\", \"bodyHtml\": \"";
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) 'a');
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, out, 0, h.length);
        out[size - 2] = '"';
        out[size - 1] = '}';
        return out;
    }

    private static void fields(List<CorpusCase> c) {
        c.add(named("headline missing").article("articles/f-headline-missing.json", "{\"section\": \"World\"}")
                .rejected("f-headline-missing", "headline", "is required"));
        c.add(named("headline empty").article("articles/f-headline-empty.json", "{\"headline\": \"\"}")
                .rejected("f-headline-empty", "headline", "(?i)at least 1|minLength"));
        c.add(named("headline null").article("articles/f-headline-null.json", "{\"headline\": null}")
                .rejected("f-headline-null", "headline", "(?i)null.*string|string.*null"));
        c.add(named("headline a number").article("articles/f-headline-number.json", "{\"headline\": 42}")
                .rejected("f-headline-number", "headline", "(?i)integer.*string|string.*integer"));
        c.add(named("headline an array").article("articles/f-headline-array.json", "{\"headline\": [\"a\"]}")
                .rejected("f-headline-array", "headline", "(?i)array.*string|string.*array"));
        c.add(named("headline only spaces").article("articles/f-headline-spaces.json", "{\"headline\": \"   \\t  \\u00a0 \"}")
                .rejected("f-headline-spaces", "headline", "empty after removing spaces and control characters"));
        c.add(named("headline only control characters").article("articles/f-headline-control.json", "{\"headline\": \"\\u0000\\u0007\\u001b\\u0008\\u007f\\u2028\"}")
                .rejected("f-headline-control", "headline", "empty after removing spaces and control characters"));
        c.add(named("headline 301 characters").article("articles/f-headline-long.json", article("x".repeat(301)))
                .rejected("f-headline-long", "headline", "longer than 300 characters"));
        c.add(named("photo a string, not an object").article("articles/f-photo-string.json", "{\"headline\": \"h\", \"photo\": \"photos/a.jpg\"}")
                .rejected("f-photo-string", "photo", "(?i)string.*object|object.*string"));
        c.add(named("photo without key").article("articles/f-photo-nokey.json", "{\"headline\": \"h\", \"photo\": {\"caption\": \"c\"}}")
                .rejected("f-photo-nokey", "photo.key", "is required"));
        c.add(named("photo key empty").article("articles/f-photo-emptykey.json", "{\"headline\": \"h\", \"photo\": {\"key\": \"\"}}")
                .rejected("f-photo-emptykey", "photo.key", "(?i)at least 1|minLength"));
        c.add(named("photo focus out of range").article("articles/f-focus.json",
                        "{\"headline\": \"h\", \"photo\": {\"key\": \"" + GOOD_PHOTO + "\", \"focus\": {\"x\": 2, \"y\": 0.5}}}")
                .rejected("f-focus", "photo.focus.x", "(?i)maximum|at most|1"));
        c.add(named("authors a string, not an array").article("articles/f-authors.json", "{\"headline\": \"h\", \"authors\": \"Jane Doe\"}")
                .rejected("f-authors", "authors", "(?i)string.*array|array.*string"));
        c.add(named("tags of numbers").article("articles/f-tags.json", "{\"headline\": \"h\", \"tags\": [1, 2]}")
                .rejected("f-tags", "tags[0]", "(?i)integer.*string|string.*integer"));
        c.add(named("published in a wrong format").article("articles/f-date-format.json", "{\"headline\": \"h\", \"published\": \"05/01/2024 10:00\"}")
                .rejected("f-date-format", "published", "not an RFC 3339 date-time"));
        c.add(named("published without offset").article("articles/f-date-nooffset.json", "{\"headline\": \"h\", \"published\": \"2024-01-05T10:00:00\"}")
                .rejected("f-date-nooffset", "published", "not an RFC 3339 date-time"));
        c.add(named("published in year 9999").article("articles/f-date-year.json", "{\"headline\": \"h\", \"published\": \"9999-12-31T23:59:59Z\"}")
                .rejected("f-date-year", "published", "implausible year 9999"));
        c.add(named("published as a number").article("articles/f-date-number.json", "{\"headline\": \"h\", \"published\": 1704449000}")
                .rejected("f-date-number", "published", "(?i)integer.*string|string.*integer"));
        c.add(named("updated before published").article("articles/f-updated.json",
                        "{\"headline\": \"h\", \"published\": \"2024-01-05T10:00:00Z\", \"updated\": \"2024-01-04T10:00:00Z\"}")
                .rejected("f-updated", "updated", "is before published"));
        c.add(named("url with javascript: scheme").article("articles/f-url.json", "{\"headline\": \"h\", \"url\": \"javascript:alert(1)\"}")
                .rejected("f-url", "url", "must be an absolute http\\(s\\) URL"));
        c.add(named("language not a tag").article("articles/f-language.json", "{\"headline\": \"h\", \"language\": \"English!\"}")
                .rejected("f-language", "language", "(?i)pattern|match"));
        c.add(named("status unknown").article("articles/f-status.json", "{\"headline\": \"h\", \"status\": \"deleted\"}")
                .rejected("f-status", "status", "(?i)enum|published|withdrawn"));
    }

    private static void paths(List<CorpusCase> c) {
        c.add(named("slug with ../").article("articles/p-slug-dotdot.json", "{\"headline\": \"h\", \"slug\": \"../feeds/rss\"}")
                .rejected("p-slug-dotdot", "slug", "(?i)pattern|match"));
        c.add(named("slug with %2e%2e/").article("articles/p-slug-encoded.json", "{\"headline\": \"h\", \"slug\": \"%2e%2e/%2e%2e/feeds\"}")
                .rejected("p-slug-encoded", "slug", "(?i)pattern|match"));
        c.add(named("slug an absolute path").article("articles/p-slug-absolute.json", "{\"headline\": \"h\", \"slug\": \"/etc/passwd\"}")
                .rejected("p-slug-absolute", "slug", "(?i)pattern|match"));
        c.add(named("slug with backslashes").article("articles/p-slug-backslash.json", "{\"headline\": \"h\", \"slug\": \"..\\\\..\\\\cards\"}")
                .rejected("p-slug-backslash", "slug", "(?i)pattern|match"));
        c.add(named("slug naming an output prefix").article("articles/p-slug-prefix.json", "{\"headline\": \"h\", \"slug\": \"items/x\"}")
                .rejected("p-slug-prefix", "slug", "(?i)pattern|match"));
        c.add(named("key with ../ segments").article("articles/../feeds/p-key-dotdot.json", article("Key tricks"))
                .rejected("p-key-dotdot", "(key)", "must not contain \\. or \\.\\. segments"));
        c.add(named("key with %2e%2e/ segments").article("articles/%2e%2e/%2e%2e/p-key-encoded.json", article("Key tricks"))
                .rejected("p-key-encoded", "(key)", "must not contain \\. or \\.\\. segments"));
        c.add(named("key with backslashes").article("articles/..\\..\\p-key-backslash.json", article("Key tricks"))
                .rejected("p-key-backslash", "(key)", "backslash"));
        c.add(named("key outside articles/ (an output)").article("feeds/p-key-output.json", article("Recursion"))
                .ignored("not under articles/"));
        c.add(named("key that is absolute (/articles/...)").eventKey("/articles/p-key-absolute.json")
                .ignored("not under articles/"));
        c.add(named("photo key ../ traversal").article("articles/p-photo-dotdot.json", photoArticle("photos/../cards/x.jpg"))
                .rejected("p-photo-dotdot", "photo.key", "must not contain \\. or \\.\\. segments"));
        c.add(named("photo key %2e%2e/ traversal").article("articles/p-photo-encoded.json", photoArticle("photos/%2e%2e/cards/x.jpg"))
                .rejected("p-photo-encoded", "photo.key", "must not contain \\. or \\.\\. segments"));
        c.add(named("photo key absolute").article("articles/p-photo-absolute.json", photoArticle("/photos/a.jpg"))
                .rejected("p-photo-absolute", "photo.key", "must be a relative key"));
        c.add(named("photo key with backslashes").article("articles/p-photo-backslash.json", photoArticle("photos\\\\a.jpg"))
                .rejected("p-photo-backslash", "photo.key", "without backslashes"));
    }

    private static String photoArticle(String photoKey) {
        return "{\"headline\": \"A photo story\", \"photo\": {\"key\": \"" + photoKey + "\", \"credit\": \"Agency\"}}";
    }

    private static void photos(List<CorpusCase> c) {
        c.add(named("photo key does not exist").article("articles/ph-missing.json", photoArticle("photos/nowhere.jpg"))
                .rejected("ph-missing", "photo.key", "no object photos/nowhere.jpg in bucket masthead"));
        c.add(named("photo in another bucket (s3:// URL)").article("articles/ph-other-bucket.json", photoArticle("s3://other-bucket/photos/a.jpg"))
                .rejected("ph-other-bucket", "photo.key", "not a URL or another bucket"));
        c.add(named("photo as an http URL (no fetching)").article("articles/ph-url.json", photoArticle("http://169.254.169.254/latest/meta-data/"))
                .rejected("ph-url", "photo.key", "not a URL or another bucket"));
        c.add(named("photo pointing at cards/").article("articles/ph-cards.json", photoArticle("cards/corpus-baseline/og-0123456789ab.jpg"))
                .rejected("ph-cards", "photo.key", "points at an output \\(cards/"));
        c.add(named("photo pointing at an article").article("articles/ph-article.json", photoArticle("articles/ph-article.json"))
                .rejected("ph-article", "photo.key", "points at an article"));
        c.add(named("photo not an image (text)").article("articles/ph-text.json", photoArticle("photos/ph-text.jpg"))
                .photo("photos/ph-text.jpg", "this is a press release, not a JPEG".getBytes(StandardCharsets.UTF_8))
                .rejected("ph-text", "photo", "not a supported image"));
        c.add(named("photo 0 bytes").article("articles/ph-empty.json", photoArticle("photos/ph-empty.jpg"))
                .photo("photos/ph-empty.jpg", new byte[0])
                .rejected("ph-empty", "photo", "the photo file is empty"));
        c.add(named("photo JPEG truncated at 40%").article("articles/ph-truncated.json", photoArticle("photos/ph-truncated.jpg"))
                .photo("photos/ph-truncated.jpg", PhotoFiles.truncated(PhotoFiles.jpeg(1600, 1000, 7), 0.4))
                .rejected("ph-truncated", "photo", "corrupt or truncated"));
        c.add(named("photo PNG truncated at 50%").article("articles/ph-truncated-png.json", photoArticle("photos/ph-truncated.png"))
                .photo("photos/ph-truncated.png", PhotoFiles.truncated(PhotoFiles.png(1600, 1000), 0.5))
                .rejected("ph-truncated-png", "photo", "corrupt or truncated|cannot decode"));
        c.add(named("WebP cut short (lossless: its reader would read on past the end)").article("articles/ph-webp-cut.json", photoArticle("photos/ph-cut.webp"))
                .photo("photos/ph-cut.webp", PhotoFiles.truncated(PhotoFiles.webpLossless(130, 47, 130, 47), 0.5))
                .rejected("ph-webp-cut", "photo", "the webp file is truncated: its header declares 2086 bytes, the file has 1043"));
        c.add(named("WebP canvas damaged to 130x356655 (image 130x47)").article("articles/ph-webp-canvas.json", photoArticle("photos/ph-canvas.webp"))
                .photo("photos/ph-canvas.webp", PhotoFiles.webpLossless(130, 356_655, 130, 47))
                .rejected("ph-webp-canvas", "photo", "its canvas is 130x356655 but its image is 130x47"));
        c.add(named("decompression bomb: 30000x30000 PNG").article("articles/ph-bomb.json", photoArticle("photos/ph-bomb.png"))
                .photo("photos/ph-bomb.png", PhotoFiles.pngBomb(30000, 30000))
                .rejected("ph-bomb", "photo", "30000x30000 = 900.0 megapixels, more than the limit"));
        c.add(named("animated GIF").article("articles/ph-gif.json", photoArticle("photos/ph-anim.gif"))
                .photo("photos/ph-anim.gif", PhotoFiles.animatedGif())
                .rejected("ph-gif", "photo", "not a supported image \\(gif\\)"));
        c.add(named("SVG with a script").article("articles/ph-svg.json", photoArticle("photos/ph-image.svg"))
                .photo("photos/ph-image.svg", PhotoFiles.svg())
                .rejected("ph-svg", "photo", "not a supported image"));
        c.add(named("JPEG with a corrupt ICC profile (published, profile ignored)").article("articles/ph-icc.json", photoArticle("photos/ph-icc.jpg"))
                .photo("photos/ph-icc.jpg", PhotoFiles.jpegWithCorruptIcc(PhotoFiles.jpeg(1600, 1000, 11)))
                .published("ph-icc"));
        c.add(named("JPEG with bogus EXIF (published, orientation ignored)").article("articles/ph-exif.json", photoArticle("photos/ph-exif.jpg"))
                .photo("photos/ph-exif.jpg", PhotoFiles.jpegWithBogusExif(PhotoFiles.jpeg(1600, 1000, 13)))
                .published("ph-exif"));
    }

    private static void events(List<CorpusCase> c) {
        c.add(named("unknown event name (ObjectRestore:Completed)").article("articles/e-restore.json", article("Restored"))
                .event((dir, key) -> S3EventJson.s3(dir, S3EventJson.record("ObjectRestore:Completed", BUCKET, key, "0100", TIME)))
                .ignored("ignored event ObjectRestore:Completed"));
        c.add(named("delete event sent to the publish function").article("articles/e-delete.json", article("Deleted"))
                .event((dir, key) -> S3EventJson.s3(dir, S3EventJson.record("ObjectRemoved:Delete", BUCKET, key, "0100", TIME)))
                .ignored("ignored event ObjectRemoved:Delete"));
        c.add(named("event from a foreign bucket").article("articles/e-foreign.json", article("Foreign"))
                .event((dir, key) -> S3EventJson.put(dir, "someone-elses-bucket", key, "0100", TIME))
                .ignored("ignored event from bucket someone-elses-bucket"));
        c.add(named("event for an article that is gone").eventKey("articles/e-gone.json").skipped());
        c.add(named("key with spaces (encoded +) and a plus (%2B)").article("articles/Breaking news + more.json", article("Plus and space"))
                .published("breaking-news-more"));
        c.add(named("key with non-ASCII characters").article("articles/Überraschung in Zürich – 東京.json", article("Zürich"))
                .published("uberraschung-in-zurich"));
        c.add(named("key with a literal %2B and +").article("articles/c%2B%2B+tips.json", article("Literal percent"))
                .published("c-2b-2b-tips"));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
