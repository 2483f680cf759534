package io.masthead.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.article.ArticleException;

import java.util.function.Consumer;

/**
 * One JSON line per event worth telling: what happened to which article. Lambda's JSON log
 * format keeps each line as one structured record.
 */
public final class EventLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Consumer<String> sink;

    public EventLog(Consumer<String> sink) {
        this.sink = sink;
    }

    public void info(String key, String slug, String message, Object detail) {
        sink.accept(line("INFO", key, slug, message).putPOJO("detail", detail).toString());
    }

    public void warn(String key, String slug, String message, Object detail) {
        sink.accept(line("WARN", key, slug, message).putPOJO("detail", detail).toString());
    }

    public void error(String key, String slug, ArticleException e) {
        sink.accept(line("ERROR", key, slug, e.getMessage())
                .put("field", e.field()).put("problem", e.problem()).toString());
    }

    public void outcome(String key, Outcome outcome, long millis) {
        sink.accept(line(outcome.kind() == Outcome.Kind.REJECTED ? "ERROR" : "INFO", key, outcome.slug(), outcome.kind().name().toLowerCase())
                .put("detail", outcome.detail())
                .put("written", outcome.written().size())
                .put("removed", outcome.removed().size())
                .put("ms", millis).toString());
    }

    private static ObjectNode line(String level, String key, String slug, String message) {
        return JSON.createObjectNode().put("level", level).put("article", key).put("slug", slug).put("message", message);
    }
}
