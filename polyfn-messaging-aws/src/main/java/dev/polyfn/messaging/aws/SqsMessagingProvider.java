package dev.polyfn.messaging.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingProvider;
import dev.polyfn.core.messaging.MessagingSettings;

/**
 * {@code provider=sqs}, the default on AWS for a queue. The destination is the queue's URL (what the deploy plan
 * sets in {@code POLYFN_MESSAGING_<ALIAS>_DESTINATION}) or its name. Credentials, region and endpoint: see
 * {@link AwsClients}. Settings of the alias (or {@code polyfn.messaging.sqs.*}): {@code region}, {@code endpoint},
 * {@code max-message-size} (bytes, when the queue's MaximumMessageSize is below SQS's 1 MiB, so that a message too
 * large is refused before sending). One client per distinct region and endpoint, made on the first alias; nothing is
 * held open between calls but the JDK's own keep-alive connections.
 */
public final class SqsMessagingProvider implements MessagingProvider, AutoCloseable {

	private final Map<AwsClients, SqsClient> clients = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return "sqs";
	}

	@Override
	public boolean isDefaultFor(String cloud, MessagingSettings.Kind kind) {
		return "aws".equals(cloud) && kind == MessagingSettings.Kind.QUEUE;
	}

	@Override
	public MessageDestination open(MessagingSettings settings) {
		SqsClient sqs = clients.computeIfAbsent(AwsClients.of(settings, "SQS", "sqs"), c -> new SqsClient(c.http("sqs", settings), c.endpoint()));
		return new SqsDestination(sqs, settings.alias(), settings.destination(),
				AwsClients.maxMessageSize(settings, SqsDestination.MAX_MESSAGE_SIZE, SqsDestination.MAX_MESSAGE_SIZE));
	}

	@Override
	public void close() {
		clients.clear();
	}
}
