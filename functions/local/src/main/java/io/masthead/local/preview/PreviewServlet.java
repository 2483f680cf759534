package io.masthead.local.preview;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves the preview under {@code /_preview/}: the page, the article list alone (ETag'd, for
 * refreshes) and {@code events}, a Server-Sent Events stream that says when something was
 * published or removed.
 */
final class PreviewServlet extends HttpServlet {
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private final transient Supplier<PreviewState> state;
    private final transient ChangeSignal changes;

    /** What the servlet needs once the endpoint runs: the page renderer and the bucket's articles. */
    record PreviewState(PreviewPage page, BucketReader reader) {
    }

    PreviewServlet(Supplier<PreviewState> state, ChangeSignal changes) {
        this.state = state;
        this.changes = changes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        PreviewState current = state.get();
        if (current == null && !path.equals("/events")) {
            response.sendError(503, "the preview is starting");
            return;
        }
        switch (path) {
            case "/", "/index.html" -> {
                List<PublishedArticle> articles = current.reader().articles();
                send(response, "text/html; charset=utf-8", current.page().page(articles, true));
            }
            case "/articles" -> {
                String fragment = current.page().articles(current.reader().articles());
                String etag = PreviewPage.etag(fragment);
                response.setHeader("ETag", etag);
                response.setHeader("Cache-Control", "no-cache");
                if (etag.equals(request.getHeader("If-None-Match"))) {
                    response.setStatus(304);
                    return;
                }
                send(response, "text/html; charset=utf-8", fragment);
            }
            case "/events" -> events(response);
            default -> response.sendError(404);
        }
    }

    private static void send(HttpServletResponse response, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** One stream per open page: a {@code change} event per change, comments as heartbeats so a closed tab is noticed. */
    private void events(HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        PrintWriter out = response.getWriter();
        long seen = changes.version();
        out.write("retry: 1000\n\n");
        out.flush();
        try {
            while (!changes.closed() && !out.checkError()) {
                long now = changes.awaitChange(seen, HEARTBEAT);
                if (now != seen) {
                    seen = now;
                    out.write("event: change\ndata: " + now + "\n\n");
                } else {
                    out.write(": heartbeat\n\n");
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        changes.close();
    }
}
