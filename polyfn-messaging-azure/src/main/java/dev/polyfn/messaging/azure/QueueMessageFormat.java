package dev.polyfn.messaging.azure;

import java.util.Locale;

import com.azure.storage.queue.QueueMessageEncoding;

import dev.polyfn.core.messaging.MessagingSettings;

/**
 * How a message's body is written into the queue: {@code polyfn.messaging.<alias>.message-encoding} (or
 * {@code POLYFN_MESSAGING_<ALIAS>_MESSAGE_ENCODING}), {@code base64} by default.
 *
 * <p>The Functions queue trigger decodes what it dequeues according to host.json's
 * {@code extensions.queues.messageEncoding}, base64 unless the app says {@code none}: "Functions expect a base64
 * encoded string" (Azure Queue storage trigger for Azure Functions, "Encoding",
 * https://learn.microsoft.com/en-us/azure/azure-functions/functions-bindings-storage-queue-trigger#encoding, and the
 * host.json settings of https://learn.microsoft.com/en-us/azure/azure-functions/functions-bindings-storage-queue#hostjson-settings,
 * read 2026-12-06). So base64, what a function app with the default host.json reads in every language, is the
 * default; {@code none} is for a consumer whose host.json says {@code none}, which polyfn's own Azure package does
 * (its queue triggers read plain text, for {@code az storage message put} and the portal).
 *
 * <p>The service takes at most 64 KiB of message text ("The encoded message can be up to 64 KiB in size", Put
 * Message, https://learn.microsoft.com/en-us/rest/api/storageservices/put-message, read 2026-12-06). Base64 writes 4
 * characters for every 3 bytes, so a base64 message holds at most 48 KiB (49,152 bytes) of body; a plain one 64 KiB
 * of UTF-8 text, and no binary body (the text travels in an XML document).
 */
enum QueueMessageFormat {

	BASE64(QueueMessageEncoding.BASE64), NONE(QueueMessageEncoding.NONE);

	static final String SETTING = "message-encoding";

	/** The service's limit on a message's text, in bytes of UTF-8. */
	static final int SERVICE_LIMIT = 64 * 1024;

	final QueueMessageEncoding sdk;

	QueueMessageFormat(QueueMessageEncoding sdk) {
		this.sdk = sdk;
	}

	static QueueMessageFormat of(MessagingSettings settings) {
		String value = settings.get(SETTING);
		if (value == null) {
			return BASE64;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "base64" -> BASE64;
			case "none" -> NONE;
			default -> throw new IllegalStateException(MessagingSettings.PREFIX + settings.alias() + "." + SETTING
					+ " is base64 or none (host.json extensions.queues.messageEncoding of the consumer), not '" + value + "'");
		};
	}

	/** The largest body this format fits in one message. */
	int bodyLimit() {
		return this == BASE64 ? SERVICE_LIMIT / 4 * 3 : SERVICE_LIMIT;
	}

	/** The bytes of message text a body becomes. */
	long encodedSize(int bodySize) {
		return this == BASE64 ? 4L * ((bodySize + 2) / 3) : bodySize;
	}
}
