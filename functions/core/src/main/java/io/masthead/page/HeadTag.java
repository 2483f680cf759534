package io.masthead.page;

import org.owasp.encoder.Encode;

/**
 * One element of the page head. {@code name} is how crawlers and the lint know it
 * ({@code og:title}, {@code twitter:card}, {@code canonical}, {@code title}, ...); every value is
 * encoded for the place it lands in when the tag is written, never before.
 */
record HeadTag(Kind kind, String name, String value) {

    enum Kind { CHARSET, TITLE, LINK, META_NAME, META_PROPERTY, OEMBED }

    static HeadTag charset() {
        return new HeadTag(Kind.CHARSET, "charset", "utf-8");
    }

    static HeadTag title(String text) {
        return new HeadTag(Kind.TITLE, "title", text);
    }

    static HeadTag link(String rel, String href) {
        return new HeadTag(Kind.LINK, rel, href);
    }

    static HeadTag name(String name, String content) {
        return new HeadTag(Kind.META_NAME, name, content);
    }

    static HeadTag property(String property, String content) {
        return new HeadTag(Kind.META_PROPERTY, property, content);
    }

    static HeadTag oembed(String href) {
        return new HeadTag(Kind.OEMBED, "oembed", href);
    }

    String html() {
        return switch (kind) {
            case CHARSET -> "<meta charset=\"" + Encode.forHtmlAttribute(value) + "\">";
            case TITLE -> "<title>" + Encode.forHtml(value) + "</title>";
            case LINK -> "<link rel=\"" + Encode.forHtmlAttribute(name) + "\" href=\"" + Encode.forHtmlAttribute(value) + "\">";
            case META_NAME -> "<meta name=\"" + Encode.forHtmlAttribute(name) + "\" content=\"" + Encode.forHtmlAttribute(value) + "\">";
            case META_PROPERTY -> "<meta property=\"" + Encode.forHtmlAttribute(name) + "\" content=\"" + Encode.forHtmlAttribute(value) + "\">";
            case OEMBED -> "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + Encode.forHtmlAttribute(value) + "\">";
        };
    }
}
