package io.masthead.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.masthead.site.Site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads an article into an {@link Article}, choosing the format by the key (see
 * {@link #parseWithReport}; ninjs, Markdown and plain text are mapped onto JSON v1 by their readers).
 * Article JSON v1 ({@code articles/{slug}.json}): checks it
 * against the shipped JSON Schema, then applies the rules a schema cannot express (trimmed
 * lengths, dates, URLs, safe photo keys) and the defaults. Every problem is an
 * {@link ArticleException} naming the article, the field and the problem.
 */
public final class ArticleParser {
    /** Articles are text; anything larger is a mistake, not an article. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** The error for a document of {@code size} bytes, above {@link #MAX_BYTES}; also for one refused before it is read. */
    public static ArticleException tooLarge(String key, long size) {
        return new ArticleException(key, "(document)", "is " + size + " bytes; the limit is " + MAX_BYTES);
    }

    public static final int MAX_HEADLINE = 300;
    private static final int SUMMARY_TARGET = 200;
    /** Keys the functions write: a photo may not point there. */
    public static final List<String> OUTPUT_PREFIXES = List.of("cards/", "share/", "items/", "feeds/", "errors/");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();
    private static final Schema SCHEMA = loadSchema();

    private final Site site;

    public ArticleParser(Site site) {
        this.site = site;
    }

    /**
     * Reads an article in whichever format its key names: {@code .md}/{@code .markdown} Markdown
     * with YAML front matter, {@code .txt} a plain-text page, anything else JSON (IPTC ninjs when
     * its fields say so, else article JSON v1). A plain-text page's adjacent photo is not looked
     * up here: use {@link #parseWithReport} and {@link ParsedArticle#resolvePhoto} for that.
     *
     * @param key       the object key, e.g. {@code articles/my-story.json}; names the article in errors
     * @param bytes     the object's bytes
     * @param eventTime when the upload happened; the default for {@code published}
     */
    public Article parse(String key, byte[] bytes, OffsetDateTime eventTime) {
        return parseWithReport(key, bytes, eventTime).article();
    }

    /** As {@link #parse}, with the import report and the photo lead still to resolve against the bucket. */
    public ParsedArticle parseWithReport(String key, byte[] bytes, OffsetDateTime eventTime) {
        if (bytes.length == 0) throw new ArticleException(key, "(document)", "is empty");
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(key, bytes.length);
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return new MarkdownReader(this, site).read(key, decodeUtf8(key, bytes), eventTime);
        }
        if (lower.endsWith(".txt")) {
            return new PlainTextReader(this).read(key, decodeUtf8(key, bytes), eventTime);
        }
        JsonNode root = readJson(key, bytes);
        if (NinjsReader.isNinjs(root)) return new NinjsReader(this, site).read(key, root, eventTime);
        return new ParsedArticle(fromJson(key, root, eventTime), JsonV1Report.of(root), null);
    }

    /**
     * Article JSON v1 as a tree: schema, rules and defaults. The other formats' readers map their
     * documents onto this tree, so every format meets the same rules.
     */
    Article fromJson(String key, JsonNode root, OffsetDateTime eventTime) {
        String name = key;
        if (!root.isObject()) {
            throw new ArticleException(name, "(document)", "must be a JSON object, found " + describe(root));
        }
        List<Error> errors = SCHEMA.validate(root);
        if (!errors.isEmpty()) throw schemaError(name, errors.get(0));

        String slug = slug(name, root, key);
        name = key + " (" + slug + ")";
        String headline = text(root, "headline");
        headline = cleanLine(headline);
        if (headline.isEmpty()) throw new ArticleException(name, "headline", "is empty after removing spaces and control characters");
        if (headline.codePointCount(0, headline.length()) > MAX_HEADLINE) {
            throw new ArticleException(name, "headline", "is longer than " + MAX_HEADLINE + " characters");
        }
        String url = root.has("url") ? httpUrl(name, "url", text(root, "url")) : site.url() + "/" + slug;
        String bodyHtml = text(root, "bodyHtml");
        String summary = root.has("summary") ? cleanText(text(root, "summary")) : BodyText.firstParagraph(bodyHtml, SUMMARY_TARGET);
        OffsetDateTime published = root.has("published") ? date(name, "published", text(root, "published")) : eventTime;
        OffsetDateTime updated = root.has("updated") ? date(name, "updated", text(root, "updated")) : published;
        if (updated.isBefore(published)) {
            throw new ArticleException(name, "updated", "is before published (" + updated + " < " + published + ")");
        }
        String language = root.has("language") ? text(root, "language") : "en";
        Locale locale = Locale.forLanguageTag(language);
        if (locale.getLanguage().isEmpty()) throw new ArticleException(name, "language", "is not a BCP 47 language tag: " + language);
        return new Article(slug, headline, url, summary, cleanLine(text(root, "section")),
                authors(name, root.path("authors")), published, updated, locale.toLanguageTag(),
                tags(root.path("tags")), bodyHtml, photo(name, root.path("photo")),
                "withdrawn".equals(text(root, "status")) ? Status.WITHDRAWN : Status.PUBLISHED);
    }

    /** The slug an article key stands for, before reading it: used to name outputs on delete. */
    public static String slugOfKey(String key) {
        String file = key.substring(key.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return Slugs.slugify(dot > 0 ? file.substring(0, dot) : file);
    }

    private static String slug(String name, JsonNode root, String key) {
        if (root.has("slug")) return text(root, "slug");
        String slug = slugOfKey(key);
        if (slug.isEmpty()) throw new ArticleException(name, "slug", "cannot be made from the key; give a slug field");
        return slug;
    }

    private static JsonNode readJson(String name, byte[] bytes) {
        String text = decodeUtf8(name, bytes);
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode node = JSON.readTree(parser);
            if (node == null) throw new ArticleException(name, "(document)", "is empty");
            if (parser.nextToken() != null) throw new ArticleException(name, "(document)", "has content after the JSON value");
            return node;
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new ArticleException(name, "(document)", "is not valid JSON: " + message);
        }
    }

    /** The document as text: strict UTF-8, a leading byte order mark skipped. */
    static String decodeUtf8(String name, byte[] bytes) {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3; // a UTF-8 byte order mark is legal at the start of a text file; skip it
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new ArticleException(name, "(document)", "is not valid UTF-8");
        }
        return text;
    }

    private static ArticleException schemaError(String name, Error error) {
        String field = fieldName(error.getInstanceLocation().toString());
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
            return new ArticleException(name, field, "is required");
        }
        String message = error.getMessage();
        // The library's message starts with the location; the field is named separately.
        message = message.replaceFirst("^[$/][^:]*:\\s*", "");
        return new ArticleException(name, field.isEmpty() ? "(document)" : field, message);
    }

    /** {@code /photo/focus/x} or {@code $.photo.focus.x} becomes {@code photo.focus.x}; array indexes as {@code [i]}. */
    private static String fieldName(String location) {
        String path = location.replaceFirst("^\\$\\.?", "").replaceFirst("^/", "");
        return path.replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }

    private static OffsetDateTime date(String name, String field, String value) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new ArticleException(name, field, "is not an RFC 3339 date-time with offset (e.g. 2024-01-05T10:00:00Z): " + value);
        }
        if (time.getYear() < 1900 || time.getYear() > 2200) {
            throw new ArticleException(name, field, "has an implausible year " + time.getYear());
        }
        return time;
    }

    private static String httpUrl(String name, String field, String value) {
        try {
            URI uri = new URI(value.trim());
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (Exception e) {
            // fall through to the error below
        }
        throw new ArticleException(name, field, "must be an absolute http(s) URL: " + value);
    }

    private static List<Author> authors(String name, JsonNode authors) {
        List<Author> result = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            JsonNode a = authors.get(i);
            String field = "authors[" + i + "]";
            String authorName = cleanLine(a.isTextual() ? a.asText() : text(a, "name"));
            if (authorName.isEmpty()) throw new ArticleException(name, field, "has an empty name");
            String url = a.isObject() && a.hasNonNull("url") ? httpUrl(name, field + ".url", text(a, "url")) : "";
            result.add(new Author(authorName, url));
        }
        return result;
    }

    private static List<String> tags(JsonNode tags) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        tags.forEach(t -> {
            String tag = cleanLine(t.asText());
            if (!tag.isEmpty()) result.add(tag);
        });
        return List.copyOf(result);
    }

    private static Photo photo(String name, JsonNode photo) {
        if (photo.isMissingNode() || photo.isNull()) return null;
        String key = text(photo, "key").trim();
        PhotoKeys.check(name, key);
        JsonNode focus = photo.get("focus");
        return new Photo(key, cleanText(text(photo, "caption")), cleanText(text(photo, "alt")),
                cleanLine(text(photo, "credit")),
                focus == null ? null : new Focus(focus.get("x").asDouble(), focus.get("y").asDouble()));
    }

    /** One line of text: control characters and lone surrogates removed, white space folded. */
    public static String cleanLine(String s) {
        // \p{Z} also folds the no-break and other Unicode spaces that \s and trim() leave in place
        return cleanText(s).replaceAll("[\\s\\p{Z}]+", " ").trim();
    }

    /** Text: control characters (except line breaks and tabs) and lone surrogates removed, trimmed. */
    public static String cleanText(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                continue;
            } else if (c == '\n' || c == '\t' || c == '\r') {
                out.append(c);
            } else if (!Character.isISOControl(c) && c != '\u2028' && c != '\u2029' && c != '\uFEFF') {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static Schema loadSchema() {
        try (InputStream in = ArticleParser.class.getResourceAsStream("article-v1.schema.json")) {
            return SchemaCheck.registry().getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the article schema ships in the jar", e);
        }
    }
}
