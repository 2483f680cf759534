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
import io.masthead.local.tooling.CommandOptions;
import io.masthead.site.Site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
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
        if (args.contains("-h") || args.contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        CommandOptions o;
        try {
            o = CommandOptions.parse(args, Set.of("photo", "out"), Set.of());
            if (o.positional().size() != 1) throw new CommandOptions.UsageException("name one article file");
            o.require("out");
        } catch (CommandOptions.UsageException e) {
            System.err.println("render: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        Path articleFile = Path.of(o.positional().get(0));
        Path photoFile = o.flag("photo") ? o.path("photo", "") : null;
        Path out = o.path("out", "");
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
