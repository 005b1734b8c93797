package dev.polyfn.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An HTTP response as every cloud can express it. A function may return one to choose status and headers;
 * adapters turn it into their cloud's response shape.
 */
public final class PortableHttpResponse {

	private final int status;
	private final Headers headers;
	private final byte[] body;

	public PortableHttpResponse(int status, Headers headers, byte[] body) {
		this.status = status;
		this.headers = headers == null ? new Headers() : headers;
		this.body = body == null ? new byte[0] : body;
	}

	public static PortableHttpResponse of(int status, String contentType, byte[] body) {
		Headers headers = new Headers();
		if (contentType != null) {
			headers.set("Content-Type", contentType);
		}
		return new PortableHttpResponse(status, headers, body);
	}

	public static PortableHttpResponse text(int status, String text) {
		return of(status, MediaTypes.TEXT_PLAIN_UTF8, text.getBytes(StandardCharsets.UTF_8));
	}

	public int status() {
		return status;
	}

	public Headers headers() {
		return headers;
	}

	public byte[] body() {
		return body;
	}

	public String contentType() {
		return headers.first("Content-Type");
	}

	public String bodyAsString() {
		return new String(body, MediaTypes.charset(contentType(), StandardCharsets.UTF_8));
	}

	/**
	 * Whether the body must travel base64-encoded through a cloud whose response body is a JSON string:
	 * anything that is not text by its content type.
	 */
	public boolean needsBase64() {
		return body.length > 0 && !MediaTypes.isText(contentType());
	}

	/** The body as a cloud's JSON string field expects it: text as is, binary base64-encoded. */
	public String bodyForJsonField() {
		return needsBase64() ? Base64.getEncoder().encodeToString(body) : bodyAsString();
	}
}
