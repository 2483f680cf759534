package io.masthead.publish;

import io.masthead.article.ArticleParser;
import io.masthead.page.SharePage;
import io.masthead.store.Hashes;
import io.masthead.store.S3Store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes what an article published: its item record first (so the feeds drop it), then its
 * cards, share page, metadata and any error record.
 */
public final class Unpublisher {
    private final S3Store store;
    private final EventLog log;

    public Unpublisher(S3Store store, EventLog log) {
        this.store = store;
        this.log = log;
    }

    /** Handles the delete of an article key. A key that exists again (re-uploaded since) is left alone. */
    public Outcome unpublish(String key) {
        String slug = slugPublishedFrom(key).orElse(slugOfKey(key));
        if (store.exists(key)) {
            return Outcome.skipped(slug, "the article exists again; its create event publishes it");
        }
        Outcome outcome = remove(key, slug, "deleted");
        store.delete(List.of(Outputs.source(key)));
        return outcome;
    }

    /** Removes every output of {@code slug}. */
    Outcome remove(String key, String slug, String why) {
        List<String> keys = new ArrayList<>();
        keys.add(Outputs.item(slug));
        keys.addAll(store.list(Outputs.cardsPrefix(slug)));
        keys.addAll(List.of(SharePage.htmlKey(slug), SharePage.metadataKey(slug), SharePage.oembedKey(slug), Outputs.error(slug)));
        List<String> present = keys.stream().filter(k -> k.startsWith("cards/") || store.exists(k)).toList();
        // The item record goes first: once it is gone the feeds drop the article, and nothing
        // is left pointing at the cards and page removed after it.
        store.delete(present.stream().filter(k -> k.equals(Outputs.item(slug))).toList());
        store.delete(present.stream().filter(k -> !k.equals(Outputs.item(slug))).toList());
        log.info(key, slug, "unpublished (" + why + ")", present.size() + " objects removed");
        return new Outcome(Outcome.Kind.UNPUBLISHED, slug, List.of(), present, why);
    }

    /** The slug this key was last published under, if it was. */
    Optional<String> slugPublishedFrom(String key) {
        return store.get(Outputs.source(key)).map(o -> new String(o.bytes(), StandardCharsets.UTF_8).trim());
    }

    /** The slug a key stands for when the article does not name one; never empty. */
    static String slugOfKey(String key) {
        String slug = ArticleParser.slugOfKey(key);
        return slug.isEmpty() ? "article-" + Hashes.sha256Hex(key).substring(0, 12) : slug;
    }
}
