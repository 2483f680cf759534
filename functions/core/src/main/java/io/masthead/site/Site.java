package io.masthead.site;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one site, from the function's environment (template Parameters).
 *
 * @param name           site name, shown on cards and in feeds
 * @param url            the site's home page, absolute http(s), no trailing slash
 * @param publicBaseUrl  where bucket objects are served (CDN or website endpoint), no trailing slash
 * @param feedWindow     how many items each feed keeps
 * @param color          the site colour as #rrggbb (text cards, theme-color)
 * @param twitterSite    the site's X handle, e.g. {@code @masthead}, or empty
 * @param logoUrl        absolute URL of the publisher logo, or empty
 */
public record Site(String name, String url, String publicBaseUrl, int feedWindow, String color,
                   String twitterSite, String logoUrl) {

    public static final int DEFAULT_FEED_WINDOW = 50;

    public Site {
        Objects.requireNonNull(name, "name");
        url = trimSlash(requireHttp(url, "SITE_URL"));
        publicBaseUrl = trimSlash(requireHttp(publicBaseUrl, "PUBLIC_BASE_URL"));
        if (feedWindow < 1) throw new IllegalArgumentException("FEED_WINDOW must be at least 1, was " + feedWindow);
        color = color == null || color.isBlank() ? "#1a1a2e" : color;
        if (!color.matches("#[0-9a-fA-F]{6}")) throw new IllegalArgumentException("SITE_COLOR must be #rrggbb, was " + color);
        twitterSite = twitterSite == null ? "" : twitterSite;
        logoUrl = logoUrl == null ? "" : logoUrl;
    }

    /** Reads SITE_NAME, SITE_URL, PUBLIC_BASE_URL, FEED_WINDOW, SITE_COLOR, TWITTER_SITE, SITE_LOGO_URL. */
    public static Site fromEnv(Map<String, String> env) {
        String window = env.getOrDefault("FEED_WINDOW", "");
        return new Site(
                env.getOrDefault("SITE_NAME", "Masthead"),
                env.getOrDefault("SITE_URL", "https://news.example.com"),
                env.getOrDefault("PUBLIC_BASE_URL", "https://news.example.com"),
                window.isBlank() ? DEFAULT_FEED_WINDOW : Integer.parseInt(window.trim()),
                env.get("SITE_COLOR"),
                env.get("TWITTER_SITE"),
                env.get("SITE_LOGO_URL"));
    }

    /** The public URL of a bucket object. */
    public String publicUrl(String key) {
        return publicBaseUrl + "/" + key;
    }

    private static String requireHttp(String value, String setting) {
        Objects.requireNonNull(value, setting);
        URI uri = URI.create(value.trim());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(setting + " must be an absolute http(s) URL, was " + value);
        }
        return value.trim();
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
