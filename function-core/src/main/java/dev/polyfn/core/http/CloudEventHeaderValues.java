package dev.polyfn.core.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.FunctionFailure;

/**
 * Binary-mode {@code ce-*} header values as the CloudEvents HTTP binding 1.0.2 writes them (§3.1.3.2, "HTTP Header
 * Values", cloudevents/spec cloudevents/bindings/http-protocol-binding.md, read 2026-12-06): a sender percent-encodes
 * space, {@code "}, {@code %} and everything outside printable ASCII as UTF-8 bytes; a recipient first unquotes an
 * RFC 7230 quoted string, then percent-decodes once and rejects bytes that are not UTF-8. Without this a binary event
 * whose source has a space would reach the function with other attributes than the same event in structured mode.
 */
final class CloudEventHeaderValues {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private CloudEventHeaderValues() {
	}

	/** The attribute a header value carries; a malformed value is the sender's fault (400). */
	static String decode(String header, String raw) {
		if (raw == null) {
			return null;
		}
		String value = unquote(raw.trim());
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%') {
				int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
				int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
				if (low < 0) {
					throw malformed(header, "a '%' not followed by two hexadecimal digits");
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
		}
		catch (CharacterCodingException invalid) {
			throw malformed(header, "percent-encoded bytes that are not UTF-8");
		}
	}

	/** The header value for an attribute, percent-encoded as the binding requires of a sender. */
	static String encode(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0x20 && c < 0x7F && c != '"' && c != '%') {
				out.append(c);
				continue;
			}
			int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
			for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
				out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
			}
			i = end - 1;
		}
		return out.toString();
	}

	private static String unquote(String value) {
		if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 1; i < value.length() - 1; i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length() - 1) {
				c = value.charAt(++i);
			}
			out.append(c);
		}
		return out.toString();
	}

	private static FunctionFailure malformed(String header, String problem) {
		return new FunctionFailure(FunctionError.invalidInput("The CloudEvent header " + header + " has " + problem));
	}
}
