package io.masthead.endpoint;

import jakarta.servlet.http.HttpServlet;

import java.util.Objects;

/**
 * An extra page served on the endpoint's own port, e.g. a preview under {@code /_preview/}.
 * S3 bucket names cannot start with {@code _}, so such a prefix never shadows the S3 API.
 */
public record Route(String pathPrefix, HttpServlet servlet) {
    public Route {
        Objects.requireNonNull(servlet, "servlet");
        if (pathPrefix == null || !pathPrefix.matches("/_[A-Za-z0-9_-]+/")) {
            throw new IllegalArgumentException(
                    "a route's prefix must look like /_name/ so it cannot shadow a bucket: " + pathPrefix);
        }
    }

    String servletMapping() {
        return pathPrefix + "*";
    }
}
