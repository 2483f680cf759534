package io.masthead.endpoint;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.ServletApiResponse;
import org.gaul.shaded.org.eclipse.jetty.http.HttpHeader;
import org.gaul.shaded.org.eclipse.jetty.server.Response;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds a key's write lock for the whole of the requests whose conditions S3Proxy checks itself
 * and never passes to the store: a DELETE with {@code If-Match} (or the size / time forms) and a
 * multipart completion with {@code If-Match}. S3Proxy checks them, then writes; holding the
 * key's lock across both makes the pair atomic against every other write to the key, which
 * {@link ConditionalWriteBlobStore} performs under the same (reentrant) lock.
 */
final class ConditionalRequestGate implements Filter {
    private final ConditionalWriteBlobStore store;

    ConditionalRequestGate(ConditionalWriteBlobStore store) {
        this.store = store;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            response = new VerbatimContentType((HttpServletResponse) response);
        }
        String[] path = request.getRequestURI().split("/", 3);
        if (!needsGate(request) || path.length < 3 || path[2].isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        // Path-style /bucket/key, decoded the way S3Proxy decodes it.
        String bucket = URLDecoder.decode(path[1], StandardCharsets.UTF_8);
        String key = URLDecoder.decode(path[2], StandardCharsets.UTF_8);
        ReentrantLock lock = store.lockFor(bucket, key);
        lock.lock();
        try {
            if (request.getMethod().equals("DELETE") && request.getHeader("If-Match") != null
                    && request.getParameter("versionId") == null && !store.exists(bucket, key)) {
                // S3 answers If-Match on a missing object with 404 NoSuchKey; S3Proxy would
                // treat the absence as satisfying the condition and report a delete.
                noSuchKey((HttpServletResponse) response, key);
                return;
            }
            // S3Proxy's servlet runs synchronously on this thread: check and write both happen
            // before the lock is released.
            chain.doFilter(request, response);
        } finally {
            lock.unlock();
        }
    }

    private static void noSuchKey(HttpServletResponse response, String key) throws IOException {
        response.setStatus(404);
        response.setContentType("application/xml");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message><Key>" + escapeXml(key) + "</Key></Error>");
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static boolean needsGate(HttpServletRequest request) {
        boolean ifMatch = request.getHeader("If-Match") != null;
        return switch (request.getMethod()) {
            case "DELETE" -> ifMatch || request.getHeader("x-amz-if-match-size") != null
                    || request.getHeader("x-amz-if-match-last-modified-time") != null;
            case "POST" -> ifMatch && request.getParameterMap().containsKey("uploadId");
            default -> false;
        };
    }

    /**
     * Jetty rewrites {@code text/html; charset=utf-8} as {@code text/html;charset=utf-8}; S3 returns
     * the Content-Type exactly as it was stored.
     */
    private static final class VerbatimContentType extends HttpServletResponseWrapper {
        VerbatimContentType(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            if (type != null && getResponse() instanceof ServletApiResponse jetty) {
                // The servlet layer's header view parses and re-renders Content-Type; the
                // connection's own header fields take it as given.
                Response core = jetty.getResponse();
                while (core instanceof Response.Wrapper wrapper) {
                    core = wrapper.getWrapped();
                }
                core.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            } else {
                super.setContentType(type);
            }
        }
    }
}
