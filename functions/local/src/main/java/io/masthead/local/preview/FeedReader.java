package io.masthead.local.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;

/** Finds one article's entry in the published RSS, Atom and JSON feeds, by its canonical URL. */
final class FeedReader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Document rss;
    private final Document atom;
    private final JsonNode jsonFeed;

    FeedReader(byte[] rss, byte[] atom, byte[] jsonFeed) {
        this.rss = parseXml(rss);
        this.atom = parseXml(atom);
        this.jsonFeed = parseJson(jsonFeed);
    }

    FeedEntries entriesFor(String canonicalUrl) {
        return new FeedEntries(rssItem(canonicalUrl), atomEntry(canonicalUrl), jsonItem(canonicalUrl));
    }

    private String rssItem(String url) {
        if (rss == null) {
            return "";
        }
        NodeList items = rss.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (url.equals(childText(item, "link")) || url.equals(childText(item, "guid"))) {
                return serialize(item);
            }
        }
        return "";
    }

    private String atomEntry(String url) {
        if (atom == null) {
            return "";
        }
        NodeList entries = atom.getElementsByTagNameNS("*", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            NodeList links = entry.getElementsByTagNameNS("*", "link");
            for (int j = 0; j < links.getLength(); j++) {
                Element link = (Element) links.item(j);
                String rel = link.getAttribute("rel");
                if ((rel.isEmpty() || rel.equals("alternate")) && url.equals(link.getAttribute("href"))) {
                    return serialize(entry);
                }
            }
        }
        return "";
    }

    private String jsonItem(String url) {
        if (jsonFeed == null) {
            return "";
        }
        for (JsonNode item : jsonFeed.path("items")) {
            if (url.equals(item.path("url").asText()) || url.equals(item.path("id").asText())) {
                try {
                    return JSON.writeValueAsString(item);
                } catch (Exception e) {
                    return item.toString();
                }
            }
        }
        return "";
    }

    private static String childText(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    private static Document parseXml(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonNode parseJson(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (Exception e) {
            return null;
        }
    }

    private static String serialize(Element element) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(element), new StreamResult(out));
            return out.toString().replaceAll("(?m)^[ \t]*\r?\n", "").strip();
        } catch (Exception e) {
            return element.getTextContent();
        }
    }
}
