package io.masthead.page;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the article's BCP 47 language means for the page: the {@code lang} value, the writing
 * direction, and the {@code og:locale} ({@code language_TERRITORY}, as Facebook lists them).
 *
 * @param tag       normalized BCP 47 tag for {@code lang} and {@code inLanguage}
 * @param direction {@code rtl} or {@code ltr}
 * @param ogLocale  e.g. {@code en_US}, {@code ar_AR}; empty when no territory is known for the language
 * @param locale    for word and grapheme breaking
 */
record PageLanguage(String tag, String direction, String ogLocale, Locale locale) {

    static final String DEFAULT_TAG = "en";

    /** Languages written right to left unless a script subtag says otherwise. */
    private static final Set<String> RTL_LANGUAGES = Set.of(
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "lrc", "mzn", "nqo", "pnb",
            "ps", "sd", "syr", "ug", "ur", "yi", "ji");
    private static final Set<String> RTL_SCRIPTS = Set.of(
            "Adlm", "Arab", "Aran", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi");

    /**
     * The territory to pair with a bare language. Facebook's own locale list decides the odd
     * ones (Arabic is {@code ar_AR}); the rest are the language's most populous territory.
     */
    private static final Map<String, String> DEFAULT_TERRITORY = Map.ofEntries(
            Map.entry("af", "ZA"), Map.entry("am", "ET"), Map.entry("ar", "AR"), Map.entry("az", "AZ"),
            Map.entry("be", "BY"), Map.entry("bg", "BG"), Map.entry("bn", "IN"), Map.entry("bs", "BA"),
            Map.entry("ca", "ES"), Map.entry("cs", "CZ"), Map.entry("cy", "GB"), Map.entry("da", "DK"),
            Map.entry("de", "DE"), Map.entry("el", "GR"), Map.entry("en", "US"), Map.entry("es", "ES"),
            Map.entry("et", "EE"), Map.entry("eu", "ES"), Map.entry("fa", "IR"), Map.entry("fi", "FI"),
            Map.entry("fil", "PH"), Map.entry("fr", "FR"), Map.entry("ga", "IE"), Map.entry("gl", "ES"),
            Map.entry("gu", "IN"), Map.entry("ha", "NG"), Map.entry("he", "IL"), Map.entry("hi", "IN"),
            Map.entry("hr", "HR"), Map.entry("hu", "HU"), Map.entry("hy", "AM"), Map.entry("id", "ID"),
            Map.entry("is", "IS"), Map.entry("it", "IT"), Map.entry("ja", "JP"), Map.entry("ka", "GE"),
            Map.entry("kk", "KZ"), Map.entry("km", "KH"), Map.entry("kn", "IN"), Map.entry("ko", "KR"),
            Map.entry("ku", "TR"), Map.entry("lt", "LT"), Map.entry("lv", "LV"), Map.entry("mk", "MK"),
            Map.entry("ml", "IN"), Map.entry("mn", "MN"), Map.entry("mr", "IN"), Map.entry("ms", "MY"),
            Map.entry("my", "MM"), Map.entry("nb", "NO"), Map.entry("ne", "NP"), Map.entry("nl", "NL"),
            Map.entry("nn", "NO"), Map.entry("no", "NO"), Map.entry("pa", "IN"), Map.entry("pl", "PL"),
            Map.entry("ps", "AF"), Map.entry("pt", "BR"), Map.entry("ro", "RO"), Map.entry("ru", "RU"),
            Map.entry("si", "LK"), Map.entry("sk", "SK"), Map.entry("sl", "SI"), Map.entry("so", "SO"),
            Map.entry("sq", "AL"), Map.entry("sr", "RS"), Map.entry("sv", "SE"), Map.entry("sw", "KE"),
            Map.entry("ta", "IN"), Map.entry("te", "IN"), Map.entry("th", "TH"), Map.entry("tl", "PH"),
            Map.entry("tr", "TR"), Map.entry("uk", "UA"), Map.entry("ur", "PK"), Map.entry("uz", "UZ"),
            Map.entry("vi", "VN"), Map.entry("yo", "NG"), Map.entry("zh", "CN"), Map.entry("zu", "ZA"));

    static PageLanguage of(String language) {
        String raw = PlainText.clean(language);
        Locale locale = raw.isEmpty() ? Locale.forLanguageTag(DEFAULT_TAG) : Locale.forLanguageTag(raw);
        if (locale.getLanguage().isEmpty()) locale = Locale.forLanguageTag(DEFAULT_TAG);
        String tag = locale.toLanguageTag();
        String lang = canonicalLanguage(locale.getLanguage());
        return new PageLanguage(tag, direction(lang, locale.getScript()), ogLocale(lang, locale), locale);
    }

    boolean rtl() {
        return direction.equals("rtl");
    }

    private static String direction(String lang, String script) {
        if (!script.isEmpty()) return RTL_SCRIPTS.contains(script) ? "rtl" : "ltr";
        return RTL_LANGUAGES.contains(lang) ? "rtl" : "ltr";
    }

    private static String ogLocale(String lang, Locale locale) {
        String country = locale.getCountry();
        if (lang.equals("zh") && country.isEmpty()) {
            // Traditional script without a region is most often Taiwan's.
            country = locale.getScript().equals("Hant") ? "TW" : "CN";
        }
        // Facebook's one locale for a UN M.49 region: Latin American Spanish.
        if (lang.equals("es") && country.equals("419")) country = "LA";
        if (country.isEmpty() || !country.matches("[A-Z]{2}")) country = DEFAULT_TERRITORY.getOrDefault(lang, "");
        if (country.isEmpty()) return "";
        return lang + "_" + country;
    }

    /** Java may hand back the legacy codes; og:locale and the direction table use the current ones. */
    private static String canonicalLanguage(String lang) {
        return switch (lang) {
            case "iw" -> "he";
            case "ji" -> "yi";
            case "in" -> "id";
            default -> lang;
        };
    }
}
