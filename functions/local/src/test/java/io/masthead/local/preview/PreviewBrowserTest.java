package io.masthead.local.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.local.LocalDeployment;
import io.masthead.local.LocalOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview in a real headless Chromium (Debian's chromium and chromedriver): publish through
 * the template's triggers, load {@code /_preview/}, check what a person sees, publish again and
 * watch the new article arrive without a reload. Leaves a screenshot in target/.
 */
class PreviewBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../events");
    private static final String HOSTILE = "Council votes </title><script>alert(1)</script> \"><img src=x onerror=alert(2)>"
            + " on a harbour plan that would reshape the waterfront, the old ferry terminal and three neighbourhoods";
    private static final Map<String, int[]> PRESET_SIZES = Map.of(
            "og", new int[]{1200, 630}, "square", new int[]{1080, 1080}, "story", new int[]{1080, 1920},
            "photo-16x9", new int[]{1200, 675}, "photo-4x3", new int[]{1200, 900}, "photo-1x1", new int[]{1200, 1200});

    @TempDir
    static Path data;
    private static LocalDeployment deployment;
    private static Preview preview;
    private static S3Client s3;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        preview = new Preview();
        LocalOptions options = LocalOptions.defaults(Path.of("../../template.yaml"),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .withPort(0).withDataDir(data).withDelays(Duration.ofMillis(200), Duration.ofMillis(300));
        deployment = LocalDeployment.start(options, List.of(preview.route()));
        preview.connect(deployment.endpoint());
        s3 = deployment.endpoint().newClient();

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary("/usr/bin/chromium");
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + data.resolve("chromium-profile").toAbsolutePath());
        browser = new ChromeDriver(service, chrome);
        browser.manage().window().setSize(new Dimension(1400, 2200));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (s3 != null) {
            s3.close();
        }
        if (preview != null) {
            preview.close();
        }
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void showsEveryUnfurlAndFollowsNewPublications() throws Exception {
        publish("harbour-plan", HOSTILE, "2024-03-01T09:00:00Z", true);
        browser.get(Preview.url(deployment.endpoint()));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement article = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article[data-slug='harbour-plan']")));
        JsonNode metadata = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(deployment.endpoint().bucket())
                .key("share/harbour-plan.json")).asByteArray());

        // The hostile headline is text, not markup.
        assertEquals(HOSTILE, article.findElement(By.className("headline")).getText());
        assertTrue(browser.findElements(By.cssSelector("img[src='x']")).isEmpty(), "no injected image");
        assertEquals(0L, js("return document.querySelectorAll('main script').length"));

        // Every card preset, loaded and shown at its natural size.
        List<WebElement> cards = article.findElements(By.cssSelector("figure.card"));
        assertEquals(PRESET_SIZES.keySet(), presets(cards));
        for (WebElement card : cards) {
            WebElement img = card.findElement(By.tagName("img"));
            wait.until(d -> Boolean.TRUE.equals(js("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
            int[] size = PRESET_SIZES.get(card.getAttribute("data-preset"));
            assertEquals((long) size[0], js("return arguments[0].naturalWidth", img), card.getAttribute("data-preset"));
            assertEquals((long) size[1], js("return arguments[0].naturalHeight", img), card.getAttribute("data-preset"));
            assertEquals((long) size[0], js("return arguments[0].getBoundingClientRect().width", img),
                    "shown at true size: " + card.getAttribute("data-preset"));
        }

        // Each platform's mock-up, with that platform's title cut.
        String title = metadata.path("title").asText();
        assertTrue(title.codePointCount(0, title.length()) > 150, "a headline longer than every preview shows");
        for (Platform platform : Platform.values()) {
            WebElement mock = article.findElement(By.cssSelector("figure[data-platform='" + platform.id() + "']"));
            String shown = (String) js("return arguments[0].querySelector('.title').textContent", mock);
            String source = platform == Platform.X ? metadata.path("x").path("title").asText() : title;
            assertTrue(shown.codePointCount(0, shown.length()) <= platform.titleLimit(), platform + ": " + shown);
            if (source.codePointCount(0, source.length()) > platform.titleLimit()) {
                assertTrue(shown.endsWith("…"), platform + " cuts with an ellipsis: " + shown);
                String kept = shown.substring(0, shown.length() - 1);
                assertTrue(source.startsWith(kept), platform + " keeps the start: " + shown);
                assertTrue(source.charAt(kept.length()) == ' ', platform + " cuts at a word: " + shown);
            } else {
                assertEquals(source, shown, platform.label());
            }
            WebElement image = mock.findElement(By.cssSelector("img[data-platform-image]"));
            wait.until(d -> Boolean.TRUE.equals(js("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
        }
        String facebook = (String) js("return arguments[0].textContent",
                article.findElement(By.cssSelector("[data-platform='facebook'] .title")));
        assertTrue(facebook.length() < title.length() && facebook.length() > 60, facebook);
        String discord = (String) js("return arguments[0].textContent",
                article.findElement(By.cssSelector("[data-platform='discord'] .title")));
        assertEquals(title, discord, "Discord shows up to 256 characters");
        // Discord's bar takes the page's theme-color; X frames the card at 2:1.
        String themeColor = new BucketReader(s3, deployment.endpoint().bucket()).articles().get(0).tag("theme-color");
        assertFalse(themeColor.isEmpty());
        assertEquals(rgb(themeColor), js("return getComputedStyle(arguments[0]).borderLeftColor",
                article.findElement(By.cssSelector(".dc-embed"))));
        WebElement xFrame = article.findElement(By.cssSelector("[data-platform='x'] .frame"));
        assertEquals(2.0, xFrame.getSize().width / (double) xFrame.getSize().height, 0.02);
        long ogBytes = metadata.path("image").path("bytes").asLong();
        assertEquals(ogBytes <= Platform.WHATSAPP_LARGE_IMAGE_BYTES ? "large" : "small",
                article.findElement(By.cssSelector(".wa-preview")).getAttribute("data-image"));

        // The lint report shows each rule's outcome as published.
        Set<String> expected = new HashSet<>();
        for (JsonNode p : metadata.path("lint").path("platforms")) {
            for (JsonNode c : p.path("checks")) {
                expected.add(p.path("platform").asText() + "/" + c.path("rule").asText() + "=" + c.path("outcome").asText());
            }
        }
        Set<String> shownLint = new HashSet<>();
        for (WebElement table : article.findElements(By.cssSelector("table.lint-table"))) {
            for (WebElement row : table.findElements(By.cssSelector("tr[data-rule]"))) {
                shownLint.add(table.getAttribute("data-platform") + "/" + row.getAttribute("data-rule") + "="
                        + row.findElement(By.className("outcome")).getText());
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, shownLint);

        // Share tags, feed entries and the render report are there.
        assertTrue(article.findElements(By.cssSelector(".tag-name")).stream()
                .anyMatch(e -> "og:image".equals(e.getAttribute("textContent"))));
        String canonical = metadata.path("urls").path("canonical").asText();
        String rssItem = (String) js("return arguments[0].textContent",
                article.findElement(By.cssSelector(".feed-rss pre")));
        assertTrue(rssItem.startsWith("<item>") && rssItem.contains(canonical), rssItem);
        assertTrue(((String) js("return arguments[0].textContent", article.findElement(By.cssSelector(".feed-atom pre"))))
                .startsWith("<entry"));
        assertTrue(((String) js("return arguments[0].textContent", article.findElement(By.cssSelector(".feed-json pre"))))
                .contains(canonical));
        assertEquals(6, article.findElements(By.cssSelector(".render-table tr[data-preset]")).size());

        // A second article appears, newest first, without a reload.
        js("window.notReloaded = true");
        publish("ferry-timetable", "Ferry timetable changes from Monday", "2024-03-02T09:00:00Z", false);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article[data-slug='ferry-timetable']")));
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true"));
        // Read in one script: the list may be swapped again as the feeds catch up.
        assertEquals(List.of("ferry-timetable", "harbour-plan"), js("return Array.from("
                + "document.querySelectorAll('article.article')).map(a => a.getAttribute('data-slug'))"));

        // The static copy (what demo writes) shows the same articles, reads images from the bucket folder, runs no script.
        Path copy = Preview.writeStatic(s3, deployment.endpoint().bucket(), "../masthead/", data.resolve("preview/index.html"));
        String html = Files.readString(copy);
        assertTrue(html.contains("data-slug=\"ferry-timetable\"") && html.contains("data-slug=\"harbour-plan\""));
        assertTrue(html.contains("src=\"../masthead/cards/harbour-plan/og-"), "images from the bucket folder");
        assertFalse(html.contains("<script"), "a static copy has nothing to follow");
        assertFalse(html.contains("<script>alert(1)"), "the headline stays escaped");

        js("window.scrollTo(0, 0)");
        Path shot = Path.of("target/preview-screenshot.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(shot) > 10_000);
    }

    private static Set<String> presets(List<WebElement> cards) {
        Set<String> names = new HashSet<>();
        cards.forEach(c -> names.add(c.getAttribute("data-preset")));
        return names;
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static String rgb(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        int v = Integer.parseInt(h.substring(0, 6), 16);
        return "rgb(" + (v >> 16) + ", " + ((v >> 8) & 255) + ", " + (v & 255) + ")";
    }

    private static void publish(String slug, String headline, String published, boolean withPhoto) throws Exception {
        String bucket = deployment.endpoint().bucket();
        ObjectNode article = JSON.createObjectNode().put("headline", headline).put("section", "City")
                .put("published", published)
                .put("bodyHtml", "<p>The council met on Tuesday. The plan goes to a public consultation next.</p>");
        article.putArray("authors").add("Ada Lovelace");
        if (withPhoto) {
            s3.putObject(b -> b.bucket(bucket).key("photos/chelsea.png").contentType("image/png"),
                    RequestBody.fromFile(EVENTS.resolve("photos/chelsea.png")));
            article.putObject("photo").put("key", "photos/chelsea.png").put("alt", "A tabby cat <b>looking</b> up")
                    .put("credit", "Stefan van der Walt");
        }
        s3.putObject(b -> b.bucket(bucket).key("articles/" + slug + ".json").contentType("application/json"),
                RequestBody.fromBytes(JSON.writeValueAsBytes(article)));
        assertTrue(deployment.awaitSettled(Duration.ofSeconds(120)), "publishing settled");
    }
}
