package io.masthead.event;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.masthead.article.ArticleParser;
import io.masthead.card.CardRenderer;
import io.masthead.card.Preset;
import io.masthead.feed.FeedItemMapper;
import io.masthead.page.SharePageRenderer;
import io.masthead.publish.EventLog;
import io.masthead.publish.Outcome;
import io.masthead.publish.Publisher;
import io.masthead.store.S3Store;

import java.util.Map;

/**
 * ObjectCreated on {@code articles/*.json}: publishes the article. Bad input writes
 * {@code errors/{slug}.json} and returns normally (a retry would not help); S3 failures throw
 * so Lambda retries the event.
 */
public final class PublishHandler implements RequestHandler<S3Event, Void> {
    private final Settings settings;
    private final ArticleParser parser;
    private final CardRenderer cards;
    private final SharePageRenderer pages;
    private final FeedItemMapper items;
    private final Priming priming;

    public PublishHandler() {
        this(System.getenv());
    }

    public PublishHandler(Map<String, String> env) {
        this.settings = Settings.fromEnv(env);
        this.parser = new ArticleParser(settings.site());
        this.cards = CardRenderer.fromEnv(settings.site(), Preset.DEFAULTS, env);
        this.pages = new SharePageRenderer(settings.site());
        this.items = new FeedItemMapper(settings.site());
        this.priming = Priming.register(parser, cards, pages, items);
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
            long start = System.nanoTime();
            Publisher publisher = new Publisher(new S3Store(settings.s3(), change.bucket()), parser, cards, pages, items, log);
            Outcome outcome = publisher.publish(change.key(), change.eventTime(), change.sequencer());
            log.outcome(change.key(), outcome, (System.nanoTime() - start) / 1_000_000);
        }
        return null;
    }
}
