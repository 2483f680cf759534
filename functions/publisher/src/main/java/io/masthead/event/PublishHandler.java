package io.masthead.event;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.masthead.article.ArticleParser;
import io.masthead.card.CardRenderer;
import io.masthead.card.Preset;
import io.masthead.feed.FeedItemMapper;
import io.masthead.page.SharePageRenderer;
import io.masthead.publish.ArticleKeys;
import io.masthead.publish.EventLog;
import io.masthead.publish.Outcome;
import io.masthead.publish.Publisher;
import io.masthead.site.Site;
import io.masthead.store.S3Clients;
import io.masthead.store.S3Store;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Map;

/**
 * ObjectCreated on {@code articles/*.json}: publishes the article. Bad input writes
 * {@code errors/{slug}.json} and returns normally (a retry would not help); S3 failures throw
 * so Lambda retries the event.
 */
public final class PublishHandler implements RequestHandler<S3Event, Void> {
    private final Settings settings;
    private final Renderers renderers;

    public PublishHandler() {
        this(System.getenv());
    }

    public PublishHandler(Map<String, String> env) {
        // At a cold start the S3 client and the renderers cost about the same CPU: build them side by side.
        ParallelInit<S3Client> s3 = ParallelInit.start("S3 client", () -> S3Clients.fromEnv(env));
        this.renderers = Renderers.fromEnv(Site.fromEnv(env), env);
        this.settings = Settings.fromEnv(env, s3.join());
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        EventLog log = new EventLog(line -> context.getLogger().log(line + "\n"));
        for (var record : event.getRecords()) {
            S3Change change = S3Change.of(record);
            if (!change.created()) {
                log.info(change.key(), "", "ignored event " + change.eventName(), "");
                continue;
            }
            if (!settings.serves(change.bucket())) {
                log.info(change.key(), "", "ignored event from bucket " + change.bucket(), "");
                continue;
            }
            if (!ArticleKeys.isArticle(change.key())) {
                // The trigger names articles/ only; acting on anything else could turn an output into an input.
                log.info(change.key(), "", "ignored key: not under " + ArticleKeys.PREFIX, "");
                continue;
            }
            long start = System.nanoTime();
            Publisher publisher = renderers.publisher(new S3Store(settings.s3(), change.bucket()), log);
            Outcome outcome = publisher.publish(change.key(), change.eventTime(), change.sequencer());
            // A rejection has already logged its one line, naming the field and the problem.
            if (outcome.kind() != Outcome.Kind.REJECTED) log.outcome(change.key(), outcome, (System.nanoTime() - start) / 1_000_000);
        }
        return null;
    }

    /**
     * The parser and renderers, built once per container (fonts and codecs load once) and primed
     * before a SnapStart snapshot.
     */
    record Renderers(ArticleParser parser, CardRenderer cards, SharePageRenderer pages, FeedItemMapper items, Priming priming) {
        static Renderers fromEnv(Site site, Map<String, String> env) {
            ArticleParser parser = new ArticleParser(site);
            CardRenderer cards = CardRenderer.fromEnv(site, Preset.DEFAULTS, env);
            SharePageRenderer pages = new SharePageRenderer(site);
            FeedItemMapper items = new FeedItemMapper(site);
            return new Renderers(parser, cards, pages, items, Priming.register(parser, cards, pages, items));
        }

        Publisher publisher(S3Store store, EventLog log) {
            return new Publisher(store, parser, cards, pages, items, log);
        }
    }
}
