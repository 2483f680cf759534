package io.masthead.card;

import java.util.List;

/**
 * How an article's cards were made, kept with the article's metadata so a person can check it.
 *
 * @param photoWidth   decoded photo width, 0 for a text card
 * @param photoHeight  decoded photo height, 0 for a text card
 * @param missingGlyphs characters no bundled or extra font covers, left out of the card
 * @param notes        anything an editor should know (upscaling avoided, text cut, ...)
 * @param renderMillis wall time of the whole render
 */
public record RenderReport(int photoWidth, int photoHeight, List<String> missingGlyphs,
                           List<String> notes, long renderMillis) {
    public RenderReport {
        missingGlyphs = List.copyOf(missingGlyphs);
        notes = List.copyOf(notes);
    }
}
