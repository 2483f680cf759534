package io.masthead.article;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import io.masthead.site.Site;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Markdown with YAML front matter ({@code articles/*.md}, as Hugo and Jekyll users write
 * it): the front matter's keys map like article JSON v1, plus the static-site generators' common
 * names; the body is CommonMark (with tables) rendered to HTML with raw HTML escaped and unsafe
 * link schemes removed, so a document cannot put script on our pages.
 */
final class MarkdownReader {
    static final String FORMAT = "markdown";
    private static final YAMLMapper YAML = yamlMapper();
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\R(?:(.*?)\\R)?(?:---|\\.\\.\\.)[ \\t]*(?:\\R|\\z)", Pattern.DOTALL);
    /** Front-matter keys for the photo's words, used only together with an image. */
    private static final List<String> PHOTO_WORDS = List.of("caption", "credit", "alt", "image_alt", "image_caption", "image_credit");

    private final ArticleParser parser;
    private final Site site;

    MarkdownReader(ArticleParser parser, Site site) {
        this.parser = parser;
        this.site = site;
    }

    ParsedArticle read(String key, String text, OffsetDateTime eventTime) {
        ImportReport.Builder report = new ImportReport.Builder(FORMAT);
        V1Tree tree = new V1Tree(report);
        String body = text;
        JsonNode front = JsonNodeFactory.instance.objectNode();
        if (text.startsWith("+++")) {
            throw new ArticleException(key, "(front matter)", "is TOML (+++); write it as YAML between --- lines");
        }
        Matcher m = FRONT_MATTER.matcher(text);
        if (m.find()) {
            front = readYaml(key, m.group(1) == null ? "" : m.group(1));
            body = text.substring(m.end());
        } else if (text.startsWith("---")) {
            throw new ArticleException(key, "(front matter)", "has no closing --- line");
        } else {
            report.guess("no front matter: the first heading is the headline");
        }
        mapFrontMatter(key, front, tree, report, site);

        Node document = MARKDOWN.parse(body);
        Node first = document.getFirstChild();
        if (first instanceof Heading heading && heading.getLevel() == 1) {
            String title = ArticleParser.cleanLine(textOf(heading));
            if (!tree.has("headline")) {
                tree.put("headline", "# heading", title);
                heading.unlink();
            } else if (title.equals(ArticleParser.cleanLine(headlineOf(front)))) {
                report.guess("body: the first heading repeats the headline; left out of the body");
                heading.unlink();
            }
        }
        RawHtml raw = new RawHtml();
        document.accept(raw);
        if (raw.found) report.ignored("(raw HTML in the body)", "shown as text, never run: Markdown bodies are escaped");
        String html = HTML.render(document).trim();
        if (!html.isEmpty()) tree.put("bodyHtml", "(body)", html);
        if (!tree.has("headline")) {
            throw new ArticleException(key, "title", "is required: give title (or headline) in the front matter, or start the body with a # heading");
        }
        return new ParsedArticle(tree.build(parser, key, eventTime), report.build(), null);
    }

    private static void mapFrontMatter(String key, JsonNode front, V1Tree tree, ImportReport.Builder report, Site site) {
        Set<String> used = new HashSet<>();
        Rules rules = new Rules(key, front, tree, report, used, site);
        rules.text("headline", "headline", "title");
        rules.text("slug", "slug");
        rules.text("url", "url");
        rules.text("summary", "summary", "description");
        rules.text("section", "section", "category");
        rules.text("language", "language", "lang");
        rules.text("status", "status");
        rules.date("published", front.path("published").isBoolean() ? List.of("date", "publishDate")
                : List.of("published", "date", "publishDate"));
        rules.date("updated", List.of("updated", "lastmod", "last_modified_at", "modified"));
        categoriesAndTags(front, tree, report, used);
        rules.authors();
        rules.unpublished();
        rules.photo();
        front.fieldNames().forEachRemaining(name -> {
            if (!used.contains(name)) {
                report.ignored(name, PHOTO_WORDS.contains(name) ? "no image to describe" : "not an article field");
            }
        });
    }

    /** How each article field is found in front matter; every key looked at is marked used. */
    private record Rules(String key, JsonNode front, V1Tree tree, ImportReport.Builder report, Set<String> used, Site site) {
        /** The first of {@code names} present gives {@code field}; the others are reported as ignored. */
        void text(String field, String... names) {
            first(field, List.of(names)).ifPresent(name -> {
                JsonNode value = front.get(name);
                if (value.isContainerNode()) {
                    throw new ArticleException(key, name, "must be text, found a " + (value.isArray() ? "list" : "mapping"));
                }
                tree.put(field, name, value.asText());
            });
        }

        void date(String field, List<String> names) {
            first(field, names).ifPresent(name -> {
                JsonNode value = front.get(name);
                LooseDates.Reading reading = LooseDates.read(value.asText());
                if (reading == null) {
                    throw new ArticleException(key, name, "is not a date (e.g. 2024-01-05T14:20:00Z or 2024-01-05): " + value.asText());
                }
                tree.put(field, name, reading.iso());
                if (!reading.assumption().isEmpty()) {
                    report.guess(field + ": " + name + " \"" + value.asText() + "\": " + reading.assumption());
                }
            });
        }

        /** Marks every present name used, reports all but the first as ignored, and returns the first. */
        private java.util.Optional<String> first(String field, List<String> names) {
            String chosen = null;
            for (String name : names) {
                JsonNode value = front.get(name);
                if (value == null || value.isNull()) continue;
                used.add(name);
                if (chosen == null) chosen = name;
                else report.ignored(name, chosen + " gives " + field);
            }
            return java.util.Optional.ofNullable(chosen);
        }

        void authors() {
            for (String name : List.of("authors", "author")) {
                JsonNode value = front.get(name);
                if (value == null || value.isNull()) continue;
                used.add(name);
                if (tree.has("authors")) {
                    report.ignored(name, "authors is given");
                    continue;
                }
                ArrayNode authors = JsonNodeFactory.instance.arrayNode();
                if (value.isArray()) value.forEach(authors::add);
                else authors.add(value.isObject() ? value : JsonNodeFactory.instance.textNode(value.asText()));
                tree.put("authors", name, authors);
            }
        }

        /** Jekyll's {@code published: false} and Hugo's {@code draft: true} keep an article off the site. */
        void unpublished() {
            JsonNode published = front.path("published");
            if (published.isBoolean()) {
                used.add("published");
                if (!published.asBoolean() && !tree.has("status")) {
                    tree.put("status", "published", "withdrawn");
                    report.guess("status: published: false (Jekyll) means not on the site; withdrawn");
                } else report.ignored("published", published.asBoolean() ? "true is the default" : "status is given");
            }
            JsonNode draft = front.path("draft");
            if (draft.isBoolean()) {
                used.add("draft");
                if (draft.asBoolean() && !tree.has("status")) {
                    tree.put("status", "draft", "withdrawn");
                    report.guess("status: draft: true (Hugo) means not on the site; withdrawn");
                } else report.ignored("draft", draft.asBoolean() ? "status is given" : "false is the default");
            }
        }

        void photo() {
            if (front.path("photo").isObject()) {
                used.add("photo");
                tree.put("photo", "photo", front.get("photo"));
            }
            for (String name : List.of("image", "images")) {
                JsonNode value = front.get(name);
                if (value == null || value.isNull()) continue;
                used.add(name);
                if (tree.has("photo.key")) {
                    report.ignored(name, "the photo is given");
                    continue;
                }
                image(key, site, tree, report, name, value);
            }
            if (!tree.has("photo.key")) return;
            for (String name : PHOTO_WORDS) {
                JsonNode value = front.get(name);
                if (value == null || !value.isValueNode()) continue;
                used.add(name);
                String field = name.contains("caption") ? "photo.caption" : name.contains("credit") ? "photo.credit" : "photo.alt";
                if (tree.has(field)) report.ignored(name, field + " is given");
                else tree.put(field, name, value.asText());
            }
        }
    }

    /** Jekyll's and Hugo's categories: the first is the section, the rest are tags unless tags are given. */
    private static void categoriesAndTags(JsonNode front, V1Tree tree, ImportReport.Builder report, Set<String> used) {
        if (front.has("tags")) {
            used.add("tags");
            tree.put("tags", "tags", list(front.get("tags"), report, "tags"));
        }
        if (!front.has("categories")) return;
        used.add("categories");
        ArrayNode all = list(front.get("categories"), report, "categories");
        if (!all.isEmpty() && !tree.has("section")) {
            tree.put("section", "categories[0]", all.remove(0).asText());
        }
        if (all.isEmpty()) return;
        if (tree.has("tags")) {
            report.ignored("categories[1..]", "tags are given");
        } else {
            tree.put("tags", "categories[1..]", all);
            report.guess("tags: the categories after the first");
        }
    }

    /** A list, or one scalar ("a, b" split at commas) as a list. */
    private static ArrayNode list(JsonNode value, ImportReport.Builder report, String source) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (value.isArray()) {
            value.forEach(v -> {
                if (v.isValueNode() && !v.isNull()) out.add(v.asText());
            });
        } else if (value.isValueNode() && !value.isNull()) {
            for (String part : value.asText().split(",")) {
                if (!part.isBlank()) out.add(part.trim());
            }
            if (out.size() > 1) report.guess(source + ": one text, split at commas");
        }
        return out;
    }



    private static void image(String article, Site site, V1Tree tree, ImportReport.Builder report, String source, JsonNode value) {
        if (tree.has("photo.key")) {
            report.ignored(source, "the photo is already given");
            return;
        }
        JsonNode image = value;
        String from = source;
        if (value.isArray()) {
            if (value.isEmpty()) return;
            image = value.get(0);
            from = source + "[0]";
            if (value.size() > 1) report.ignored(source + "[1..]", "one photo per article; the first is used");
        }
        String srcField = image.isObject() ? firstTextField(image, "key", "src", "path", "url") : null;
        String src = srcField == null ? image.asText("") : image.get(srcField).asText();
        if (image.isObject() && srcField == null) {
            throw new ArticleException(article, from, "needs key, src, path or url: the photo's key in the bucket");
        }
        if (image.isObject()) {
            for (String word : List.of("caption", "alt", "credit")) {
                if (image.path(word).isValueNode()) tree.put("photo." + word, from + "." + word, image.get(word).asText());
            }
            if (image.has("focus")) tree.put("photo.focus", from + ".focus", image.get("focus"));
        }
        String photoKey = BucketHrefs.keyOf(site, src);
        if (photoKey == null) {
            // Photos are read from the bucket only; the article JSON rules reject a URL with a clear error.
            photoKey = src;
        } else if (!photoKey.equals(src.trim())) {
            report.guess("photo.key: " + from + " \"" + src + "\" read as the bucket key " + photoKey);
        }
        tree.put("photo.key", srcField == null ? from : from + "." + srcField, photoKey);
    }


    private static String firstTextField(JsonNode node, String... names) {
        for (String n : names) {
            if (node.path(n).isTextual()) return n;
        }
        return null;
    }

    private static String headlineOf(JsonNode front) {
        return front.path("headline").asText(front.path("title").asText(""));
    }

    private static JsonNode readYaml(String key, String yaml) {
        if (yaml.isBlank()) return JsonNodeFactory.instance.objectNode();
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || node.isMissingNode() || node.isNull()) return JsonNodeFactory.instance.objectNode();
            if (!node.isObject()) throw new ArticleException(key, "(front matter)", "must be key: value lines");
            return node;
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new ArticleException(key, "(front matter)", "is not valid YAML: " + message);
        }
    }

    private static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString();
    }

    private static final class RawHtml extends AbstractVisitor {
        boolean found;

        @Override
        public void visit(HtmlBlock htmlBlock) {
            found = true;
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            found = true;
        }
    }

    private static YAMLMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        // Jackson reads YAML as events and never expands aliases; these limits guard the loader all the same.
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(ArticleParser.MAX_BYTES);
        return YAMLMapper.builder(YAMLFactory.builder().loaderOptions(options).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
