package io.masthead.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.masthead.site.Site;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads IPTC ninjs 2.x and 3.x (News in JSON) onto the article model. 3.x spells its properties
 * in camelCase ({@code firstCreated}), 2.x in lower case ({@code firstcreated}); the document is
 * checked against the schema of its version, then mapped field by field, see docs/article-formats.md.
 */
final class NinjsReader {
    /** Properties only ninjs has; with {@code uri}, any of them marks a JSON document as ninjs. */
    private static final List<String> MARKERS = List.of("headlines", "bodies", "descriptions", "type", "version",
            "firstCreated", "firstcreated", "versionCreated", "versioncreated", "pubStatus", "pubstatus",
            "associations", "renditions", "standard", "representationType", "representationtype");
    private static final List<String> CAMEL = List.of("firstCreated", "versionCreated", "contentCreated", "pubStatus",
            "embargoedUntil", "copyrightNotice", "copyrightHolder", "usageTerms", "edNote", "altIds", "infoSources",
            "trustIndicators", "rightsInfo", "representationType", "digitalSourceType");
    private static final Set<String> MAIN_ROLES = Set.of("", "main", "headline", "body", "text");
    private static final Set<String> SUMMARY_ROLES = Set.of("", "summary", "abstract", "lead", "teaser", "description", "standfirst");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i)by\\s+");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*,\\s*|\\s+and\\s+|\\s*&\\s*");
    private static final Pattern COPYRIGHT_MARK = Pattern.compile("^(?i)(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*)?[,:]?\\s*");
    private static final Pattern HTML_TAG = Pattern.compile("<[a-zA-Z/!]");

    private final ArticleParser parser;
    private final Site site;

    NinjsReader(ArticleParser parser, Site site) {
        this.parser = parser;
        this.site = site;
    }

    /** True when {@code root} is a ninjs news object rather than article JSON v1 (which has a {@code headline}). */
    static boolean isNinjs(JsonNode root) {
        if (!root.isObject() || !root.path("uri").isTextual() || root.has("headline")) return false;
        return MARKERS.stream().anyMatch(root::has);
    }

    /** 3 or 2: from {@code standard.version} when given, else from how the properties are spelled. */
    static int majorVersion(JsonNode root) {
        String declared = root.path("standard").path("version").asText("");
        if (declared.startsWith("2")) return 2;
        if (declared.startsWith("3")) return 3;
        if (root.has("embargoed")) return 2;
        for (String camel : CAMEL) {
            if (root.has(camel)) return 3;
            if (root.has(camel.toLowerCase(Locale.ROOT))) return 2;
        }
        for (String blocks : List.of("headlines", "bodies", "descriptions")) {
            for (JsonNode block : root.path(blocks)) {
                if (block.has("contentType")) return 3;
                if (block.has("contenttype")) return 2;
            }
        }
        return 3;
    }

    ParsedArticle read(String key, JsonNode root, OffsetDateTime eventTime) {
        int version = majorVersion(root);
        (version == 2 ? Schemas.V2 : Schemas.V3).check(key, root);
        Names n = new Names(version);
        ImportReport.Builder report = new ImportReport.Builder("ninjs " + version + ".x");
        V1Tree tree = new V1Tree(report);
        Set<String> used = new LinkedHashSet<>();

        headline(key, root, tree, report, used);
        body(root, n, tree, report, used);
        summary(root, n, tree, report, used);
        authors(root, tree, report, used);
        subjects(root, tree, report, used);
        dates(key, root, n, tree, report, used, eventTime);
        if (root.has("language")) {
            tree.put("language", "language", root.get("language").asText());
            used.add("language");
        }
        status(root, n, tree, used);
        PhotoLead lead = photo(key, root, n, report, used);

        if (root.has("uri")) {
            report.ignored("uri", "an identifier, not the article's address; url is SITE_URL/{slug}");
            used.add("uri");
        }
        root.fieldNames().forEachRemaining(field -> {
            if (!used.contains(field)) report.ignored(field, "no article field for it");
        });
        if (lead != null) {
            report.guess("photo: the largest rendition that exists in the bucket, chosen when publishing");
        }
        Article article = tree.build(parser, key, eventTime);
        return new ParsedArticle(article, report.build(), lead);
    }

    private static void headline(String key, JsonNode root, V1Tree tree, ImportReport.Builder report, Set<String> used) {
        int chosen = pick(root.path("headlines"), MAIN_ROLES);
        if (chosen >= 0) {
            JsonNode h = root.get("headlines").get(chosen);
            tree.put("headline", "headlines[" + chosen + "]", plain(h));
            ignoreOthers(root.path("headlines"), "headlines", chosen, "only the main headline is used", report);
            used.add("headlines");
        } else if (root.path("title").isTextual()) {
            tree.put("headline", "title", root.get("title").asText());
            report.guess("headline: no headlines; the title (metadata) is used as the headline");
            used.add("title");
        } else {
            throw new ArticleException(key, "headlines", "is required: the item has no headline to publish");
        }
        if (root.has("title") && !used.contains("title")) {
            report.ignored("title", "metadata; the headline comes from headlines");
            used.add("title");
        }
    }

    private static void body(JsonNode root, Names n, V1Tree tree, ImportReport.Builder report, Set<String> used) {
        JsonNode bodies = root.path("bodies");
        int html = -1, plain = -1;
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode b = bodies.get(i);
            if (!MAIN_ROLES.contains(b.path("role").asText("").toLowerCase(Locale.ROOT))) continue;
            String type = b.path(n.of("contentType")).asText("").toLowerCase(Locale.ROOT);
            if (type.contains("html") && html < 0) html = i;
            else if (!type.contains("html") && plain < 0) plain = i;
        }
        int chosen = html >= 0 ? html : plain;
        if (chosen < 0 && !bodies.isEmpty()) chosen = 0;
        if (chosen < 0) return;
        JsonNode b = bodies.get(chosen);
        String type = b.path(n.of("contentType")).asText("").toLowerCase(Locale.ROOT);
        String value = b.path("value").asText("");
        String bodyHtml;
        if (type.contains("html") || (type.isEmpty() && value.trim().startsWith("<"))) {
            // A provider's HTML goes onto our pages: keep the structure, drop scripts, handlers and styles.
            bodyHtml = Jsoup.clean(value, Safelist.relaxed());
            if (type.isEmpty()) report.guess("bodies[" + chosen + "]: no content type; read as HTML because it starts with a tag");
        } else {
            bodyHtml = PlainParagraphs.toHtml(value);
        }
        tree.put("bodyHtml", "bodies[" + chosen + "]", bodyHtml);
        ignoreOthers(bodies, "bodies", chosen, "only one body is used (HTML preferred)", report);
        used.add("bodies");
    }

    private static void summary(JsonNode root, Names n, V1Tree tree, ImportReport.Builder report, Set<String> used) {
        JsonNode descriptions = root.path("descriptions");
        if (descriptions.isEmpty()) {
            if (root.has("descriptions")) used.add("descriptions");
            return;
        }
        int chosen = pick(descriptions, SUMMARY_ROLES);
        if (chosen >= 0) tree.put("summary", "descriptions[" + chosen + "]", plain(descriptions.get(chosen)));
        ignoreOthers(descriptions, "descriptions", chosen, "only the summary description is used", report);
        used.add("descriptions");
    }

    private static void authors(JsonNode root, V1Tree tree, ImportReport.Builder report, Set<String> used) {
        if (!root.path("by").isTextual()) return;
        used.add("by");
        String by = BY_PREFIX.matcher(ArticleParser.cleanLine(root.get("by").asText())).replaceFirst("");
        if (by.isEmpty()) return;
        ArrayNode authors = JsonNodeFactory.instance.arrayNode();
        for (String name : NAME_SEPARATORS.split(by)) {
            if (!name.isBlank()) authors.add(name.trim());
        }
        tree.put("authors", "by", authors);
        if (authors.size() > 1) report.guess("authors: \"" + by + "\" read as " + authors.size() + " names");
    }

    private static void subjects(JsonNode root, V1Tree tree, ImportReport.Builder report, Set<String> used) {
        JsonNode subjects = root.path("subjects");
        if (subjects.isMissingNode()) return;
        used.add("subjects");
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < subjects.size(); i++) {
            JsonNode s = subjects.get(i);
            String name = s.path("name").asText(s.path("literal").asText("")).trim();
            if ("section".equalsIgnoreCase(s.path("rel").asText("")) && !tree.has("section") && !name.isEmpty()) {
                tree.put("section", "subjects[" + i + "]", name);
            } else if (!name.isEmpty()) {
                tags.add(name);
            } else {
                report.ignored("subjects[" + i + "]", "neither name nor literal");
            }
        }
        if (!tags.isEmpty()) tree.put("tags", "subjects", tags);
    }

    private static void dates(String key, JsonNode root, Names n, V1Tree tree, ImportReport.Builder report,
                              Set<String> used, OffsetDateTime eventTime) {
        String first = n.of("firstCreated"), version = n.of("versionCreated"), embargo = n.embargo();
        if (root.has(first)) {
            tree.put("published", first, root.get(first).asText());
            used.add(first);
        }
        if (root.has(version)) {
            tree.put(root.has(first) ? "updated" : "published", version, root.get(version).asText());
            if (!root.has(first)) report.guess("published: no " + first + "; the version's time " + version + " is used");
            used.add(version);
        }
        if (root.has(embargo)) {
            used.add(embargo);
            LooseDates.Reading until = LooseDates.read(root.get(embargo).asText());
            if (until == null) throw new ArticleException(key, embargo, "is not a date-time: " + root.get(embargo).asText());
            if (until.time().isAfter(eventTime)) {
                throw new ArticleException(key, embargo, "is " + until.iso() + ", after the upload (" + eventTime
                        + "): an upload is published at once, so upload it after the embargo");
            }
            report.ignored(embargo, "already passed at upload");
        }
    }

    private static void status(JsonNode root, Names n, V1Tree tree, Set<String> used) {
        String field = n.of("pubStatus");
        if (!root.has(field)) return;
        used.add(field);
        String value = root.get(field).asText();
        tree.put("status", field, "usable".equals(value) ? "published" : "withdrawn");
    }

    /** The picture association: its renditions become candidate keys, largest first. */
    private PhotoLead photo(String key, JsonNode root, Names n, ImportReport.Builder report, Set<String> used) {
        JsonNode associations = root.path("associations");
        if (associations.isMissingNode()) return null;
        used.add("associations");
        int picture = -1;
        for (int i = 0; i < associations.size(); i++) {
            JsonNode a = associations.get(i);
            boolean isPicture = "picture".equals(a.path("type").asText(""))
                    || (!a.has("type") && a.path("name").asText("").toLowerCase(Locale.ROOT).matches(".*(picture|photo|image).*"));
            if (isPicture && picture < 0) picture = i;
            else report.ignored("associations[" + i + "]", isPicture ? "only the first picture is used"
                    : "not a picture (" + a.path("type").asText("no type") + ")");
        }
        if (picture < 0) return null;
        String at = "associations[" + picture + "]";
        JsonNode a = associations.get(picture);
        List<Rendition> renditions = new ArrayList<>();
        JsonNode list = a.path("renditions");
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String field = at + ".renditions[" + i + "]";
            String href = r.path("href").asText("");
            if (href.isBlank()) {
                report.ignored(field, "no href");
                continue;
            }
            String problem = keyProblem(key, href);
            if (problem != null) {
                report.ignored(field, problem);
                continue;
            }
            renditions.add(new Rendition(i, BucketHrefs.keyOf(site, href), r.path("width").asLong(0) * r.path("height").asLong(0), focus(r)));
        }
        if (renditions.isEmpty()) {
            report.ignored(at, "no rendition names a key in this bucket; a text card is used");
            return null;
        }
        // Largest first; renditions of unknown size keep their order after the measured ones.
        renditions.sort(Comparator.comparingLong(Rendition::area).reversed().thenComparingInt(Rendition::index));
        List<PhotoLead.Candidate> candidates = renditions.stream().map(r -> new PhotoLead.Candidate(r.key(), r.focus())).toList();
        for (Rendition r : renditions) report.mapped(at + ".renditions[" + r.index() + "].href", "photo.key (candidate)");

        String caption = "";
        int h = pick(a.path("headlines"), MAIN_ROLES);
        if (h >= 0) {
            caption = plain(a.path("headlines").get(h));
            report.mapped(at + ".headlines[" + h + "]", "photo.caption");
        }
        String alt = "";
        int d = pick(a.path("descriptions"), Set.of("", "alt", "alternative", "caption", "summary", "description"));
        if (d >= 0) {
            alt = plain(a.path("descriptions").get(d));
            report.mapped(at + ".descriptions[" + d + "]", "photo.alt");
        }
        String credit = "";
        String notice = n.of("copyrightNotice");
        if (a.path("by").isTextual() && !a.get("by").asText().isBlank()) {
            credit = a.get("by").asText();
            report.mapped(at + ".by", "photo.credit");
        } else if (a.path(notice).isTextual() && !a.get(notice).asText().isBlank()) {
            String full = ArticleParser.cleanLine(a.get(notice).asText());
            credit = COPYRIGHT_MARK.matcher(full).replaceFirst("");
            report.mapped(at + "." + notice, "photo.credit");
            if (credit.isEmpty()) credit = full;
            else if (!credit.equals(full)) report.guess("photo.credit: \"" + credit + "\" from the notice \"" + full + "\"");
        }
        return new PhotoLead(candidates, "", ArticleParser.cleanText(caption), ArticleParser.cleanText(alt),
                ArticleParser.cleanLine(credit));
    }

    private record Rendition(int index, String key, long area, Focus focus) {
    }

    /** Why {@code href} cannot be a photo key, or null when it can. */
    private String keyProblem(String article, String href) {
        String key = BucketHrefs.keyOf(site, href);
        if (key == null) return "an external URL (" + href + "); photos are read from this bucket only";
        try {
            PhotoKeys.check(article, key);
            return null;
        } catch (ArticleException e) {
            return e.problem();
        }
    }


    /** A rendition's point of interest (pixels) as fractions of its size, or null. */
    private static Focus focus(JsonNode rendition) {
        JsonNode poi = rendition.path("poi");
        long w = rendition.path("width").asLong(0), h = rendition.path("height").asLong(0);
        if (!poi.has("x") || !poi.has("y") || w <= 0 || h <= 0) return null;
        double x = poi.get("x").asDouble() / w, y = poi.get("y").asDouble() / h;
        return x >= 0 && x <= 1 && y >= 0 && y <= 1 ? new Focus(x, y) : null;
    }

    /** The first block whose role is one of {@code roles} (no role counts as ""), else the first; -1 when none. */
    private static int pick(JsonNode blocks, Set<String> roles) {
        for (int i = 0; i < blocks.size(); i++) {
            if (roles.contains(blocks.get(i).path("role").asText("").toLowerCase(Locale.ROOT))) return i;
        }
        return blocks.isEmpty() ? -1 : 0;
    }

    /** A text block's value as plain text, tags removed when it is HTML. */
    private static String plain(JsonNode block) {
        String value = block.path("value").asText("");
        return HTML_TAG.matcher(value).find() ? Jsoup.parseBodyFragment(value).text() : value;
    }

    private static void ignoreOthers(JsonNode blocks, String field, int chosen, String reason, ImportReport.Builder report) {
        for (int i = 0; i < blocks.size(); i++) {
            if (i == chosen) continue;
            String role = blocks.get(i).path("role").asText("");
            report.ignored(field + "[" + i + "]" + (role.isEmpty() ? "" : " (" + role + ")"), reason);
        }
    }

    /** Property names of one major version: 3.x camelCase, 2.x lower case. */
    private record Names(int version) {
        String of(String camel) {
            return version == 2 ? camel.toLowerCase(Locale.ROOT) : camel;
        }

        String embargo() {
            return version == 2 ? "embargoed" : "embargoedUntil";
        }
    }

    /** Loaded with the first ninjs document, not with the first JSON document the parser looks at. */
    private static final class Schemas {
        static final SchemaCheck V2 = SchemaCheck.load("ninjs/ninjs-2.x.schema.json");
        static final SchemaCheck V3 = SchemaCheck.load("ninjs/ninjs-3.x.schema.json");
    }
}
