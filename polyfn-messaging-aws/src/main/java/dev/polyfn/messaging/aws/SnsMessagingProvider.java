package dev.polyfn.messaging.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingProvider;
import dev.polyfn.core.messaging.MessagingSettings;

/**
 * {@code provider=sns}, the default on AWS for a topic. The destination is the topic's ARN (what the deploy plan sets
 * in {@code POLYFN_MESSAGING_<ALIAS>_DESTINATION}): SNS publishes by ARN only. A bare topic name is taken with the
 * setting {@code account-id} (and the region: the {@code region} setting or {@code AWS_REGION}), from which the ARN
 * is built, {@code arn:<partition>:sns:<region>:<account>:<name>}; without it the alias fails to open, naming the
 * setting. polyfn does not look the account up (that would need STS and its permission, and a call at every cold
 * start) nor call CreateTopic (it needs sns:CreateTopic, which the publish policy does not grant). Credentials,
 * region and endpoint: see {@link AwsClients}. Settings of the alias (or {@code polyfn.messaging.sns.*}):
 * {@code region}, {@code endpoint}, {@code account-id}, {@code max-message-size} (bytes, the topic's
 * MaximumMessageSize when it is set above SNS's default 256 KiB).
 */
public final class SnsMessagingProvider implements MessagingProvider, AutoCloseable {

	private final Map<AwsClients, SnsClient> clients = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return "sns";
	}

	@Override
	public boolean isDefaultFor(String cloud, MessagingSettings.Kind kind) {
		return "aws".equals(cloud) && kind == MessagingSettings.Kind.TOPIC;
	}

	@Override
	public MessageDestination open(MessagingSettings settings) {
		String topicArn = topicArn(settings);
		long maxSize = AwsClients.maxMessageSize(settings, SnsDestination.DEFAULT_MAX_MESSAGE_SIZE, SnsDestination.MAX_MESSAGE_SIZE);
		SnsClient sns = clients.computeIfAbsent(AwsClients.of(settings, "SNS", "sns"), c -> new SnsClient(c.http("sns", settings), c.endpoint()));
		return new SnsDestination(sns, settings.alias(), topicArn, maxSize);
	}

	static String topicArn(MessagingSettings settings) {
		String destination = settings.destination();
		if (destination.startsWith("arn:")) {
			return destination;
		}
		String account = settings.get("account-id");
		String region = AwsClients.region(settings);
		if (!isTopicName(destination) || account == null || region == null) {
			throw new IllegalStateException("Messaging '" + settings.alias() + "' is an SNS topic: set "
					+ MessagingSettings.environmentVariable(settings.alias(), "destination") + " to its ARN (arn:aws:sns:<region>:<account>:<name>)"
					+ ", or give a topic name with " + MessagingSettings.PREFIX + settings.alias() + ".account-id and a region");
		}
		return "arn:" + partition(region) + ":sns:" + region + ":" + account + ":" + destination;
	}

	/**
	 * SNS's topic-name rule: 1 to 256 letters, digits, hyphens and underscores, and {@code .fifo} at the end of a FIFO
	 * topic's (CreateTopic, https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html, read 2026-12-07). Checked
	 * by hand: no regex is compiled at the first publish.
	 */
	static boolean isTopicName(String name) {
		String base = AwsMessageFormat.isFifo(name) ? name.substring(0, name.length() - ".fifo".length()) : name;
		if (base.isEmpty() || base.length() > 256) {
			return false;
		}
		for (int i = 0; i < base.length(); i++) {
			char c = base.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/** The ARN partition of a region: China's and GovCloud's regions have their own. */
	private static String partition(String region) {
		if (region.startsWith("cn-")) {
			return "aws-cn";
		}
		if (region.startsWith("us-gov-")) {
			return "aws-us-gov";
		}
		return "aws";
	}

	@Override
	public void close() {
		clients.clear();
	}
}
