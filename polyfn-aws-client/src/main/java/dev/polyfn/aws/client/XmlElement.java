package dev.polyfn.aws.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One element of an AWS XML answer (S3's {@code <ListBucketResult>} and {@code <Error>}, SNS's
 * {@code <PublishResponse>} and {@code <ErrorResponse>}): its local name, its text and its child elements. Read by a
 * small parser of its own rather than the JDK's StAX, which loads some 340 classes for the first document (measured
 * with {@code -Xlog:class+load}, 2026-12-07) where this loads two: the answers are UTF-8, without DTDs, processing
 * instructions beyond the prolog or mixed content. A DOCTYPE is refused, so no entity is ever expanded beyond XML's
 * five and character references.
 */
public record XmlElement(String name, String text, List<XmlElement> children) {

	/** What a body that is not XML reads as: no name, no text, no children. */
	public static final XmlElement NONE = new XmlElement("", "", List.of());

	/** The first child of that local name, or null. */
	public XmlElement child(String local) {
		for (XmlElement child : children) {
			if (child.name.equals(local)) {
				return child;
			}
		}
		return null;
	}

	/** The children of that local name, in order. */
	public List<XmlElement> children(String local) {
		List<XmlElement> found = new ArrayList<>();
		for (XmlElement child : children) {
			if (child.name.equals(local)) {
				found.add(child);
			}
		}
		return found;
	}

	/** The text of the first child of that local name, or null. */
	public String childText(String local) {
		XmlElement child = child(local);
		return child == null ? null : child.text;
	}

	/** The first element of that local name at any depth below this one (depth first), or null. */
	public XmlElement find(String local) {
		for (XmlElement child : children) {
			XmlElement found = child.name.equals(local) ? child : child.find(local);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** The document's root element, or null when the bytes are not XML this parser reads. */
	public static XmlElement parse(byte[] xml) {
		return xml == null ? null : parse(new String(xml, StandardCharsets.UTF_8));
	}

	/** The document's root element, or null when the text is not XML this parser reads. */
	public static XmlElement parse(String xml) {
		if (xml == null || xml.isEmpty()) {
			return null;
		}
		try {
			Parser parser = new Parser(xml);
			parser.skipProlog();
			return parser.element();
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException notXml) {
			return null;
		}
	}

	private static final class Parser {

		private final String xml;
		private int at;

		Parser(String xml) {
			this.xml = xml;
		}

		/** Whitespace, the {@code <?xml ...?>} declaration and comments before the root; a DOCTYPE is refused. */
		void skipProlog() {
			while (true) {
				skipWhitespace();
				if (xml.startsWith("<?", at)) {
					at = after("?>");
				}
				else if (xml.startsWith("<!--", at)) {
					at = after("-->");
				}
				else if (xml.startsWith("<!", at)) {
					throw new IllegalArgumentException("a DOCTYPE");
				}
				else {
					return;
				}
			}
		}

		/** {@code <name attributes>content</name>} or {@code <name attributes/>}, at {@code at}. */
		XmlElement element() {
			expect('<');
			int nameStart = at;
			while (at < xml.length() && !isNameEnd(xml.charAt(at))) {
				at++;
			}
			String qualified = xml.substring(nameStart, at);
			if (qualified.isEmpty()) {
				throw new IllegalArgumentException("an element without a name");
			}
			int tagEnd = xml.indexOf('>', at);
			if (tagEnd < 0) {
				throw new IllegalArgumentException("an unclosed tag");
			}
			// Attributes (xmlns) are not needed: a quoted '>' in one would end the tag early, which SNS never writes.
			boolean empty = xml.charAt(tagEnd - 1) == '/';
			at = tagEnd + 1;
			String local = qualified.substring(qualified.indexOf(':') + 1);
			List<XmlElement> children = new ArrayList<>();
			if (empty) {
				return new XmlElement(local, "", children);
			}
			StringBuilder text = new StringBuilder();
			while (true) {
				if (xml.startsWith("</", at)) {
					at = xml.indexOf('>', at) + 1;
					if (at == 0) {
						throw new IllegalArgumentException("an unclosed end tag");
					}
					return new XmlElement(local, text.toString(), children);
				}
				if (xml.startsWith("<!--", at)) {
					at = after("-->");
				}
				else if (xml.startsWith("<![CDATA[", at)) {
					int end = xml.indexOf("]]>", at);
					if (end < 0) {
						throw new IllegalArgumentException("an unclosed CDATA section");
					}
					text.append(xml, at + 9, end);
					at = end + 3;
				}
				else if (at < xml.length() && xml.charAt(at) == '<') {
					children.add(element());
				}
				else {
					character(text);
				}
			}
		}

		/** One character of text, an entity or character reference decoded. */
		private void character(StringBuilder text) {
			if (at >= xml.length()) {
				throw new IllegalArgumentException("the document ends inside an element");
			}
			char c = xml.charAt(at);
			if (c != '&') {
				text.append(c);
				at++;
				return;
			}
			int semicolon = xml.indexOf(';', at);
			if (semicolon < 0) {
				throw new IllegalArgumentException("an unterminated reference");
			}
			String reference = xml.substring(at + 1, semicolon);
			at = semicolon + 1;
			switch (reference) {
				case "lt" -> text.append('<');
				case "gt" -> text.append('>');
				case "amp" -> text.append('&');
				case "quot" -> text.append('"');
				case "apos" -> text.append('\'');
				default -> {
					if (!reference.startsWith("#") || reference.length() < 2) {
						throw new IllegalArgumentException("an unknown entity");
					}
					boolean hex = reference.charAt(1) == 'x';
					text.appendCodePoint(Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10));
				}
			}
		}

		private void skipWhitespace() {
			while (at < xml.length() && Character.isWhitespace(xml.charAt(at))) {
				at++;
			}
		}

		private int after(String end) {
			int found = xml.indexOf(end, at);
			if (found < 0) {
				throw new IllegalArgumentException("unterminated " + end);
			}
			return found + end.length();
		}

		private void expect(char c) {
			if (at >= xml.length() || xml.charAt(at) != c) {
				throw new IllegalArgumentException("expected " + c);
			}
			at++;
		}

		private static boolean isNameEnd(char c) {
			return c == '>' || c == '/' || Character.isWhitespace(c);
		}
	}
}
