package io.masthead.feed;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The persisted state of one scope ({@code feeds/state.json}, {@code feeds/sections/{slug}/state.json}):
 * its window, and for the site the index of sections. Every feed file of the scope is rendered
 * from this alone, so a batch reads one small document per scope, never the archive.
 *
 * @param format   the document's format version
 * @param window   the scope's window
 * @param sections site only: every section seen, by slug; empty for a section scope
 */
public record FeedState(int format, FeedWindow window, Map<String, SectionIndex> sections) {
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = ItemCodec.JSON;

    public FeedState {
        sections = sections == null ? Map.of() : Map.copyOf(new TreeMap<>(sections));
    }

    public static FeedState empty(int windowSize) {
        return new FeedState(FORMAT, FeedWindow.empty(windowSize), Map.of());
    }

    public FeedState withWindow(FeedWindow w) {
        return new FeedState(format, w, sections);
    }

    public FeedState withSections(Map<String, SectionIndex> s) {
        return new FeedState(format, window, s);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a state document, resized to the configured window. */
    public static FeedState fromJson(byte[] json, int windowSize) {
        try {
            FeedState state = JSON.readValue(json, FeedState.class);
            return state.withWindow(state.window().resized(windowSize));
        } catch (IOException e) {
            throw new UncheckedIOException("not a feed state document: " + e.getMessage(), e);
        }
    }
}
