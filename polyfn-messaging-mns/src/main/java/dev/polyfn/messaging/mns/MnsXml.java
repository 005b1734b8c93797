package dev.polyfn.messaging.mns;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML of the MNS API (namespace {@code http://mns.aliyuncs.com/doc/v1/}): requests written as text, answers read
 * with the JDK's parser with DTDs off. Public for the loopback test server, which reads and writes the same shapes.
 */
public final class MnsXml {

	public static final String NAMESPACE = "http://mns.aliyuncs.com/doc/v1/";

	public static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

	private MnsXml() {
	}

	/** One element with its children's text, in order: {@code <Message xmlns=...><MessageBody>..</MessageBody></Message>}. */
	public static String element(String name, Map<String, String> children, boolean withNamespace) {
		StringBuilder xml = new StringBuilder("<").append(name);
		if (withNamespace) {
			xml.append(" xmlns=\"").append(NAMESPACE).append('"');
		}
		xml.append('>');
		children.forEach((child, text) -> {
			if (text != null) {
				xml.append('<').append(child).append('>').append(escape(text)).append("</").append(child).append('>');
			}
		});
		return xml.append("</").append(name).append('>').toString();
	}

	public static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				// A carriage return is kept as one: a parser would otherwise turn CR LF into LF.
				case '\r' -> out.append("&#13;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Whether the text can be an XML 1.0 element's content at all (https://www.w3.org/TR/xml/#charsets): tab, LF, CR
	 * and the characters from U+0020 on, without lone surrogates and U+FFFE/U+FFFF.
	 */
	public static boolean isXmlText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
				return false;
			}
		}
		return true;
	}

	/** The document's root element; null when the bytes are not XML. */
	public static Element root(byte[] xml) {
		if (xml == null || xml.length == 0) {
			return null;
		}
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			// Quiet: an answer that is not XML is reported by the caller, not printed on stderr by the parser.
			builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
			Document document = builder.parse(new ByteArrayInputStream(xml));
			return document.getDocumentElement();
		}
		catch (Exception notXml) {
			return null;
		}
	}

	/** The text of each child element of {@code parent}, by local name (the last one wins). */
	public static Map<String, String> children(Element parent) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Element child : elements(parent)) {
			values.put(child.getLocalName() != null ? child.getLocalName() : child.getTagName(), child.getTextContent());
		}
		return values;
	}

	/** The child elements of {@code parent}, in order. */
	public static List<Element> elements(Element parent) {
		List<Element> elements = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element) {
				elements.add(element);
			}
		}
		return elements;
	}

	public static String localName(Element element) {
		return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
	}
}
