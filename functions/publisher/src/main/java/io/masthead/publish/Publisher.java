package io.masthead.publish;

import io.masthead.article.Article;
import io.masthead.article.ArticleException;
import io.masthead.article.ArticleParser;
import io.masthead.article.ParsedArticle;
import io.masthead.article.PhotoLookup;
import io.masthead.article.Status;
import io.masthead.card.Card;
import io.masthead.card.CardRenderer;
import io.masthead.card.CardSet;
import io.masthead.feed.FeedItem;
import io.masthead.feed.FeedItemMapper;
import io.masthead.feed.ItemCodec;
import io.masthead.page.SharePage;
import io.masthead.page.SharePageRenderer;
import io.masthead.store.ConcurrentRequests;
import io.masthead.store.PreconditionFailedException;
import io.masthead.store.PutRequest;
import io.masthead.store.S3Store;
import io.masthead.store.StoredObject;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Publishes one article: reads it and its photo from the bucket, renders the cards and the share
 * page, and writes them, then the item record the feeds are made from. The item record goes
 * last and conditionally, so a crash or a racing older version never leaves it pointing at
 * cards that do not exist, and a rerun repairs whatever was half-done.
 */
public final class Publisher {
    private static final int MAX_ATTEMPTS = 4;
    /**
     * A photo file larger than this is refused before it is read. The pixel limit (100 MP) admits
     * JPEGs of 30-60 MB at the highest qualities; 100 MB leaves room for a PNG of that size while
     * keeping a download of any size from filling the heap.
     */
    public static final long MAX_PHOTO_BYTES = 100L * 1024 * 1024;

    private final S3Store store;
    private final ArticleParser parser;
    private final CardRenderer cards;
    private final SharePageRenderer pages;
    private final FeedItemMapper items;
    private final Unpublisher unpublisher;
    private final EventLog log;
    private final long maxPhotoBytes;

    public Publisher(S3Store store, ArticleParser parser, CardRenderer cards, SharePageRenderer pages,
                     FeedItemMapper items, EventLog log) {
        this(store, parser, cards, pages, items, log, MAX_PHOTO_BYTES);
    }

    /** @param maxPhotoBytes a larger photo is refused before its body is read */
    public Publisher(S3Store store, ArticleParser parser, CardRenderer cards, SharePageRenderer pages,
                     FeedItemMapper items, EventLog log, long maxPhotoBytes) {
        this.maxPhotoBytes = maxPhotoBytes;
        this.store = store;
        this.parser = parser;
        this.cards = cards;
        this.pages = pages;
        this.items = items;
        this.log = log;
        this.unpublisher = new Unpublisher(store, log);
    }

    /**
     * @param key       the article's key, URL-decoded
     * @param eventTime the upload's event time (default publication time)
     * @param sequencer the S3 event's sequencer, to order versions with the same {@code updated}
     */
    public Outcome publish(String key, OffsetDateTime eventTime, String sequencer) {
        return withRetries(key, eventTime, sequencer, false);
    }

    /**
     * Re-renders an article already in the bucket, as after a design change.
     *
     * @param now       the default publication time for an article never published before
     * @param onlyCards when true, an article whose cards come out unchanged is left as it is
     */
    public Outcome backfill(String key, OffsetDateTime now, boolean onlyCards) {
        return withRetries(key, now, "", onlyCards);
    }

    private Outcome withRetries(String key, OffsetDateTime eventTime, String sequencer, boolean onlyChangedCards) {
        for (int attempt = 1; ; attempt++) {
            try {
                return publishOnce(key, eventTime, sequencer, onlyChangedCards);
            } catch (PreconditionFailedException e) {
                // Another invocation wrote this item meanwhile: start over from what is in the bucket now.
                if (attempt == MAX_ATTEMPTS) throw e;
                sleep(ThreadLocalRandom.current().nextLong(20L << attempt, 60L << attempt));
            }
        }
    }

    private Outcome publishOnce(String key, OffsetDateTime eventTime, String sequencer, boolean onlyChangedCards) {
        String keySlug = Unpublisher.slugOfKey(key);
        try {
            ArticleKeys.check(key);
        } catch (ArticleException e) {
            return reject(key, keySlug, e); // before any read: such a key may resolve to another object
        }
        // which slug the key was published under is read alongside the article itself
        CompletableFuture<Optional<String>> published = ConcurrentRequests.start(() -> unpublisher.slugPublishedFrom(key));
        Optional<StoredObject> source;
        try {
            source = store.get(key, ArticleParser.MAX_BYTES);
        } catch (S3Store.TooLarge e) {
            return reject(key, keySlug, ArticleParser.tooLarge(key, e.size()));
        }
        if (source.isEmpty()) return Outcome.skipped(keySlug, "the article is gone; its delete event unpublishes it");

        String previousSlug = ConcurrentRequests.join(published).orElse(null);
        // An article without a publication time keeps the one it was first published with.
        OffsetDateTime firstPublished = previousSlug == null ? eventTime : store.get(Outputs.item(previousSlug))
                .map(o -> ItemCodec.read(o.bytes()).published()).orElse(eventTime);
        ParsedArticle parsed;
        try {
            // A text page or ninjs item names its photo by a lead the bucket resolves.
            parsed = parser.parseWithReport(key, source.get().bytes(), firstPublished)
                    .resolvePhoto(PhotoLookup.of(store::exists, store::list));
        } catch (ArticleException e) {
            return reject(key, keySlug, e);
        }
        Article article = parsed.article();
        if (article.status() == Status.WITHDRAWN) {
            Outcome removed = unpublisher.remove(key, article.slug(), "withdrawn");
            if (previousSlug != null && !previousSlug.equals(article.slug())) unpublisher.remove(key, previousSlug, "withdrawn");
            return removed;
        }

        // the photo (megabytes) downloads while the item record is read
        CompletableFuture<byte[]> photo = ConcurrentRequests.start(() -> photoBytes(key, article));
        Optional<StoredObject> currentItem = store.get(Outputs.item(article.slug()));
        FeedItem current = currentItem.map(o -> ItemCodec.read(o.bytes())).orElse(null);
        if (current != null && current.updated().isAfter(article.updated())) {
            return new Outcome(Outcome.Kind.STALE, article.slug(), List.of(), List.of(),
                    "item already holds a newer version (updated " + current.updated() + ")");
        }

        CardSet cardSet;
        try {
            cardSet = cards.render(article, ConcurrentRequests.join(photo));
        } catch (ArticleException e) {
            return reject(key, article.slug(), e);
        }
        if (onlyChangedCards && current != null
                && cardSet.cards().stream().allMatch(c -> store.exists(c.key(article.slug())))) {
            return Outcome.skipped(article.slug(), "cards unchanged");
        }
        SharePage page;
        try {
            page = pages.render(article, cardSet, parsed.report());
        } catch (ArticleException e) {
            return reject(key, article.slug(), e);
        }
        FeedItem item = items.map(article, cardSet, newest(sequencer, current == null ? "" : current.sequencer()));

        // cards and page files are independent of each other: written at once, all before the item
        List<Supplier<Optional<String>>> writes = new ArrayList<>();
        for (Card card : cardSet.cards()) {
            String cardKey = card.key(article.slug());
            writes.add(() -> {
                try {
                    store.putIfAbsent(new PutRequest(cardKey, card.jpeg(), "image/jpeg", PutRequest.IMMUTABLE));
                    return Optional.of(cardKey);
                } catch (PreconditionFailedException e) {
                    return Optional.empty(); // named by its content: the bucket already holds these bytes
                }
            });
        }
        writes.add(() -> Optional.of(putText(page.htmlKey(), page.html(), SharePage.HTML_CONTENT_TYPE)));
        writes.add(() -> Optional.of(putText(page.metadataKey(), page.metadataJson(), SharePage.JSON_CONTENT_TYPE)));
        writes.add(() -> Optional.of(putText(page.oembedKey(), page.oembedJson(), SharePage.OEMBED_CONTENT_TYPE)));
        List<String> written = new ArrayList<>();
        ConcurrentRequests.all(writes).forEach(k -> k.ifPresent(written::add));

        byte[] itemBytes = ItemCodec.write(item);
        if (currentItem.isEmpty()) {
            store.putIfAbsent(itemRequest(article.slug(), itemBytes));
            written.add(Outputs.item(article.slug()));
        } else if (!Arrays.equals(currentItem.get().bytes(), itemBytes)) {
            store.putIfMatch(itemRequest(article.slug(), itemBytes), currentItem.get().etag());
            written.add(Outputs.item(article.slug()));
        }
        if (!article.slug().equals(previousSlug)) {
            store.put(new PutRequest(Outputs.source(key), article.slug().getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8", PutRequest.NO_CACHE));
        }

        List<String> removed = new ArrayList<>();
        if (previousSlug != null && !previousSlug.equals(article.slug())) {
            removed.addAll(unpublisher.remove(key, previousSlug, "renamed to " + article.slug()).removed());
        }
        ConcurrentRequests.all(List.<Supplier<List<String>>>of(
                () -> removeStaleCards(article.slug(), cardSet),
                () -> removeErrors(article.slug(), keySlug))).forEach(removed::addAll);
        if (page.lintFailed()) log.warn(key, article.slug(), "share page fails platform rules",
                page.lint().findings(io.masthead.page.Outcome.FAIL));
        if (!cardSet.report().missingGlyphs().isEmpty()) {
            log.warn(key, article.slug(), "missing glyphs", cardSet.report().missingGlyphs());
        }
        return new Outcome(Outcome.Kind.PUBLISHED, article.slug(), written, removed, "");
    }

    private byte[] photoBytes(String key, Article article) {
        if (!article.hasPhoto()) return null;
        String photoKey = article.photo().key();
        String where = key + " (" + article.slug() + ")";
        try {
            return store.get(photoKey, maxPhotoBytes)
                    .orElseThrow(() -> new ArticleException(where, "photo.key", "no object " + photoKey + " in bucket " + store.bucket()))
                    .bytes();
        } catch (S3Store.TooLarge e) {
            throw new ArticleException(where, "photo", photoKey + " is " + e.size() + " bytes; the limit for a photo is " + maxPhotoBytes);
        }
    }

    private Outcome reject(String key, String slug, ArticleException e) {
        String error = Outputs.error(slug);
        store.put(new PutRequest(error, ErrorRecord.json(key, slug, e), "application/json", PutRequest.NO_CACHE));
        log.error(key, slug, e);
        return new Outcome(Outcome.Kind.REJECTED, slug, List.of(error), List.of(), e.getMessage());
    }

    private List<String> removeStaleCards(String slug, CardSet cardSet) {
        Set<String> keep = cardSet.cards().stream().map(c -> c.key(slug)).collect(Collectors.toSet());
        List<String> stale = store.list(Outputs.cardsPrefix(slug)).stream().filter(k -> !keep.contains(k)).toList();
        store.delete(stale);
        return stale;
    }

    private List<String> removeErrors(String slug, String keySlug) {
        List<String> errors = java.util.stream.Stream.of(Outputs.error(slug), Outputs.error(keySlug))
                .distinct().filter(store::exists).toList();
        store.delete(errors);
        return errors;
    }

    private String putText(String key, String text, String contentType) {
        store.put(new PutRequest(key, text.getBytes(StandardCharsets.UTF_8), contentType, PutRequest.SHORT));
        return key;
    }

    private static PutRequest itemRequest(String slug, byte[] bytes) {
        return new PutRequest(Outputs.item(slug), bytes, "application/json", PutRequest.NO_CACHE);
    }

    /** S3 sequencers are hex strings: longer is newer, then lexical order. */
    static String newest(String a, String b) {
        if (a == null || a.isEmpty()) return b == null ? "" : b;
        if (b == null || b.isEmpty()) return a;
        if (a.length() != b.length()) return a.length() > b.length() ? a : b;
        return a.compareToIgnoreCase(b) >= 0 ? a : b;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
