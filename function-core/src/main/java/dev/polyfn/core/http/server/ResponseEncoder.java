package dev.polyfn.core.http.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import dev.polyfn.core.model.PortableHttpResponse;

/**
 * Writes a response the way every HTTP client parses it: a status line with a reason phrase, the function's
 * headers minus the ones the server owns (framing, connection) and minus any with CR/LF in them (header
 * injection), one Content-Length, and no body for HEAD, 1xx, 204 and 304.
 */
final class ResponseEncoder {

	private static final Set<String> SERVER_OWNED = Set.of("content-length", "transfer-encoding", "connection",
			"keep-alive", "date");

	private ResponseEncoder() {
	}

	static ByteBuffer encode(PortableHttpResponse response, boolean head, boolean close, String date) {
		int status = response.status();
		byte[] body = response.body();
		boolean noBody = head || status == 204 || status == 304 || status < 200;
		StringBuilder text = new StringBuilder(128);
		text.append("HTTP/1.1 ").append(status).append(' ').append(ReasonPhrases.of(status)).append("\r\n");
		response.headers().forEach((name, values) -> {
			if (!SERVER_OWNED.contains(name.toLowerCase(Locale.ROOT)) && RequestHeadParser.isToken(name)) {
				for (String value : values) {
					if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
						text.append(name).append(": ").append(value).append("\r\n");
					}
				}
			}
		});
		text.append("Date: ").append(date).append("\r\n");
		if (status != 204 && status >= 200) {
			text.append("Content-Length: ").append(body.length).append("\r\n");
		}
		if (close) {
			text.append("Connection: close\r\n");
		}
		text.append("\r\n");
		byte[] headBytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream(headBytes.length + (noBody ? 0 : body.length));
		out.writeBytes(headBytes);
		if (!noBody) {
			out.writeBytes(body);
		}
		return ByteBuffer.wrap(out.toByteArray());
	}

	static ByteBuffer continueLine() {
		return ByteBuffer.wrap("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
	}
}
