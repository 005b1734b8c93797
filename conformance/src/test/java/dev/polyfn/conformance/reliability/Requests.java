package dev.polyfn.conformance.reliability;

import java.nio.charset.StandardCharsets;

/** The raw HTTP/1.1 requests the campaign sends. */
final class Requests {

	private Requests() {
	}

	static String post(String path, String contentType, String body) {
		return "POST " + path + " HTTP/1.1\r\nHost: campaign\r\nContent-Type: " + contentType + "\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
	}

	static String call(String method, String path, String contentType, String body) {
		return method + " " + path + " HTTP/1.1\r\nHost: campaign\r\nContent-Type: " + contentType + "\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
	}

	static String order(String id) {
		return "{\"orderId\":\"" + id + "\",\"sku\":\"apple\",\"quantity\":1}";
	}
}
