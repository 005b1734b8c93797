package dev.polyfn.core.http.server;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.polyfn.core.http.HttpLimits;
import dev.polyfn.core.model.Headers;

/**
 * Parses a request line and headers by RFC 9112, strictly where leniency lets two parsers disagree about a
 * request (smuggling): one Content-Length or chunked, never both, no folded or space-before-colon headers, no
 * control characters. Lines may end in CRLF or a bare LF.
 */
final class RequestHeadParser {

	private RequestHeadParser() {
	}

	/** Index just past the blank line that ends the head, or -1 while it has not all arrived. */
	static int headEnd(byte[] buffer, int start, int end) {
		for (int i = start; i < end; i++) {
			if (buffer[i] == '\n') {
				int next = i + 1;
				if (next < end && buffer[next] == '\n') {
					return next + 1;
				}
				if (next + 1 < end && buffer[next] == '\r' && buffer[next + 1] == '\n') {
					return next + 2;
				}
			}
		}
		return -1;
	}

	static RequestHead parse(byte[] buffer, int start, int end, HttpLimits limits) throws ProtocolError {
		String head = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
		int lineEnd = head.indexOf('\n');
		String requestLine = strip(head.substring(0, lineEnd));
		String[] parts = requestLine.split(" ", -1);
		if (parts.length != 3) {
			throw ProtocolError.badRequest("The request line must be: method, one space, target, one space, HTTP version");
		}
		String method = parts[0];
		if (method.isEmpty() || !isToken(method)) {
			throw ProtocolError.badRequest("The method is not a valid HTTP token");
		}
		boolean http11 = version(parts[2]);
		String target = originForm(parts[1], limits.maxUrlLength());
		Headers headers = new Headers();
		int count = 0;
		int position = lineEnd + 1;
		while (position < head.length()) {
			int next = head.indexOf('\n', position);
			String line = strip(head.substring(position, next));
			position = next + 1;
			if (line.isEmpty()) {
				break;
			}
			if (++count > limits.maxHeaderCount()) {
				throw new ProtocolError(431, "headers_too_large", "More than " + limits.maxHeaderCount()
						+ " header lines (polyfn.http.max-header-count)");
			}
			header(line, headers);
		}
		return frame(method, target, http11, headers, limits);
	}

	private static void header(String line, Headers headers) throws ProtocolError {
		if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
			throw ProtocolError.badRequest("Folded header lines are not accepted");
		}
		int colon = line.indexOf(':');
		if (colon <= 0 || !isToken(line.substring(0, colon))) {
			throw ProtocolError.badRequest("A header line is not 'name: value' with a valid name");
		}
		String value = line.substring(colon + 1).strip();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				throw ProtocolError.badRequest("A header value contains a control character");
			}
		}
		headers.add(line.substring(0, colon), value);
	}

	private static RequestHead frame(String method, String target, boolean http11, Headers headers, HttpLimits limits)
			throws ProtocolError {
		long length = contentLength(headers);
		String encoding = headers.contains("Transfer-Encoding") ? String.join(",", headers.all("Transfer-Encoding")) : null;
		boolean chunked = false;
		if (encoding != null) {
			if (!http11) {
				throw ProtocolError.badRequest("Transfer-Encoding is not allowed in HTTP/1.0");
			}
			if (!"chunked".equalsIgnoreCase(encoding.strip())) {
				throw ProtocolError.badRequest("Only 'Transfer-Encoding: chunked' is accepted");
			}
			if (length >= 0) {
				throw ProtocolError.badRequest("A request must not have both Content-Length and Transfer-Encoding");
			}
			chunked = true;
		}
		if (headers.all("Host").size() > 1) {
			throw ProtocolError.badRequest("More than one Host header");
		}
		String expect = headers.first("Expect");
		if (expect != null && !"100-continue".equalsIgnoreCase(expect)) {
			throw new ProtocolError(417, "expectation_failed", "Only 'Expect: 100-continue' is supported");
		}
		String connection = headers.first("Connection");
		boolean keepAlive = http11 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
		int query = target.indexOf('?');
		String path = query < 0 ? target : target.substring(0, query);
		String rawQuery = query < 0 ? null : target.substring(query + 1);
		return new RequestHead(method, path, rawQuery, http11, headers, length, chunked,
				expect != null && http11, keepAlive);
	}

	private static long contentLength(Headers headers) throws ProtocolError {
		long length = -1;
		for (String value : headers.all("Content-Length")) {
			for (String item : value.split(",", -1)) {
				String digits = item.strip();
				if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
					throw ProtocolError.badRequest("Content-Length must be a number of bytes");
				}
				long parsed = Long.parseLong(digits);
				if (length >= 0 && parsed != length) {
					throw ProtocolError.badRequest("Conflicting Content-Length values");
				}
				length = parsed;
			}
		}
		return length;
	}

	private static boolean version(String version) throws ProtocolError {
		if ("HTTP/1.1".equals(version)) {
			return true;
		}
		if ("HTTP/1.0".equals(version)) {
			return false;
		}
		throw ProtocolError.badRequest("Only HTTP/1.1 and HTTP/1.0 are served");
	}

	/** The path and query of the target; absolute-form is reduced to them, other forms refused. */
	private static String originForm(String target, int maxLength) throws ProtocolError {
		if (target.length() > maxLength) {
			throw new ProtocolError(414, "uri_too_long", "The request target is longer than " + maxLength
					+ " characters (polyfn.http.max-url-length)");
		}
		String lower = target.toLowerCase(Locale.ROOT);
		if (lower.startsWith("http://") || lower.startsWith("https://")) {
			int slash = target.indexOf('/', lower.indexOf("//") + 2);
			target = slash < 0 ? "/" : target.substring(slash);
		}
		if (target.isEmpty() || (target.charAt(0) != '/' && !"*".equals(target))) {
			throw ProtocolError.badRequest("The request target must be a path starting with '/'");
		}
		for (int i = 0; i < target.length(); i++) {
			char c = target.charAt(i);
			if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{}".indexOf(c) >= 0) {
				throw ProtocolError.badRequest("The request target contains a character that must be percent-encoded");
			}
			if (c == '%' && (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2)))) {
				throw ProtocolError.badRequest("The request target has a '%' not followed by two hex digits");
			}
		}
		return target;
	}

	private static boolean hasToken(String header, String token) {
		if (header == null) {
			return false;
		}
		for (String item : header.split(",")) {
			if (item.strip().equalsIgnoreCase(token)) {
				return true;
			}
		}
		return false;
	}

	private static String strip(String line) throws ProtocolError {
		String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
		if (stripped.indexOf('\r') >= 0) {
			throw ProtocolError.badRequest("A bare carriage return inside a line");
		}
		return stripped;
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	static boolean isToken(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
			if (!ok) {
				return false;
			}
		}
		return true;
	}
}
