package io.masthead.page;

import io.masthead.card.CardSet;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.masthead.page.PageParts.meta;
import static io.masthead.page.PageParts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PageLanguageTest {
    private static final CardSet CARDS = Fixtures.allCards();

    @ParameterizedTest(name = "{0} -> lang {1}, {2}, og:locale {3}")
    @CsvSource(nullValues = "none", value = {
            "en, en, ltr, en_US",
            "en-GB, en-GB, ltr, en_GB",
            "pt, pt, ltr, pt_BR",
            "pt-PT, pt-PT, ltr, pt_PT",
            "ar, ar, rtl, ar_AR",
            "ar-EG, ar-EG, rtl, ar_EG",
            "he, he, rtl, he_IL",
            "iw, he, rtl, he_IL",
            "fa, fa, rtl, fa_IR",
            "ur, ur, rtl, ur_PK",
            "ps, ps, rtl, ps_AF",
            "yi, yi, rtl, none",
            "az-Arab, az-Arab, rtl, az_AZ",
            "sd-Deva, sd-Deva, ltr, none",
            "zh-Hant, zh-Hant, ltr, zh_TW",
            "zh-Hans-SG, zh-Hans-SG, ltr, zh_SG",
            "ja, ja, ltr, ja_JP",
            "es-419, es-419, ltr, es_LA",
            "de-CH, de-CH, ltr, de_CH",
            "'', en, ltr, en_US",
            "'not a tag!', en, ltr, en_US"})
    void pageCarriesLangDirAndLocale(String language, String lang, String dir, String locale) {
        Document doc = parse(new SharePageRenderer(Fixtures.SITE)
                .render(Fixtures.article("Headline", "Summary", language), CARDS).html());
        assertEquals(lang, doc.selectFirst("html").attr("lang"));
        assertEquals(dir, doc.selectFirst("html").attr("dir"));
        assertEquals(locale, meta(doc, "og:locale"));
        assertEquals(lang, PageParts.jsonLd(doc).get("inLanguage").asText());
    }

    @Test
    void arabicPageIsRightToLeftWithArabicTextIntact() {
        String headline = "\u0627\u0644\u0639\u0627\u0635\u0641\u0629 \u062a\u063a\u0644\u0642 \u0627\u0644\u0645\u064a\u0646\u0627\u0621";
        SharePage page = new SharePageRenderer(Fixtures.SITE).render(Fixtures.article(headline, "\u0645\u0644\u062e\u0635", "ar"), CARDS);
        Document doc = parse(page.html());
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        assertEquals("ar", doc.selectFirst("html").attr("lang"));
        assertEquals(headline, meta(doc, "og:title"));
        assertEquals(headline, doc.selectFirst("h1").text());
        assertEquals("rtl", PageParts.json(page.metadataJson()).get("direction").asText());
    }

    @Test
    void unknownLanguageWithoutTerritoryHasNoLocaleTag() {
        Document doc = parse(new SharePageRenderer(Fixtures.SITE).render(Fixtures.article("H", "S", "tlh"), CARDS).html());
        assertEquals("tlh", doc.selectFirst("html").attr("lang"));
        assertNull(meta(doc, "og:locale"));
    }
}
