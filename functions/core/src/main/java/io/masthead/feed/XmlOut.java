package io.masthead.feed;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A thin layer over the JDK's {@link XMLStreamWriter}: indentation, text cleaned for XML 1.0 on
 * the way in, CDATA split so {@code ]]>} never ends a section early. The JDK's own factory is
 * asked for explicitly so output does not change with whatever StAX library is on the classpath.
 */
final class XmlOut {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final XMLStreamWriter xml;
    private int depth;
    private boolean hadChild;

    XmlOut() {
        try {
            xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut start(String name) {
        return start(null, null, name);
    }

    XmlOut start(String prefix, String ns, String name) {
        try {
            indent();
            if (ns == null) xml.writeStartElement(name);
            else xml.writeStartElement(prefix, name, ns);
            depth++;
            hadChild = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut defaultNamespace(String ns) {
        try {
            xml.writeDefaultNamespace(ns);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut namespace(String prefix, String ns) {
        try {
            xml.writeNamespace(prefix, ns);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut attr(String name, String value) {
        try {
            xml.writeAttribute(name, FeedText.xmlSafe(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut attr(String prefix, String ns, String name, String value) {
        try {
            xml.writeAttribute(prefix, ns, name, FeedText.xmlSafe(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut text(String s) {
        try {
            xml.writeCharacters(FeedText.xmlSafe(s));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut cdata(String s) {
        try {
            for (String piece : FeedText.cdataPieces(FeedText.xmlSafe(s))) xml.writeCData(piece);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the element; an element with children gets its end tag on its own line. */
    XmlOut end() {
        try {
            depth--;
            if (hadChild) indent();
            xml.writeEndElement();
            hadChild = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name>text</name>}, nothing when text is empty. */
    XmlOut element(String name, String text) {
        if (text == null || text.isEmpty()) return this;
        return start(name).text(text).end();
    }

    XmlOut element(String prefix, String ns, String name, String text) {
        if (text == null || text.isEmpty()) return this;
        return start(prefix, ns, name).text(text).end();
    }

    /** An element with no content, e.g. {@code <atom:link .../>}; attributes follow. */
    XmlOut empty(String prefix, String ns, String name) {
        try {
            indent();
            if (ns == null) xml.writeEmptyElement(name);
            else xml.writeEmptyElement(prefix, name, ns);
            hadChild = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] finish() {
        try {
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            bytes.write('\n');
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        hadChild = true;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
