package io.masthead.article;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-text page ({@code articles/*.txt}) as a reader copies it from a news site:
 * section line, relative-age line, headline, the photo's alt text and caption (the caption
 * ending with its credit and the link text beside it), {@code Published :}/{@code Updated :}
 * labels, body paragraphs, and page furniture such as {@code Share this news}. Lines are
 * grouped into blocks at blank lines; furniture is dropped wherever it is, the header is read
 * from the first blocks, and everything after the photo is the body.
 */
final class PlainTextReader {
    static final String FORMAT = "text";
    private static final Pattern AGE = Pattern.compile("(?i)^(?:(?:updated|published|posted)\\s+)?"
            + "(?:(?:\\d+|an?|one)\\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\\s+ago|just now|yesterday)$");
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^(published|updated|last updated|first published|posted)\\s*:\\s*(.*)$");
    private static final Set<String> FURNITURE = Set.of("share this news", "share this article", "share this story",
            "share this page", "share", "advertisement", "read more", "related", "related articles", "related stories",
            "acquire licensing rights", "purchase licensing rights", "print", "comments", "listen to this article",
            "skip to main content", "follow us", "subscribe");
    private static final Pattern SHARE_ON = Pattern.compile("(?i)^share (?:this )?(?:on|via) [\\w .+]{1,30}$");
    /** A credit label inside a caption line: {@code Photo : REUTERS/Ahmed Saad}, {@code (Photo: AFP)}, {@code Credit: ...}. */
    private static final Pattern CREDIT = Pattern.compile(
            "(?i)^(.*?)\\s*[(\\[]?\\b(?:photo|photograph|picture|image|credit|foto)s?\\s*:\\s*(.+?)[)\\]]?$");
    /** The link text a page puts beside a photo's credit; not part of the credit. */
    private static final Pattern LINK_TEXT = Pattern.compile(
            "(?i)\\s*[-|•·]?\\s*(?:(?:acquire|purchase|buy|get) licensing rights|licensing rights|buy (?:this )?(?:photo|image|print)|view (?:photo|image|gallery))\\s*$");
    private static final Pattern BYLINE = Pattern.compile("^(?i:by)\\s+(\\p{Lu}.{1,100})$");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*,\\s*|\\s+and\\s+|\\s*&\\s*");

    private final ArticleParser parser;

    PlainTextReader(ArticleParser parser) {
        this.parser = parser;
    }

    ParsedArticle read(String key, String text, OffsetDateTime eventTime) {
        ImportReport.Builder report = new ImportReport.Builder(FORMAT);
        V1Tree tree = new V1Tree(report);
        Page page = new Page(report);
        List<List<String>> blocks = page.blocks(text);
        if (blocks.isEmpty()) throw new ArticleException(key, "(document)", "has no text after removing page furniture");

        int next = header(blocks, page, tree, report);
        next = byline(blocks, next, tree);
        Caption caption = new Caption();
        next = caption.read(blocks, next, report);

        List<String> paragraphs = new ArrayList<>();
        boolean linesAsParagraphs = false;
        for (int i = next; i < blocks.size(); i++) {
            List<String> block = blocks.get(i);
            if (block.size() > 1 && block.stream().allMatch(PlainTextReader::endsSentence)) {
                paragraphs.addAll(block);
                linesAsParagraphs = true;
            } else {
                paragraphs.add(String.join(" ", block));
            }
        }
        if (linesAsParagraphs) report.guess("body: lines that each end a sentence, with no blank line between, read as separate paragraphs");
        if (!paragraphs.isEmpty()) {
            tree.put("bodyHtml", "paragraphs (" + paragraphs.size() + ")", PlainParagraphs.toHtml(paragraphs));
            report.guess("summary: the first paragraph");
        }
        page.dates(key, tree);
        if (!tree.has("published")) {
            report.guess("published: the upload time" + (page.age == null ? "" : " (the page gives only a relative age, \"" + page.age + "\")"));
        }

        String slug = ArticleParser.slugOfKey(key);
        PhotoLead lead = new PhotoLead(List.of(), "photos/" + slug + ".", caption.caption, caption.alt, caption.credit);
        report.guess("photo: the object named photos/" + slug + ".* when there is one, chosen when publishing; else a text card");
        return new ParsedArticle(tree.build(parser, key, eventTime), report.build(), lead);
    }

    /** Section and headline from the first blocks; returns the index of the first block after the headline. */
    private static int header(List<List<String>> blocks, Page page, V1Tree tree, ImportReport.Builder report) {
        List<String> first = blocks.get(0);
        if (first.size() >= 2) {
            if (sectionLike(first.get(0))) {
                tree.put("section", "line 1", first.get(0));
                tree.put("headline", "line 2", String.join(" ", first.subList(1, first.size())));
                report.guess("section: the short line above the headline");
            } else {
                tree.put("headline", "first block", String.join(" ", first));
            }
            return 1;
        }
        boolean oneLineNext = blocks.size() > 1 && blocks.get(1).size() == 1;
        if (sectionLike(first.get(0)) && oneLineNext && page.ageInFirstBlock) {
            tree.put("section", "line 1", first.get(0));
            tree.put("headline", "first line after the section", blocks.get(1).get(0));
            return 2;
        }
        if (sectionLike(first.get(0)) && oneLineNext && !endsSentence(blocks.get(1).get(0))) {
            tree.put("section", "line 1", first.get(0));
            tree.put("headline", "first line after the section", blocks.get(1).get(0));
            report.guess("section: \"" + first.get(0) + "\" is a short line before a one-line headline");
            return 2;
        }
        tree.put("headline", "first line", first.get(0));
        report.guess("section: none; the first line is the headline");
        return 1;
    }

    private static int byline(List<List<String>> blocks, int next, V1Tree tree) {
        if (next >= blocks.size() || blocks.get(next).size() != 1) return next;
        Matcher m = BYLINE.matcher(blocks.get(next).get(0));
        if (!m.matches() || m.group(1).split("\\s+").length > 12 || endsSentence(m.group(1))) return next;
        ArrayNode authors = JsonNodeFactory.instance.arrayNode();
        for (String name : NAME_SEPARATORS.split(m.group(1))) {
            if (!name.isBlank()) authors.add(name.trim());
        }
        tree.put("authors", "byline", authors);
        return next + 1;
    }

    /** The photo's caption, alt text and credit, when the blocks after the headline hold them. */
    private static final class Caption {
        String caption = "", alt = "", credit = "";

        int read(List<List<String>> blocks, int next, ImportReport.Builder report) {
            if (next >= blocks.size()) return next;
            List<String> block = blocks.get(next);
            int creditLine = -1;
            Matcher credited = null;
            for (int i = block.size() - 1; i >= 0; i--) {
                Matcher m = CREDIT.matcher(block.get(i));
                if (m.matches()) {
                    creditLine = i;
                    credited = m;
                    break;
                }
            }
            if (credited != null && creditLike(credited.group(2))) {
                caption = trimCaption(credited.group(1));
                credit = credit(credited.group(2), report);
                report.mapped("caption line", "photo.caption").mapped("credit after the caption", "photo.credit");
                List<String> before = block.subList(0, creditLine);
                if (caption.isEmpty() && !before.isEmpty()) {
                    // "Photo: AFP" on its own line under the caption
                    caption = String.join(" ", before);
                } else {
                    altText(before, report);
                }
                return next + 1;
            }
            if (block.size() == 2 && block.get(1).startsWith(block.get(0)) && !block.get(0).isEmpty()) {
                caption = block.get(0);
                alt = block.get(0);
                report.mapped("caption line", "photo.caption");
                report.guess("photo.alt: the line repeated above the caption is the image's alt text");
                String rest = LINK_TEXT.matcher(block.get(1).substring(block.get(0).length()).trim()).replaceAll("").trim();
                if (!rest.isEmpty()) {
                    credit = rest;
                    report.guess("photo.credit: \"" + rest + "\" follows the repeated caption without a label");
                }
                return creditOnly(blocks, next + 1, report);
            }
            if (block.size() == 1 && creditOnlyAt(blocks, next + 1)) {
                // the caption, then the credit on a line of its own
                caption = block.get(0);
                report.mapped("caption line", "photo.caption");
                return creditOnly(blocks, next + 1, report);
            }
            return creditOnly(blocks, next, report);
        }

        private static boolean creditOnlyAt(List<List<String>> blocks, int i) {
            if (i >= blocks.size() || blocks.get(i).size() != 1) return false;
            Matcher m = CREDIT.matcher(blocks.get(i).get(0));
            return m.matches() && m.group(1).isBlank() && creditLike(m.group(2));
        }

        /** A block that is only a credit ({@code Photo: AFP}), right after the caption or the headline. */
        private int creditOnly(List<List<String>> blocks, int next, ImportReport.Builder report) {
            if (!credit.isEmpty() || !creditOnlyAt(blocks, next)) return next;
            Matcher m = CREDIT.matcher(blocks.get(next).get(0));
            m.matches();
            credit = credit(m.group(2), report);
            report.mapped("credit line", "photo.credit");
            return next + 1;
        }

        private void altText(List<String> lines, ImportReport.Builder report) {
            if (lines.isEmpty()) return;
            String line = String.join(" ", lines);
            if (line.equals(caption)) {
                alt = caption;
                report.guess("photo.alt: the line repeated above the caption is the image's alt text");
            } else {
                alt = line;
                report.guess("photo.alt: the line above the caption is the image's alt text");
            }
        }

        /** A credit is a name or an agency, not a clause: a few words at most. */
        private static boolean creditLike(String raw) {
            String bare = LINK_TEXT.matcher(raw).replaceAll("").trim();
            return !bare.isEmpty() && bare.length() <= 80 && bare.split("\\s+").length <= 8;
        }

        private static String credit(String raw, ImportReport.Builder report) {
            Matcher link = LINK_TEXT.matcher(raw);
            String credit = raw;
            if (link.find()) {
                report.ignored(link.group().trim(), "the link text beside the photo, not part of the credit");
                credit = raw.substring(0, link.start());
            }
            return credit.replaceAll("[\\s.,;|]+$", "").trim();
        }

        private static String trimCaption(String caption) {
            return caption.replaceAll("[\\s(\\[|–—-]+$", "").trim();
        }
    }

    /** Blocks of lines, with furniture, relative ages and date labels taken out and remembered. */
    private static final class Page {
        final ImportReport.Builder report;
        String age;
        boolean ageInFirstBlock;
        private boolean ageInBlock;
        String publishedLabel = "", updatedLabel = "";

        Page(ImportReport.Builder report) {
            this.report = report;
        }

        List<List<String>> blocks(String text) {
            List<List<String>> blocks = new ArrayList<>();
            List<String> block = new ArrayList<>();
            for (String raw : text.split("\\R", -1)) {
                String line = ArticleParser.cleanLine(raw);
                if (line.isEmpty()) {
                    close(blocks, block);
                    block = new ArrayList<>();
                } else if (keep(line)) {
                    block.add(line);
                }
            }
            close(blocks, block);
            return blocks;
        }

        private void close(List<List<String>> blocks, List<String> block) {
            // "World" and "10 months ago" on adjacent lines: the age line marks the header block.
            if (ageInBlock && !block.isEmpty() && blocks.isEmpty()) ageInFirstBlock = true;
            ageInBlock = false;
            if (!block.isEmpty()) blocks.add(block);
        }

        /** False for a line that is furniture, a relative age or a date label (each reported). */
        private boolean keep(String line) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (AGE.matcher(line).matches()) {
                if (age == null) age = line;
                ageInBlock = true;
                report.ignored(line, "a relative age (as the page showed it when copied), not a date");
                return false;
            }
            Matcher label = LABEL.matcher(line);
            if (label.matches()) {
                String value = label.group(2).trim();
                boolean updated = label.group(1).toLowerCase(Locale.ROOT).contains("updated");
                if (value.isEmpty()) {
                    report.ignored(line, "an empty label");
                } else if (updated) {
                    updatedLabel = value;
                } else {
                    publishedLabel = value;
                }
                return false;
            }
            if (FURNITURE.contains(lower.replaceAll("[\\s:|>»]+$", "")) || SHARE_ON.matcher(line).matches()) {
                report.ignored(line, "page furniture");
                return false;
            }
            return true;
        }

        void dates(String key, V1Tree tree) {
            date(key, tree, "published", "Published :", publishedLabel);
            date(key, tree, "updated", "Updated :", updatedLabel);
        }

        private void date(String key, V1Tree tree, String field, String label, String value) {
            if (value.isEmpty()) return;
            LooseDates.Reading reading = LooseDates.read(value);
            if (reading == null) {
                report.ignored(label + " " + value, "not a date this reader knows (e.g. 5 January 2024 14:20 GMT)");
                return;
            }
            tree.put(field, label, reading.iso());
            if (!reading.assumption().isEmpty()) report.guess(field + ": \"" + value + "\": " + reading.assumption());
        }
    }

    /** A section name: a few words, no sentence punctuation. */
    private static boolean sectionLike(String line) {
        return line.length() <= 40 && line.split("\\s+").length <= 4 && !line.matches(".*[.!?:;,\"”’]$");
    }

    private static boolean endsSentence(String line) {
        return line.matches(".*[.!?…][\"”’)]?$");
    }
}
