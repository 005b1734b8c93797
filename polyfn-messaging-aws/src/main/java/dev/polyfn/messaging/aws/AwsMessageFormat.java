package dev.polyfn.messaging.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessagingException;

/**
 * A portable {@link Message} as SQS and SNS carry it, the same on both (so an SNS message delivered raw to an SQS
 * queue reads exactly like one sent to the queue):
 * <ul>
 * <li>the body as the message text when it is UTF-8 made only of the characters SQS accepts ({@code #x9 | #xA | #xD
 * | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF}, Amazon SQS message quotas,
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html, read 2026-12-06);
 * anything else (binary, or text with other control characters) as standard base64 with padding (RFC 4648 §4), and
 * the attribute {@value #ENCODING_ATTRIBUTE} = {@value #BASE64};</li>
 * <li>each attribute as a message attribute of type {@code String};</li>
 * <li>the content type in the attribute {@value Message#CONTENT_TYPE_ATTRIBUTE}.</li>
 * </ul>
 * SQS and SNS take at most 10 message attributes: a message's 8 (function-core's {@link Message#MAX_ATTRIBUTES}), the
 * content type and the base64 marker fit them.
 */
final class AwsMessageFormat {

	/** Says how the body was encoded when it is not the message's own text; absent when it is. */
	static final String ENCODING_ATTRIBUTE = "content-transfer-encoding";

	static final String BASE64 = "base64";

	private static final String STRING = "String";

	private AwsMessageFormat() {
	}

	/** The text sent as the message body and the attributes (name → String value) sent with it. */
	record Encoded(String body, Map<String, String> attributes, long size) {
	}

	static Encoded encode(String alias, Message message) {
		if (message.size() == 0) {
			// SQS: "The minimum size is one character"; SNS: "the message body should not be empty or null".
			throw new MessagingException.Failed(alias, "SQS and SNS take no empty message body", null);
		}
		String text = message.bodyText();
		boolean base64 = text == null || !sqsCharacters(text);
		Map<String, String> attributes = new LinkedHashMap<>(message.attributes());
		attributes.put(Message.CONTENT_TYPE_ATTRIBUTE, message.contentType());
		if (base64) {
			attributes.put(ENCODING_ATTRIBUTE, BASE64);
		}
		String body = base64 ? Base64.getEncoder().encodeToString(message.body()) : text;
		return new Encoded(body, attributes, size(body, attributes));
	}

	/**
	 * The size SQS and SNS count against their limit: the body's UTF-8 bytes plus each attribute's name, type and value
	 * ("Amazon SQS message attributes": "the message size ... includes message attributes",
	 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html; SNS
	 * MessageAttributeValue: "All parts of the message attribute, including name, type, and value, are included in the
	 * message size restriction", https://docs.aws.amazon.com/sns/latest/api/API_MessageAttributeValue.html; both read
	 * 2026-12-06).
	 */
	static long size(String body, Map<String, String> attributes) {
		long size = utf8Length(body);
		for (Map.Entry<String, String> attribute : attributes.entrySet()) {
			size += utf8Length(attribute.getKey()) + STRING.length() + utf8Length(attribute.getValue());
		}
		return size;
	}

	/**
	 * The deduplication id of a message to a FIFO queue or topic: the SHA-256 of everything sent, so that a function
	 * that publishes the same result again (a redelivered order) within the five-minute deduplication interval
	 * publishes it once, as content-based deduplication would, without the queue needing that setting (64 hex
	 * characters; the limit is 128).
	 */
	static String deduplicationId(Encoded encoded, String groupId) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(encoded.body().getBytes(StandardCharsets.UTF_8));
			encoded.attributes().forEach((name, value) -> {
				sha.update((byte) 0);
				sha.update(name.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(value.getBytes(StandardCharsets.UTF_8));
			});
			sha.update((byte) 0);
			sha.update(groupId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException everyJdkHasIt) {
			throw new IllegalStateException(everyJdkHasIt);
		}
	}

	/** FIFO queues' and topics' names end in {@code .fifo} (SQS and SNS naming rules). */
	static boolean isFifo(String name) {
		return name.endsWith(".fifo");
	}

	private static boolean sqsCharacters(String text) {
		for (int i = 0; i < text.length(); ) {
			int c = text.codePointAt(i);
			boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
					|| (c >= 0x10000 && c <= 0x10FFFF);
			if (!allowed) {
				return false;
			}
			i += Character.charCount(c);
		}
		return true;
	}

	private static long utf8Length(String text) {
		long length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				length += 4;
				i++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

	/** The message encoded, or {@link MessagingException.TooLarge} when it is past the destination's limit. */
	static Encoded checked(String alias, Message message, long maxSize) {
		Encoded encoded = encode(alias, message);
		if (encoded.size() > maxSize) {
			throw new MessagingException.TooLarge(alias, encoded.size(), maxSize);
		}
		return encoded;
	}

	/** The MessageGroupId: the message's group key; on a FIFO queue or topic, which needs one, the alias when it has none. */
	static String groupId(Message message, boolean fifo, String alias) {
		return message.groupKey() != null ? message.groupKey() : fifo ? alias : null;
	}

	/**
	 * One message as SendMessage, PublishBatch and the others take it: the entry id within a batch (null for a single
	 * send), the encoded body and attributes, the MessageGroupId and, on a FIFO queue or topic, the deduplication id
	 * (null where there is none).
	 */
	record Outgoing(String id, Encoded encoded, String groupId, String deduplicationId) {
	}

	static Outgoing outgoing(String id, Encoded encoded, Message message, boolean fifo, String alias) {
		String group = groupId(message, fifo, alias);
		return new Outgoing(id, encoded, group, fifo ? deduplicationId(encoded, group) : null);
	}
}
