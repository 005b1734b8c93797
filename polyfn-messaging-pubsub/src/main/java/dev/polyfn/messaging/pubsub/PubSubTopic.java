package dev.polyfn.messaging.pubsub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.PublishResult;
import dev.polyfn.google.auth.AccessTokens;

/**
 * One topic through the Pub/Sub REST API's {@code projects.topics.publish}
 * (https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics/publish, read 2026-12-06):
 * {@code POST /v1/<topic>:publish} with {@code {"messages":[{"data":<base64>,"attributes":{...},"orderingKey":...}]}},
 * answered by {@code {"messageIds":[...]}} in the order of the messages.
 *
 * <p>A polyfn message becomes a {@code PubsubMessage}
 * (https://cloud.google.com/pubsub/docs/reference/rest/v1/PubsubMessage, read 2026-12-06): the body as {@code data},
 * the attributes as attributes with the content type in {@code content-type}, the group key as the ordering key
 * (delivered in order to a subscription with message ordering enabled).
 *
 * <p>Limits ("Quotas and limits", https://cloud.google.com/pubsub/quotas#resource_limits, read 2026-12-06): a message's
 * data is at most 10 MB, checked before sending; a publish request holds at most 1,000 messages and 10 MB, so a batch
 * is cut into requests under both; and all messages of one request carry the same ordering key (PubsubMessage's
 * {@code orderingKey}), so a batch is also cut where the key changes.
 */
final class PubSubTopic implements MessageDestination {

	/** 10 MB as Pub/Sub counts it (its client libraries' byte limits are 10,000,000). */
	static final long MAX_DATA_BYTES = 10_000_000;
	static final long MAX_REQUEST_BYTES = 10_000_000;
	static final int MAX_REQUEST_MESSAGES = 1_000;

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;
	private final String base;
	private final AccessTokens tokens;
	private final TopicName topic;
	private final String alias;

	PubSubTopic(HttpClient http, String base, AccessTokens tokens, TopicName topic, String alias) {
		this.http = http;
		this.base = base;
		this.tokens = tokens;
		this.topic = topic;
		this.alias = alias;
	}

	@Override
	public String name() {
		try {
			return topic.full();
		}
		catch (IOException | InterruptedException unknownProject) {
			if (unknownProject instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new MessagingException.Failed(alias, "find the project of its topic", unknownProject);
		}
	}

	@Override
	public PublishResult publish(Message message) {
		checkSize(message);
		return new PublishResult(send(List.of(message)).get(0));
	}

	@Override
	public BatchPublishResult publishBatch(List<Message> messages) {
		List<BatchPublishResult.Entry> entries = new ArrayList<>(messages.size());
		for (List<Integer> request : requests(messages, entries)) {
			try {
				List<String> ids = send(request.stream().map(messages::get).toList());
				for (int i = 0; i < request.size(); i++) {
					entries.add(new BatchPublishResult.Entry(request.get(i), ids.get(i), null));
				}
			}
			catch (MessagingException failed) {
				// A request is all or nothing on Pub/Sub: every message of it failed, the other requests stand.
				request.forEach(index -> entries.add(new BatchPublishResult.Entry(index, null, failed)));
			}
		}
		entries.sort(java.util.Comparator.comparingInt(BatchPublishResult.Entry::index));
		return new BatchPublishResult(entries);
	}

	/**
	 * The batch as requests of message indexes, in order: a new request where the ordering key changes or where the
	 * next message would pass 1,000 messages or 10 MB. A message too large on its own is entered as failed.
	 */
	private List<List<Integer>> requests(List<Message> messages, List<BatchPublishResult.Entry> entries) {
		List<List<Integer>> requests = new ArrayList<>();
		List<Integer> current = new ArrayList<>();
		long bytes = 0;
		String key = null;
		for (int i = 0; i < messages.size(); i++) {
			Message message = messages.get(i);
			try {
				checkSize(message);
			}
			catch (MessagingException.TooLarge tooLarge) {
				entries.add(new BatchPublishResult.Entry(i, null, tooLarge));
				continue;
			}
			long size = size(message);
			boolean full = current.size() == MAX_REQUEST_MESSAGES || bytes + size > MAX_REQUEST_BYTES;
			if (!current.isEmpty() && (full || !Objects.equals(key, message.groupKey()))) {
				requests.add(current);
				current = new ArrayList<>();
				bytes = 0;
			}
			current.add(i);
			bytes += size;
			key = message.groupKey();
		}
		if (!current.isEmpty()) {
			requests.add(current);
		}
		return requests;
	}

	private void checkSize(Message message) {
		if (message.size() > MAX_DATA_BYTES) {
			throw new MessagingException.TooLarge(alias, message.size(), MAX_DATA_BYTES);
		}
	}

	/** What a message adds to a request, as the quota counts it: data, attribute names and values, ordering key. */
	private static long size(Message message) {
		long size = message.size() + Message.CONTENT_TYPE_ATTRIBUTE.length() + message.contentType().length();
		for (var attribute : message.attributes().entrySet()) {
			size += attribute.getKey().length() + attribute.getValue().length();
		}
		return size + (message.groupKey() == null ? 0 : message.groupKey().length());
	}

	private List<String> send(List<Message> messages) {
		ObjectNode request = JsonEvents.object();
		ArrayNode list = request.putArray("messages");
		for (Message message : messages) {
			ObjectNode entry = list.addObject().put("data", Base64.getEncoder().encodeToString(message.body()));
			ObjectNode attributes = entry.putObject("attributes");
			message.attributes().forEach(attributes::put);
			attributes.put(Message.CONTENT_TYPE_ATTRIBUTE, message.contentType());
			if (message.groupKey() != null) {
				entry.put("orderingKey", message.groupKey());
			}
		}
		HttpResponse<byte[]> response = post(request);
		JsonNode ids = JsonEvents.parse(response.body()).get("messageIds");
		if (ids == null || !ids.isArray() || ids.size() != messages.size()) {
			throw new MessagingException.Failed(alias, "Pub/Sub answered " + (ids == null ? "no" : ids.size()) + " message ids for "
					+ messages.size() + " messages", null);
		}
		List<String> answer = new ArrayList<>(ids.size());
		ids.forEach(id -> answer.add(id.asString()));
		return answer;
	}

	private HttpResponse<byte[]> post(ObjectNode body) {
		HttpResponse<byte[]> response;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/" + topic.full() + ":publish"))
				.timeout(TIMEOUT).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(JsonEvents.toBytes(body)));
			response = http.send(AccessTokens.authorize(tokens, request).build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException failed) {
			throw new MessagingException.Failed(alias, null, failed);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MessagingException.Failed(alias, "interrupted", e);
		}
		if (response.statusCode() / 100 != 2) {
			throw PubSubFailures.translate(alias, response.statusCode(), response.body(), size(body));
		}
		return response;
	}

	private static long size(ObjectNode body) {
		return JsonEvents.toBytes(body).length;
	}
}
