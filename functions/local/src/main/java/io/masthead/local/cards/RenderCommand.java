package io.masthead.local.cards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.masthead.article.Article;
import io.masthead.article.ArticleException;
import io.masthead.article.ArticleParser;
import io.masthead.card.Card;
import io.masthead.card.CardRenderer;
import io.masthead.card.CardSet;
import io.masthead.card.Preset;
import io.masthead.site.Site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./masthead render ARTICLE [--photo FILE] --out DIR} (any article format): renders every preset and the
 * render report from files, without S3, for designers and for comparisons. Site settings come
 * from the environment as in the functions (SITE_NAME, SITE_COLOR, FONTS_DIR, ...).
 */
public final class RenderCommand {
    private static final String USAGE = "usage: masthead render ARTICLE.json [--photo FILE] --out DIR";

    private RenderCommand() {
    }

    /** Runs the command on its own, before or without the CLI's dispatcher. */
    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    public static int run(List<String> args) {
        Path articleFile = null;
        Path photoFile = null;
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--photo") && i + 1 < args.size()) photoFile = Path.of(args.get(++i));
            else if (a.equals("--out") && i + 1 < args.size()) out = Path.of(args.get(++i));
            else if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                return 0;
            } else if (!a.startsWith("--") && articleFile == null) articleFile = Path.of(a);
            else {
                System.err.println("unknown argument: " + a + "\n" + USAGE);
                return 2;
            }
        }
        if (articleFile == null || out == null) {
            System.err.println(USAGE);
            return 2;
        }
        try {
            Site site = Site.fromEnv(System.getenv());
            // The same parser as the publish function, so every article format renders here too.
            Article article = new ArticleParser(site).parse("articles/" + articleFile.getFileName(),
                    Files.readAllBytes(articleFile), OffsetDateTime.now(ZoneOffset.UTC));
            byte[] photo = photoFile == null ? null : Files.readAllBytes(photoFile);
            CardRenderer renderer = CardRenderer.fromEnv(site, Preset.DEFAULTS, System.getenv());
            CardSet set = renderer.render(article, photo);
            Files.createDirectories(out);
            for (Card card : set.cards()) {
                Path file = out.resolve(card.preset().name() + "-" + card.hash() + ".jpg");
                Files.write(file, card.jpeg());
                System.out.printf(Locale.ROOT, "%-11s %4dx%-4d %7d bytes  %s%n", card.preset().name(), card.width(),
                        card.height(), card.bytes(), file);
            }
            Path report = out.resolve(article.slug() + ".report.json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), set.report());
            System.out.println("report      " + report);
            for (String note : set.report().notes()) System.out.println("note: " + note);
            return 0;
        } catch (ArticleException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("cannot read or write: " + e.getMessage());
            return 1;
        }
    }
}
