package dev.polyfn.aws.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.json.JsonLimits;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Payload format 2.0 read and written in one pass over the bytes, for the per-trigger handlers: only the fields
 * the request needs are read (the rest, most of {@code requestContext}, skipped unread) and the response is
 * generated directly. It gives exactly what {@link HttpApiShape}'s tree mapping gives, which remains the path
 * for anything unusual: {@link #readOrNull} answers null and the caller maps the tree.
 */
final class HttpApiStream {

	/**
	 * polyfn's JSON limits without jackson-core's duplicate detection, which costs a set per object: this reader
	 * checks the repeats that matter itself (the fields it reads, header names) and skips the rest unread. Buffers
	 * are recycled per thread: a Lambda instance runs one invocation at a time on one thread, so jackson's default
	 * concurrent pool only adds its synchronisation to every call.
	 */
	private static final JsonFactory EVENTS = JsonFactory.builder().streamReadConstraints(JsonLimits.constraints())
		.recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

	private static final int RAW_PATH = 1;
	private static final int RAW_QUERY = 2;
	private static final int BODY = 4;
	private static final int BASE64 = 8;
	private static final int HEADERS = 16;
	private static final int COOKIES = 32;
	private static final int REQUEST_CONTEXT = 64;

	private HttpApiStream() {
	}

	/** The request of a well-formed 2.0 event, or null for the tree mapping to decide (malformed, odd types). */
	static PortableHttpRequest readOrNull(byte[] event) {
		try (JsonParser parser = EVENTS.createParser(ObjectReadContext.empty(), event)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			Headers headers = new Headers();
			List<String> cookies = new ArrayList<>();
			String method = null;
			String path = null;
			String query = null;
			String body = null;
			boolean base64 = false;
			boolean http = false;
			int seen = 0;
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				int field = field(name);
				if ((seen & field) != 0) {
					return null; // a repeated field: the tree mapping decides
				}
				seen |= field;
				JsonToken value = parser.nextToken();
				switch (name) {
					case "rawPath" -> path = text(parser, value);
					case "rawQueryString" -> query = text(parser, value);
					case "body" -> body = text(parser, value);
					case "isBase64Encoded" -> {
						if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
							base64 = value == JsonToken.VALUE_TRUE;
						}
						else if (value != JsonToken.VALUE_NULL) {
							return null;
						}
					}
					case "headers" -> {
						if (!readHeaders(parser, value, headers)) {
							return null;
						}
					}
					case "cookies" -> {
						if (!readCookies(parser, value, cookies)) {
							return null;
						}
					}
					case "requestContext" -> {
						method = readMethod(parser, value);
						http = method != null;
					}
					default -> parser.skipChildren();
				}
			}
			if (!http || path == null || parser.nextToken() != null) {
				return null;
			}
			if (!cookies.isEmpty() && !headers.contains("Cookie")) {
				// 2.0 moves the Cookie header into cookies[]; put it back for functions that read headers.
				headers.add("Cookie", String.join("; ", cookies));
			}
			byte[] bytes = body == null ? new byte[0]
					: base64 ? JsonEvents.base64(body, "body") : body.getBytes(StandardCharsets.UTF_8);
			return PortableHttpRequest.builder()
				.method(method)
				.path(path)
				.rawQuery(query)
				.headers(headers)
				.cookies(cookies)
				.body(bytes)
				.base64Encoded(base64)
				.build();
		}
		catch (JacksonException | NotStreamable leftToTheTree) {
			return null;
		}
	}

	/** The bit of a field this reader reads, 0 for one it skips. */
	private static int field(String name) {
		return switch (name) {
			case "rawPath" -> RAW_PATH;
			case "rawQueryString" -> RAW_QUERY;
			case "body" -> BODY;
			case "isBase64Encoded" -> BASE64;
			case "headers" -> HEADERS;
			case "cookies" -> COOKIES;
			case "requestContext" -> REQUEST_CONTEXT;
			default -> 0;
		};
	}

	/** A string field; null for JSON null; any other type is the tree mapping's to read. */
	private static String text(JsonParser parser, JsonToken value) {
		if (value == JsonToken.VALUE_NULL) {
			return null;
		}
		if (value == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		throw new NotStreamable();
	}

	private static boolean readHeaders(JsonParser parser, JsonToken value, Headers headers) {
		if (value == JsonToken.VALUE_NULL) {
			return true;
		}
		if (value != JsonToken.START_OBJECT) {
			return false;
		}
		for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken header = parser.nextToken();
			// Only strings, each name once: anything else the tree mapping reads its own way.
			if (header != JsonToken.VALUE_STRING && header != JsonToken.VALUE_NULL) {
				return false;
			}
			if (header != JsonToken.VALUE_NULL && !headers.addNew(name, parser.getString())) {
				return false;
			}
		}
		return true;
	}

	private static boolean readCookies(JsonParser parser, JsonToken value, List<String> cookies) {
		if (value == JsonToken.VALUE_NULL) {
			return true;
		}
		if (value != JsonToken.START_ARRAY) {
			return false;
		}
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token != JsonToken.VALUE_STRING) {
				return false;
			}
			cookies.add(parser.getString());
		}
		return true;
	}

	/** {@code requestContext.http.method}; null when there is none (not a 2.0 event, for the tree to decide). */
	private static String readMethod(JsonParser parser, JsonToken value) {
		if (value != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return null;
		}
		String method = null;
		for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken field = parser.nextToken();
			if (name.equals("http") && field == JsonToken.START_OBJECT) {
				for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
					String httpField = parser.currentName();
					JsonToken v = parser.nextToken();
					if (httpField.equals("method") && v == JsonToken.VALUE_STRING) {
						method = parser.getString();
					}
					else {
						parser.skipChildren();
					}
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return method;
	}

	/** The 2.0 response, field for field what {@link HttpApiShape#toResponse} builds. */
	static byte[] write(PortableHttpResponse response) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 + response.body().length);
		try (JsonGenerator json = EVENTS.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartObject();
			json.writeNumberProperty("statusCode", response.status());
			json.writeName("headers");
			json.writeStartObject();
			List<String> cookies = new ArrayList<>();
			response.headers().forEach((name, values) -> {
				if (name.equalsIgnoreCase("Set-Cookie")) {
					cookies.addAll(values);
				}
				else {
					json.writeStringProperty(name, String.join(",", values));
				}
			});
			json.writeEndObject();
			if (!cookies.isEmpty()) {
				json.writeName("cookies");
				json.writeStartArray();
				for (String cookie : cookies) {
					json.writeString(cookie);
				}
				json.writeEndArray();
			}
			json.writeStringProperty("body", response.bodyForJsonField());
			json.writeBooleanProperty("isBase64Encoded", response.needsBase64());
			json.writeEndObject();
		}
		return out.toByteArray();
	}

	/** A field of a type the tree mapping reads differently; the caller falls back to it. */
	private static final class NotStreamable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotStreamable() {
			super(null, null, false, false);
		}
	}
}
