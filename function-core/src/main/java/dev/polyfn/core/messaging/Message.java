package dev.polyfn.core.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.polyfn.core.json.PolyfnJson;

/**
 * One message to publish, the same on every cloud: a body, its content type, string attributes, and a group key
 * for services that order or group by one (an SQS FIFO queue's message group, a Pub/Sub ordering key, a Kafka
 * record key). Each provider carries the attributes in its service's own attributes or headers where it has them
 * (see the README's messaging table); the body arrives unchanged everywhere.
 *
 * <p>The attributes are held to what every service that has attributes accepts: at most {@link #MAX_ATTRIBUTES}
 * (SQS's and SNS's limit of 10, less the two a provider may add: the content type and, for a body the service cannot
 * carry as text, the base64 marker), names of letters, digits, '-', '_' and '.'
 * not starting with a service's reserved prefix ({@code aws.}, {@code amazon.}, {@code goog}), values of 1 to
 * 1,024 characters (Pub/Sub's limit).
 */
public record Message(byte[] body, String contentType, Map<String, String> attributes, String groupKey) {

	public static final int MAX_ATTRIBUTES = 8;

	/** The attribute (or header) that carries the content type on services without a field of their own for it. */
	public static final String CONTENT_TYPE_ATTRIBUTE = "content-type";

	private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

	public Message {
		if (body == null) {
			throw new IllegalArgumentException("A message has a body (it may be empty)");
		}
		body = body.clone();
		contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.trim();
		attributes = checked(attributes == null ? Map.of() : attributes);
		groupKey = groupKey == null || groupKey.isEmpty() ? null : groupKey;
		if (groupKey != null && groupKey.length() > 128) {
			throw new IllegalArgumentException("A group key has at most 128 characters (SQS's message group id)");
		}
	}

	public static Message text(String text) {
		return new Message(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", Map.of(), null);
	}

	public static Message bytes(byte[] bytes, String contentType) {
		return new Message(bytes, contentType, Map.of(), null);
	}

	/** The value as JSON, written by polyfn's shared mapper (the one that reads function input). */
	public static Message json(Object value) {
		return new Message(PolyfnJson.mapper().writeValueAsBytes(value), "application/json", Map.of(), null);
	}

	public Message withAttribute(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(attributes);
		more.put(name, value);
		return new Message(body, contentType, more, groupKey);
	}

	public Message withGroupKey(String key) {
		return new Message(body, contentType, attributes, key);
	}

	@Override
	public byte[] body() {
		return body.clone();
	}

	public int size() {
		return body.length;
	}

	/**
	 * The body as text when it is UTF-8 (services whose bodies are text, SQS, SNS and MNS, take it as is); null when
	 * it is not, and the provider sends it base64-encoded.
	 */
	public String bodyText() {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
		}
		catch (CharacterCodingException binary) {
			return null;
		}
	}

	private static Map<String, String> checked(Map<String, String> attributes) {
		if (attributes.size() > MAX_ATTRIBUTES) {
			throw new IllegalArgumentException("A message has at most " + MAX_ATTRIBUTES + " attributes, not " + attributes.size());
		}
		Map<String, String> copy = new LinkedHashMap<>();
		attributes.forEach((name, value) -> {
			String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
			if (!ATTRIBUTE_NAME.matcher(name == null ? "" : name).matches() || lower.startsWith("aws.")
					|| lower.startsWith("amazon.") || lower.startsWith("goog") || lower.equals(CONTENT_TYPE_ATTRIBUTE)) {
				throw new IllegalArgumentException("Attribute name refused: '" + name + "' (letters, digits, '-', '_', '.'; "
						+ "at most 100; not aws., amazon., goog… or content-type)");
			}
			if (value == null || value.isEmpty() || value.length() > 1024) {
				throw new IllegalArgumentException("Attribute '" + name + "' needs a value of 1 to 1024 characters");
			}
			copy.put(name, value);
		});
		return java.util.Collections.unmodifiableMap(copy);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Message m && Arrays.equals(body, m.body) && contentType.equals(m.contentType)
				&& attributes.equals(m.attributes) && java.util.Objects.equals(groupKey, m.groupKey);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(Arrays.hashCode(body), contentType, attributes, groupKey);
	}

	@Override
	public String toString() {
		return "Message[" + body.length + " bytes, " + contentType + ", attributes=" + attributes.keySet()
				+ (groupKey == null ? "" : ", groupKey=" + groupKey) + "]";
	}
}
