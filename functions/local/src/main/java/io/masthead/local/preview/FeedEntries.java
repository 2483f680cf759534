package io.masthead.local.preview;

/** How one article appears in each feed: the RSS {@code item}, Atom {@code entry} and JSON Feed item; empty when absent. */
public record FeedEntries(String rssItem, String atomEntry, String jsonFeedItem) {
    public static final FeedEntries NONE = new FeedEntries("", "", "");
}
