package io.masthead.publish;

/** Where an article's cards, item record and error record live (DESIGN.md, bucket layout); share pages name their own keys. */
public final class Outputs {
    private Outputs() {
    }

    public static String cardsPrefix(String slug) { return "cards/" + slug + "/"; }
    public static String item(String slug) { return "items/" + slug + ".json"; }
    public static String error(String slug) { return "errors/" + slug + ".json"; }

    /**
     * Which slug an article key was last published under. Item-record prefix, but without the
     * {@code .json} suffix that triggers the feed function.
     */
    public static String source(String articleKey) {
        return "items/sources/" + io.masthead.store.Hashes.sha256Hex(articleKey) + ".slug";
    }
}
