package io.masthead.article;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import static io.masthead.article.FormatFixtures.PARSER;
import static io.masthead.article.FormatFixtures.UPLOADED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's article in each format, with its photo settled against the demo's own files in events/. */
class DemoArticlesTest {
    private static final Path EVENTS = Path.of("../../events");

    /** The events/ folder as the bucket: keys are paths under it. */
    private static final PhotoLookup EVENTS_FOLDER = PhotoLookup.of(
            key -> Files.isRegularFile(EVENTS.resolve(key)),
            prefix -> {
                Path dir = EVENTS.resolve(prefix.substring(0, prefix.lastIndexOf('/')));
                try (Stream<Path> files = Files.list(dir)) {
                    return files.map(p -> EVENTS.relativize(p).toString().replace('\\', '/'))
                            .filter(k -> k.startsWith(prefix)).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

    private static ParsedArticle demo(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(EVENTS.resolve("articles").resolve(file));
        ParsedArticle parsed = PARSER.parseWithReport("articles/" + file, bytes, UPLOADED);
        assertEquals(parsed.article(), PARSER.parse("articles/" + file, bytes, UPLOADED), "parse and parseWithReport agree");
        return parsed.resolvePhoto(EVENTS_FOLDER);
    }

    @Test
    void ninjs() throws IOException {
        ParsedArticle parsed = demo("dscovr-launch-ninjs.json");
        assertEquals("ninjs 3.x", parsed.report().format());
        assertEquals("Falcon 9 sends DSCOVR on its way to watch the solar wind", parsed.article().headline());
        assertEquals("Science", parsed.article().section());
        assertEquals(OffsetDateTime.parse("2015-02-11T23:40:00Z"), parsed.article().published());
        assertEquals(new Photo("photos/rocket.jpg", "A SpaceX Falcon 9 rocket lifts off carrying the DSCOVR satellite.",
                "A Falcon 9 rocket rising on a column of flame against a dusk sky", "SpaceX", null), parsed.article().photo());
    }

    @Test
    void markdown() throws IOException {
        ParsedArticle parsed = demo("coffee-at-home-markdown.md");
        assertEquals("markdown", parsed.report().format());
        assertEquals("Food", parsed.article().section());
        assertEquals("photos/coffee.png", parsed.article().photo().key());
        assertEquals("Rachel Michetti", parsed.article().photo().credit());
        assertTrue(Files.isRegularFile(EVENTS.resolve(parsed.article().photo().key())));
        assertTrue(parsed.article().bodyHtml().contains("<ol>"), parsed.article().bodyHtml());
        assertTrue(parsed.article().bodyHtml().contains("<table>"), parsed.article().bodyHtml());
    }

    @Test
    void plainTextWithAPhotoBesideIt() throws IOException {
        ParsedArticle parsed = demo("shelter-cats-text.txt");
        assertEquals("text", parsed.report().format());
        assertEquals("Science", parsed.article().section());
        assertEquals(new Photo("photos/shelter-cats-text.png", "Chelsea the cat.", "Chelsea the cat.", "Stefan van der Walt", null),
                parsed.article().photo());
        assertEquals(3, FormatFixtures.paragraphs(parsed.article().bodyHtml()).size());
    }

    @Test
    void theSeedPageHasNoPhotoBesideItSoATextCard() throws IOException {
        ParsedArticle parsed = demo("iraq-coalition-mission-text.txt");
        assertNull(parsed.article().photo(), "no photos/iraq-coalition-mission-text.* in events/");
        assertEquals("World", parsed.article().section());
        assertEquals(10, FormatFixtures.paragraphs(parsed.article().bodyHtml()).size());
        List<String> guesses = parsed.report().guesses();
        assertTrue(guesses.get(guesses.size() - 1).contains("text card"), guesses.toString());
    }
}
