package dev.polyfn.storage.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * The few XML documents of S3's REST API that polyfn reads and writes, by hand: each answer is a flat element of
 * text children without prefixes, CDATA or DTDs (ListBucketResult, InitiateMultipartUploadResult, CopyObjectResult,
 * CompleteMultipartUploadResult, Error; Amazon S3 API Reference, read 2026-12-07). A scan for {@code <Name>} and
 * {@code </Name>} reads them with none of the JDK's XML parser classes loaded at a cold start.
 */
final class S3Xml {

	private S3Xml() {
	}

	/** The root element's name, or null when the text is not XML: tells an {@code <Error>} in a 200 answer apart. */
	static String rootName(String xml) {
		int at = 0;
		while (true) {
			int open = xml.indexOf('<', at);
			if (open < 0 || open + 1 >= xml.length()) {
				return null;
			}
			char next = xml.charAt(open + 1);
			if (next != '?' && next != '!') {
				int end = open + 1;
				while (end < xml.length() && !isNameEnd(xml.charAt(end))) {
					end++;
				}
				return xml.substring(open + 1, end);
			}
			at = open + 1;
		}
	}

	/** The text of the first element of this name, unescaped; null when there is none, "" for {@code <Name/>}. */
	static String text(String xml, String name) {
		List<String> found = elements(xml, name, 1);
		return found.isEmpty() ? null : unescape(found.get(0));
	}

	/** The raw content of every element of this name, in order ({@code <Contents>} of a listing). */
	static List<String> elements(String xml, String name) {
		return elements(xml, name, Integer.MAX_VALUE);
	}

	private static List<String> elements(String xml, String name, int max) {
		List<String> found = new ArrayList<>();
		String close = "</" + name + ">";
		int at = 0;
		while (found.size() < max) {
			int open = xml.indexOf("<" + name, at);
			if (open < 0) {
				break;
			}
			int afterName = open + 1 + name.length();
			if (afterName >= xml.length() || !isNameEnd(xml.charAt(afterName))) {
				// <NameSuffix>: another element that starts with the same letters
				at = afterName;
				continue;
			}
			int tagEnd = xml.indexOf('>', afterName);
			if (tagEnd < 0) {
				break;
			}
			if (xml.charAt(tagEnd - 1) == '/') {
				found.add("");
				at = tagEnd + 1;
				continue;
			}
			int end = xml.indexOf(close, tagEnd + 1);
			if (end < 0) {
				break;
			}
			found.add(xml.substring(tagEnd + 1, end));
			at = end + close.length();
		}
		return found;
	}

	private static boolean isNameEnd(char c) {
		return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
	}

	/** The five predefined entities and numeric character references. */
	static String unescape(String text) {
		if (text.indexOf('&') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int at = 0;
		while (at < text.length()) {
			char c = text.charAt(at);
			int semicolon = c == '&' ? text.indexOf(';', at) : -1;
			if (semicolon < 0) {
				out.append(c);
				at++;
				continue;
			}
			String entity = text.substring(at + 1, semicolon);
			switch (entity) {
				case "amp" -> out.append('&');
				case "lt" -> out.append('<');
				case "gt" -> out.append('>');
				case "quot" -> out.append('"');
				case "apos" -> out.append('\'');
				default -> {
					if (entity.startsWith("#x") || entity.startsWith("#X")) {
						out.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
					}
					else if (entity.startsWith("#")) {
						out.appendCodePoint(Integer.parseInt(entity.substring(1)));
					}
					else {
						out.append('&').append(entity).append(';');
					}
				}
			}
			at = semicolon + 1;
		}
		return out.toString();
	}

	/**
	 * The body of CompleteMultipartUpload: every part's number and etag, in order. The etags go as UploadPart answered
	 * them, unescaped: they are quoted hex digits, nothing XML reads differently (one that is not breaks the document,
	 * and S3 refuses it as MalformedXML).
	 */
	static String completeMultipartUpload(List<String> partEtags) {
		StringBuilder xml = new StringBuilder(64 + partEtags.size() * 80).append("<CompleteMultipartUpload>");
		for (int i = 0; i < partEtags.size(); i++) {
			xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(partEtags.get(i))
				.append("</ETag></Part>");
		}
		return xml.append("</CompleteMultipartUpload>").toString();
	}
}
