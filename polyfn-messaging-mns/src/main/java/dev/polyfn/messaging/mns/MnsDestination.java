package dev.polyfn.messaging.mns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.core.messaging.PublishResult;

/**
 * One MNS (Simple Message Queue) queue or topic.
 * <ul>
 * <li>A queue takes SendMessage, {@code POST /queues/<name>/messages} with {@code <Message><MessageBody>}
 * (https://www.alibabacloud.com/help/doc-detail/35134.htm), and BatchSendMessage, the same path with
 * {@code <Messages>} of at most 16 messages and 64 KB together, answered per message
 * (https://alibabacloud.com/help/en/mns/developer-reference/batchsendmessage).</li>
 * <li>A topic takes PublishMessage, {@code POST /topics/<name>/messages} with {@code MessageBody} and an optional
 * {@code MessageTag} (https://www.alibabacloud.com/help/doc-detail/27497.html); it has no batch call, so a batch is
 * published one message at a time.</li>
 * </ul>
 * (All read 2026-12-06.) <b>Body.</b> MNS bodies are text. A queue's body is sent base64-encoded, as the SendMessage
 * page advises and aliyun-sdk-mns does by default, because FC's MNS queue trigger (through EventBridge) decodes base64
 * unless told not to ({@code IsBase64Decode}, default true:
 * https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-sourcemnsparameters);
 * a topic's body is sent as it is, because FC's MNS topic trigger hands the function the published text as it is
 * ({@code Message} of the JSON format, {@code body} of the STREAM format). So a polyfn function triggered by either
 * reads the JSON that was published. {@code polyfn.messaging.<alias>.base64=true|false} overrides this; a body that is
 * not UTF-8, or not text XML can carry, is base64-encoded whatever the setting. <b>Attributes.</b> The 2015-06-06 API
 * has no custom attributes on queue or topic messages ({@code MessageAttributes} of PublishMessage configures push
 * endpoints such as mail and SMS), so attributes, the content type and the group key are not sent, except that
 * {@code polyfn.messaging.<alias>.tag-attribute=<name>} makes that attribute's value a topic message's
 * {@code MessageTag} (the tag MNS subscriptions and FC's {@code filterTag} filter on; at most 16 characters, "Limits",
 * https://help.aliyun.com/en/mns/product-overview/limits). <b>Size.</b> 64 KB per message and per batch ("Limits"),
 * counted on the body as sent and checked before sending.
 */
final class MnsDestination implements MessageDestination {

	/** "Limits": message size 64 KB for queues and topics, a topic's MaximumMessageSize at most 65536 bytes. */
	static final int MAX_BODY_BYTES = 65_536;

	/** "Limits": batch operations on messages, 16. */
	static final int MAX_BATCH = 16;

	/** "Limits": a message filtering tag has at most 16 characters. */
	static final int MAX_TAG_LENGTH = 16;

	private final String alias;
	private final String name;
	private final MessagingSettings.Kind kind;
	private final MnsClient client;
	private final boolean base64;
	private final String tagAttribute;

	MnsDestination(String alias, String name, MessagingSettings.Kind kind, MnsClient client, boolean base64, String tagAttribute) {
		this.alias = alias;
		this.name = name;
		this.kind = kind;
		this.client = client;
		this.base64 = base64;
		this.tagAttribute = tagAttribute;
	}

	@Override
	public String name() {
		return name;
	}

	private String path() {
		return (kind == MessagingSettings.Kind.QUEUE ? "/queues/" : "/topics/") + name + "/messages";
	}

	@Override
	public PublishResult publish(Message message) {
		String body = body(message);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("MessageBody", body);
		if (kind == MessagingSettings.Kind.TOPIC) {
			fields.put("MessageTag", tag(message));
		}
		MnsClient.Answer answer = call(MnsXml.element("Message", fields, true));
		if (!answer.ok()) {
			throw failure(answer.status(), answer.root());
		}
		return new PublishResult(messageId(answer.root()));
	}

	@Override
	public BatchPublishResult publishBatch(List<Message> messages) {
		if (kind == MessagingSettings.Kind.TOPIC) {
			return MessageDestination.super.publishBatch(messages);
		}
		BatchPublishResult.Entry[] entries = new BatchPublishResult.Entry[messages.size()];
		List<Integer> chunk = new ArrayList<>();
		List<String> bodies = new ArrayList<>();
		int chunkBytes = 0;
		for (int i = 0; i < messages.size(); i++) {
			String body;
			try {
				body = body(messages.get(i));
			}
			catch (MessagingException tooLarge) {
				entries[i] = new BatchPublishResult.Entry(i, null, tooLarge);
				continue;
			}
			int bytes = body.getBytes(StandardCharsets.UTF_8).length;
			if (chunk.size() == MAX_BATCH || chunkBytes + bytes > MAX_BODY_BYTES) {
				sendBatch(chunk, bodies, entries);
				chunk.clear();
				bodies.clear();
				chunkBytes = 0;
			}
			chunk.add(i);
			bodies.add(body);
			chunkBytes += bytes;
		}
		if (!chunk.isEmpty()) {
			sendBatch(chunk, bodies, entries);
		}
		return new BatchPublishResult(List.of(entries));
	}

	private void sendBatch(List<Integer> indexes, List<String> bodies, BatchPublishResult.Entry[] entries) {
		StringBuilder xml = new StringBuilder("<Messages xmlns=\"").append(MnsXml.NAMESPACE).append("\">");
		for (String body : bodies) {
			xml.append(MnsXml.element("Message", Map.of("MessageBody", body), false));
		}
		MnsClient.Answer answer;
		try {
			answer = call(xml.append("</Messages>").toString());
		}
		catch (MessagingException unreachable) {
			indexes.forEach(i -> entries[i] = new BatchPublishResult.Entry(i, null, unreachable));
			return;
		}
		Element root = answer.root();
		// A batch in which some messages fail is answered with the list, one entry per message in the order sent,
		// each with its MessageId or its ErrorCode; a batch refused as a whole is answered with <Error>.
		if (root != null && "Messages".equals(MnsXml.localName(root))) {
			List<Element> results = MnsXml.elements(root);
			for (int k = 0; k < indexes.size(); k++) {
				int index = indexes.get(k);
				Map<String, String> result = k < results.size() ? MnsXml.children(results.get(k)) : Map.of();
				String id = result.get("MessageId");
				entries[index] = id != null && result.get("ErrorCode") == null
						? new BatchPublishResult.Entry(index, id, null)
						: new BatchPublishResult.Entry(index, null, MnsFailures.of(alias, answer.status(), result.get("ErrorCode")));
			}
			return;
		}
		MessagingException failed = answer.ok()
				? new MessagingException.Failed(alias, "MNS answered the batch without its messages", null)
				: failure(answer.status(), root);
		indexes.forEach(i -> entries[i] = new BatchPublishResult.Entry(i, null, failed));
	}

	/** The body as MNS will hold it: the text itself, or its base64 (see the class comment). */
	String body(Message message) {
		String text = message.bodyText();
		String body = base64 || text == null || !MnsXml.isXmlText(text)
				? Base64.getEncoder().encodeToString(message.body())
				: text;
		int bytes = body.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_BODY_BYTES) {
			throw new MessagingException.TooLarge(alias, bytes, MAX_BODY_BYTES);
		}
		return body;
	}

	private String tag(Message message) {
		if (tagAttribute == null) {
			return null;
		}
		String tag = message.attributes().get(tagAttribute);
		if (tag != null && tag.length() > MAX_TAG_LENGTH) {
			throw new MessagingException.Failed(alias, "the attribute '" + tagAttribute + "' is the message's MessageTag, "
					+ "which MNS holds to " + MAX_TAG_LENGTH + " characters; it has " + tag.length(), null);
		}
		return tag;
	}

	private MnsClient.Answer call(String xml) {
		try {
			return client.send("POST", path(), xml);
		}
		catch (IOException unreachable) {
			throw MnsFailures.unreachable(alias, unreachable);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw MnsFailures.unreachable(alias, interrupted);
		}
	}

	private MessagingException failure(int status, Element root) {
		String code = root != null && "Error".equals(MnsXml.localName(root)) ? MnsXml.children(root).get("Code") : null;
		return MnsFailures.of(alias, status, code);
	}

	private String messageId(Element root) {
		String id = root == null ? null : MnsXml.children(root).get("MessageId");
		if (id == null) {
			throw new MessagingException.Failed(alias, "MNS accepted the message without giving its MessageId", null);
		}
		return id;
	}
}
