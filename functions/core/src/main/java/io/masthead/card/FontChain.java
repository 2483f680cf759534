package io.masthead.card;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fonts a card is set in, in order of preference, for a regular and a bold style. Each
 * character takes the first font that has a glyph for it, so a headline mixing scripts is set
 * run by run; a character no font covers is left out and reported, never drawn as a box.
 * Immutable and thread-safe; fonts are loaded once.
 */
public final class FontChain {
    private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";

    private final List<Font> regular;
    private final List<Font> bold;

    private FontChain(List<Font> regular, List<Font> bold) {
        this.regular = List.copyOf(regular);
        this.bold = List.copyOf(bold);
    }

    /** DejaVu from the jar: Latin, Greek, Cyrillic, Arabic, Hebrew and many symbols. */
    public static FontChain bundled() {
        return Bundled.CHAIN;
    }

    /**
     * This chain extended by every TrueType/OpenType font (and collection) in a folder, in file
     * name order, e.g. a Lambda layer with Noto CJK or an emoji font. The folder's fonts serve
     * both styles: they are consulted only for characters DejaVu lacks.
     */
    public FontChain withFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("FONTS_DIR is not a folder: " + dir);
        }
        List<Font> extra = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc") || name.endsWith(".otc")) {
                    try {
                        extra.addAll(List.of(Font.createFonts(file.toFile())));
                    } catch (FontFormatException e) {
                        throw new IllegalArgumentException("not a usable font: " + file + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read FONTS_DIR " + dir, e);
        }
        List<Font> r = new ArrayList<>(regular);
        r.addAll(extra);
        List<Font> b = new ArrayList<>(bold);
        b.addAll(extra);
        return new FontChain(r, b);
    }

    /** The fonts of a style, most preferred first, at size 1. */
    public List<Font> fonts(boolean isBold) {
        return isBold ? bold : regular;
    }

    /** Family names in the chain, for the render report. */
    public List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        regular.forEach(f -> names.add(f.getFontName(Locale.ROOT)));
        bold.forEach(f -> names.add(f.getFontName(Locale.ROOT)));
        return List.copyOf(names);
    }

    /**
     * Assigns a font to every character of a text. Characters that no font covers are removed
     * and listed; marks, joiners and direction controls follow the character before them.
     */
    public Coverage cover(String text, boolean isBold) {
        List<Font> chain = fonts(isBold);
        StringBuilder kept = new StringBuilder(text.length());
        List<Integer> fontOfChar = new ArrayList<>(text.length());
        Set<String> missing = new LinkedHashSet<>();
        int counted = 0;
        int covered = 0;
        int previous = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            int font;
            if (followsPrevious(cp)) {
                font = previous;
            } else {
                counted++;
                font = chain.get(previous).canDisplay(cp) ? previous : firstCovering(chain, cp);
                if (font < 0) {
                    missing.add(new String(Character.toChars(cp)));
                    i += n;
                    // drop the marks that belonged to the missing character as well
                    while (i < text.length() && isMark(text.codePointAt(i))) {
                        i += Character.charCount(text.codePointAt(i));
                    }
                    continue;
                }
                covered++;
            }
            kept.appendCodePoint(cp);
            for (int k = 0; k < n; k++) fontOfChar.add(font);
            previous = font;
            i += n;
        }
        String s = collapseSpaces(kept, fontOfChar);
        int[] fonts = fontOfChar.stream().mapToInt(Integer::intValue).toArray();
        return new Coverage(s, fonts, List.copyOf(missing), counted, covered, chain);
    }

    private static String collapseSpaces(StringBuilder kept, List<Integer> fontOfChar) {
        // removing a character can leave double spaces; keep the text tidy
        for (int i = kept.length() - 1; i > 0; i--) {
            if (kept.charAt(i) == ' ' && kept.charAt(i - 1) == ' ') {
                kept.deleteCharAt(i);
                fontOfChar.remove(i);
            }
        }
        while (kept.length() > 0 && kept.charAt(kept.length() - 1) == ' ') {
            kept.deleteCharAt(kept.length() - 1);
            fontOfChar.remove(fontOfChar.size() - 1);
        }
        while (kept.length() > 0 && kept.charAt(0) == ' ') {
            kept.deleteCharAt(0);
            fontOfChar.remove(0);
        }
        return kept.toString();
    }

    private static int firstCovering(List<Font> chain, int cp) {
        for (int f = 0; f < chain.size(); f++) {
            if (chain.get(f).canDisplay(cp)) return f;
        }
        return -1;
    }

    private static boolean followsPrevious(int cp) {
        if (Character.isWhitespace(cp) || cp == 0x00A0) return true;
        int type = Character.getType(cp);
        return isMark(cp) || type == Character.FORMAT || type == Character.CONTROL
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** The bundled chain, loaded on first use and shared: fonts are immutable. */
    private static final class Bundled {
        static final FontChain CHAIN = new FontChain(
                List.of(load("DejaVuSansCondensed.ttf"), load("DejaVuSans.ttf")),
                List.of(load("DejaVuSansCondensed-Bold.ttf"), load("DejaVuSans-Bold.ttf"), load("DejaVuSans.ttf")));

        private static Font load(String file) {
            try (InputStream in = FontChain.class.getResourceAsStream(DEJAVU + file)) {
                if (in == null) throw new IllegalStateException("bundled font missing from the class path: " + file);
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("cannot load bundled font " + file, e);
            }
        }
    }
}
