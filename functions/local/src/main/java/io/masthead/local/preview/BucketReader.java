package io.masthead.local.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads what publishing wrote to the bucket, through the S3 API, as the preview shows it. */
public final class BucketReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final S3Client s3;
    private final String bucket;

    public BucketReader(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Every article with a {@code share/{slug}.json}, newest first (by published time, then slug). */
    public List<PublishedArticle> articles() {
        FeedReader feeds = new FeedReader(bytes("feeds/rss.xml"), bytes("feeds/atom.xml"), bytes("feeds/feed.json"));
        List<PublishedArticle> articles = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("share/")).contents()) {
            String key = object.key();
            if (!key.endsWith(".json") || key.endsWith(".oembed.json")) {
                continue;
            }
            String slug = key.substring("share/".length(), key.length() - ".json".length());
            byte[] metadata = bytes(key);
            if (metadata == null) {
                continue; // removed while listing
            }
            JsonNode node;
            try {
                node = JSON.readTree(metadata);
            } catch (Exception e) {
                continue;
            }
            byte[] html = bytes("share/" + slug + ".html");
            String canonical = node.path("urls").path("canonical").asText("");
            articles.add(new PublishedArticle(slug, node, html == null ? List.of() : tags(html),
                    feeds.entriesFor(canonical), node.path("published").asText("")));
        }
        articles.sort(Comparator.comparing(PublishedArticle::published).reversed()
                .thenComparing(PublishedArticle::slug));
        return articles;
    }

    /** The head of a share page as crawlers read it: title, links, meta tags and JSON-LD, in page order. */
    static List<ShareTag> tags(byte[] html) {
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        List<ShareTag> tags = new ArrayList<>();
        for (Element e : doc.head().children()) {
            switch (e.tagName()) {
                case "title" -> tags.add(new ShareTag("title", "title", e.text()));
                case "meta" -> {
                    if (e.hasAttr("charset")) {
                        tags.add(new ShareTag("meta", "charset", e.attr("charset")));
                    } else if (e.hasAttr("http-equiv")) {
                        tags.add(new ShareTag("meta", "http-equiv " + e.attr("http-equiv"), e.attr("content")));
                    } else {
                        String name = e.hasAttr("property") ? e.attr("property") : e.attr("name");
                        tags.add(new ShareTag("meta", name, e.attr("content")));
                    }
                }
                case "link" -> tags.add(new ShareTag("link", e.attr("rel")
                        + (e.hasAttr("type") ? " " + e.attr("type") : ""), e.attr("href")));
                case "script" -> {
                    if (e.attr("type").equals("application/ld+json")) {
                        tags.add(new ShareTag("script", "application/ld+json", e.data().strip()));
                    }
                }
                default -> {
                }
            }
        }
        return tags;
    }

    private byte[] bytes(String key) {
        try {
            ResponseBytes<?> response = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return response.asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }
}
