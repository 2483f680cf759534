package io.masthead.event;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.masthead.publish.EventLog;
import io.masthead.publish.Outcome;
import io.masthead.publish.Unpublisher;
import io.masthead.store.S3Store;

import java.util.Map;

/** ObjectRemoved on {@code articles/*.json}: removes what the article published. */
public final class UnpublishHandler implements RequestHandler<S3Event, Void> {
    private final Settings settings;

    public UnpublishHandler() {
        this(System.getenv());
    }

    public UnpublishHandler(Map<String, String> env) {
        this.settings = Settings.fromEnv(env);
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        EventLog log = new EventLog(line -> context.getLogger().log(line + "\n"));
        for (var record : event.getRecords()) {
            S3Change change = S3Change.of(record);
            if (!change.removed() || !settings.serves(change.bucket())) {
                log.info(change.key(), "", "ignored event " + change.eventName() + " from " + change.bucket(), "");
                continue;
            }
            long start = System.nanoTime();
            Outcome outcome = new Unpublisher(new S3Store(settings.s3(), change.bucket()), log).unpublish(change.key());
            log.outcome(change.key(), outcome, (System.nanoTime() - start) / 1_000_000);
        }
        return null;
    }
}
