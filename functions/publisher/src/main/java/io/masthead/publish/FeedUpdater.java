package io.masthead.publish;

import io.masthead.feed.FeedDocument;
import io.masthead.feed.FeedItem;
import io.masthead.feed.FeedRenderer;
import io.masthead.feed.FeedScope;
import io.masthead.feed.FeedState;
import io.masthead.feed.FeedWindow;
import io.masthead.feed.ItemChange;
import io.masthead.feed.ItemCodec;
import io.masthead.feed.SectionIndex;
import io.masthead.site.Site;
import io.masthead.store.PreconditionFailedException;
import io.masthead.store.PutRequest;
import io.masthead.store.S3Store;
import io.masthead.store.StoredObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Applies a batch of item-record events to every feed they affect.
 *
 * <ol>
 * <li>Each item's current record is read from the bucket; the events only say which items to
 *     look at, so their order does not matter. A created event whose record is gone is a delete.</li>
 * <li>Each section scope the batch touches (the item's new section, and any section the site's
 *     index says holds it) is merged and written with one conditional write; then the site state,
 *     whose section index records what each section now holds. The site goes last, and a lost
 *     race on it redoes the whole merge, so the index never claims less than a section holds.</li>
 * <li>Then the feed files of each scope are rendered from the newest state and written only if
 *     their bytes changed, each with a conditional write, after checking the state has not moved
 *     on: an older render can never overwrite a newer one.</li>
 * </ol>
 * Cost per batch: one read per item, two reads and at most one write per scope state, and one read
 * per feed file; nothing lists or reads the archive.
 */
public final class FeedUpdater {
    private static final String STATE_TYPE = "application/json";
    private static final int READERS = 8;

    private final S3Store store;
    private final Site site;
    private final FeedRenderer renderer;
    private final Backoff backoff;
    private final Consumer<String> log;

    /** Counts for one batch; each {@link #apply} call has its own, so an updater can be shared. */
    private static final class Tally {
        int statesWritten;
        int filesWritten;
        int conflicts;
    }

    public FeedUpdater(S3Store store, Site site, Backoff backoff, Consumer<String> log) {
        this.store = store;
        this.site = site;
        this.renderer = new FeedRenderer(site);
        this.backoff = backoff;
        this.log = log;
    }

    public FeedUpdater(S3Store store, Site site) {
        this(store, site, Backoff.DEFAULT, line -> { });
    }

    /** Applies the events; the result names the messages that could not be applied. */
    public FeedBatchResult apply(List<ItemEvent> events) {
        Tally tally = new Tally();
        Map<String, List<ItemEvent>> bySlug = new TreeMap<>();
        for (ItemEvent e : events) bySlug.computeIfAbsent(e.slug(), s -> new ArrayList<>()).add(e);

        Set<String> failed = new HashSet<>();
        Map<String, ItemChange> observed = new TreeMap<>();
        Map<String, CompletableFuture<ItemChange>> reads = new TreeMap<>();
        // Item reads are independent: a few at a time keeps a 100-message batch from paying 100
        // round trips in a row.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(READERS, bySlug.size())));
        try {
            for (var entry : bySlug.entrySet()) {
                reads.put(entry.getKey(), CompletableFuture.supplyAsync(() -> observe(entry.getKey(), entry.getValue()), pool));
            }
            for (var entry : reads.entrySet()) {
                try {
                    observed.put(entry.getKey(), entry.getValue().join());
                } catch (CompletionException e) {
                    // A record that cannot be read or parsed fails only its own messages.
                    bySlug.get(entry.getKey()).forEach(ev -> failed.add(ev.messageId()));
                    log.accept("item " + entry.getKey() + " not applied: " + e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
        if (observed.isEmpty()) return new FeedBatchResult(failed, 0, List.of(), 0, 0, 0);

        List<String> scopes = new ArrayList<>();
        try {
            Map<FeedScope, Committed> committed = commit(observed, tally);
            for (var c : committed.entrySet()) {
                scopes.add(c.getKey().stateKey());
                publishFiles(c.getKey(), c.getValue(), tally);
            }
        } catch (RuntimeException e) {
            for (String slug : observed.keySet()) bySlug.get(slug).forEach(ev -> failed.add(ev.messageId()));
            log.accept("batch not applied: " + e);
        }
        return new FeedBatchResult(failed, observed.size(), scopes, tally.statesWritten, tally.filesWritten,
                tally.conflicts);
    }

    /** The item as it is in the bucket now, tagged with the newest event that pointed at it. */
    private ItemChange observe(String slug, List<ItemEvent> events) {
        ItemEvent newest = events.get(0);
        for (ItemEvent e : events) {
            int c = io.masthead.feed.Sequencers.compare(e.sequencer(), newest.sequencer());
            if (c > 0 || (c == 0 && e.eventTime().isAfter(newest.eventTime()))) newest = e;
        }
        Optional<StoredObject> record = store.get(ItemEvent.keyOf(slug));
        if (record.isEmpty()) return ItemChange.gone(slug, newest.sequencer(), newest.eventTime());
        FeedItem item = ItemCodec.read(record.get().bytes());
        if (!slug.equals(item.slug())) {
            throw new IllegalArgumentException("items/" + slug + ".json holds slug " + item.slug());
        }
        return ItemChange.present(item, newest.sequencer(), newest.eventTime());
    }

    private record Committed(FeedState state, String etag) {
    }

    private record Read(FeedState state, String etag) {
    }

    private Map<FeedScope, Committed> commit(Map<String, ItemChange> observed, Tally tally) {
        // Sections and the items given to them accumulate over attempts: a section written in a
        // lost attempt must see the final version of those items too.
        Map<String, FeedScope> sections = new TreeMap<>();
        Map<String, Set<String>> sectionSlugs = new TreeMap<>();
        for (int attempt = 1; ; attempt++) {
            Read siteRead = readState(FeedScope.SITE);
            FeedState siteState = siteRead.state();

            // What this batch knows, joined with what the site already knows: a newer version the
            // site holds wins, so a section is never given an item older than the site's.
            Map<String, ItemChange> effective = new TreeMap<>();
            for (var e : observed.entrySet()) {
                effective.put(e.getKey(), e.getValue().newer(siteState.window().latest(e.getKey()).orElse(null)));
            }

            for (var e : effective.entrySet()) {
                String slug = e.getKey();
                List<FeedScope> affected = new ArrayList<>();
                addSection(affected, observed.get(slug));
                addSection(affected, e.getValue());
                for (var idx : siteState.sections().entrySet()) {
                    if (idx.getValue().slugs().contains(slug)) affected.add(new FeedScope(idx.getKey(), idx.getValue().name()));
                }
                for (FeedScope scope : affected) {
                    sections.putIfAbsent(scope.sectionSlug(), scope);
                    sectionSlugs.computeIfAbsent(scope.sectionSlug(), k -> new java.util.TreeSet<>()).add(slug);
                }
            }
            Map<String, List<ItemChange>> sectionChanges = new TreeMap<>();
            sectionSlugs.forEach((section, slugs) ->
                    sectionChanges.put(section, slugs.stream().map(effective::get).toList()));

            Map<FeedScope, Committed> result = new LinkedHashMap<>();
            Map<String, SectionIndex> index = new TreeMap<>(siteState.sections());
            for (var s : sections.entrySet()) {
                // A section keeps the name it was first seen with, so its feed titles never flap
                // between spellings that share a slug.
                String name = index.containsKey(s.getKey()) ? index.get(s.getKey()).name() : s.getValue().sectionName();
                FeedScope scope = new FeedScope(s.getKey(), name);
                Committed c = commitSection(scope, sectionChanges.get(s.getKey()), tally);
                result.put(scope, c);
                index.put(s.getKey(), SectionIndex.of(name, c.state().window()));
            }

            FeedState next = siteState
                    .withWindow(siteState.window().apply(effective.values(), FeedScope.SITE::includes))
                    .withSections(index);
            try {
                String etag = writeState(FeedScope.SITE, siteRead, next, tally);
                Map<FeedScope, Committed> all = new LinkedHashMap<>();
                all.put(FeedScope.SITE, new Committed(next, etag));
                all.putAll(result);
                return all;
            } catch (PreconditionFailedException e) {
                tally.conflicts++;
                if (attempt >= backoff.attempts()) throw new FeedContentionException(FeedScope.SITE.stateKey(), attempt);
                backoff.pause(attempt);
            }
        }
    }

    private static void addSection(List<FeedScope> affected, ItemChange change) {
        if (change == null || !change.isPresent()) return;
        FeedScope scope = FeedScope.ofSection(change.item().section());
        if (scope != null) affected.add(scope);
    }

    private Committed commitSection(FeedScope scope, List<ItemChange> changes, Tally tally) {
        for (int attempt = 1; ; attempt++) {
            Read read = readState(scope);
            FeedState next = read.state().withWindow(read.state().window().apply(changes, scope::includes));
            try {
                return new Committed(next, writeState(scope, read, next, tally));
            } catch (PreconditionFailedException e) {
                tally.conflicts++;
                if (attempt >= backoff.attempts()) throw new FeedContentionException(scope.stateKey(), attempt);
                backoff.pause(attempt);
            }
        }
    }

    private Read readState(FeedScope scope) {
        return store.get(scope.stateKey())
                .map(o -> new Read(FeedState.fromJson(o.bytes(), site.feedWindow()), o.etag()))
                .orElseGet(() -> new Read(FeedState.empty(site.feedWindow()), null));
    }

    /** Writes the state if it changed, conditionally on what was read; returns the ETag now current. */
    private String writeState(FeedScope scope, Read read, FeedState next, Tally tally) {
        if (read.etag() != null && next.equals(read.state())) return read.etag();
        PutRequest put = new PutRequest(scope.stateKey(), next.toJson(), STATE_TYPE, PutRequest.NO_CACHE);
        String etag = read.etag() == null ? store.putIfAbsent(put) : store.putIfMatch(put, read.etag());
        tally.statesWritten++;
        return etag;
    }

    /**
     * Writes the scope's feed files whose bytes differ from what the bucket holds. Before writing,
     * the state is read again: if another writer has moved it on, its newer state is rendered
     * instead. Each file is written conditionally on the ETag just read, so a slower writer's
     * older render loses against a newer one rather than overwriting it.
     */
    private void publishFiles(FeedScope scope, Committed committed, Tally tally) {
        FeedState state = committed.state();
        String stateEtag = committed.etag();
        int losses = 0;
        int moves = 0;
        while (true) {
            List<FeedDocument> docs = renderer.render(scope, state.window());
            Map<FeedDocument, Optional<StoredObject>> stale = new LinkedHashMap<>();
            for (FeedDocument doc : docs) {
                Optional<StoredObject> current = store.get(doc.key());
                if (current.isEmpty() || !Arrays.equals(current.get().bytes(), doc.bytes())) stale.put(doc, current);
            }
            if (stale.isEmpty()) return;

            Optional<StoredObject> latest = store.get(scope.stateKey());
            if (latest.isPresent() && !latest.get().etag().equals(stateEtag)) {
                // Another writer committed after us and renders after its commit: its files will
                // be at least this new. Help while it is cheap, then leave it to that writer.
                if (++moves > backoff.attempts()) return;
                state = FeedState.fromJson(latest.get().bytes(), site.feedWindow());
                stateEtag = latest.get().etag();
                continue;
            }
            boolean lost = false;
            for (var s : stale.entrySet()) {
                FeedDocument doc = s.getKey();
                PutRequest put = new PutRequest(doc.key(), doc.bytes(), doc.contentType(), PutRequest.SHORT);
                try {
                    if (s.getValue().isPresent()) store.putIfMatch(put, s.getValue().get().etag());
                    else store.putIfAbsent(put);
                    tally.filesWritten++;
                } catch (PreconditionFailedException e) {
                    // Someone wrote the file since we read it, possibly from an older state: read again.
                    tally.conflicts++;
                    lost = true;
                }
            }
            if (!lost) return;
            if (++losses >= backoff.attempts()) throw new FeedContentionException(scope.prefix(), losses);
            backoff.pause(losses);
        }
    }

    /** For tests and the benchmark: which scopes exist now, from the site's index. */
    public Map<String, SectionIndex> sections() {
        return readState(FeedScope.SITE).state().sections();
    }

    /** For tests: the window of a scope as stored. */
    public FeedWindow window(FeedScope scope) {
        return readState(scope).state().window();
    }

}
