package dev.polyfn.messaging.kafka;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.polyfn.core.messaging.MessagingSettings;

/**
 * What one Kafka producer is made with, read from an alias's settings ({@code polyfn.messaging.<alias>.<name>}, else
 * {@code polyfn.messaging.kafka.<name>}, e.g. env {@code POLYFN_MESSAGING_KAFKA_BOOTSTRAP_SERVERS}). Aliases with the
 * same settings share one producer.
 *
 * @param bootstrapServers {@code bootstrap-servers}: the instance's access point, {@code host:port[,host:port]}
 * @param securityProtocol {@code security-protocol}: {@code PLAINTEXT} (CKafka's VPC access point) unless a SASL user is
 * set, then {@code SASL_PLAINTEXT} (CKafka's public domain name access point); {@code SASL_SSL} for the SSL one
 * @param saslUsername {@code sasl-username}: on CKafka {@code <instanceId>#<user>} ("sasl_plain_username =
 * "instanceId#username"", https://tencentcloud.com/document/product/597/43839, read 2026-12-06)
 * @param saslPassword {@code sasl-password}
 * @param maxMessageBytes {@code max-message-bytes}: the largest message polyfn sends (body, key and headers), checked
 * before sending
 * @param timeout {@code timeout}: the longest one publish waits for the broker's acknowledgement (e.g. {@code 10s})
 */
record ProducerSettings(String bootstrapServers, String securityProtocol, String saslUsername, String saslPassword,
		int maxMessageBytes, Duration timeout) {

	/**
	 * 1 MiB: Apache Kafka's default for a topic's {@code max.message.bytes} (1048588 with the batch header), which a
	 * topic created with defaults keeps. A CKafka topic may be raised to CKafka's ceiling, {@link #CKAFKA_MAX_BYTES}.
	 */
	static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

	/**
	 * "The message size cannot exceed 12 MB. Otherwise, message sending will fail." (CKafka Use Limits,
	 * https://www.tencentcloud.com/document/product/597/39601, last updated 2026-01-20, read 2026-12-06).
	 */
	static final int CKAFKA_MAX_BYTES = 12 * 1024 * 1024;

	/**
	 * 10 s: a publish that takes longer fails its message (so the trigger delivers it again) rather than use up the
	 * function's own timeout (30 s for the examples). CKafka's limits page suggests 30 s (ack=1) and 60 s (ack=-1) for
	 * producers that may wait (CKafka 使用限制, "耗时", https://cloud.tencent.com/document/product/269/33358, read
	 * 2026-12-06): raise it with {@code timeout} for functions that can afford it.
	 */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** Room for the record's own framing above {@link #maxMessageBytes}, so that polyfn's check is the one that refuses. */
	private static final int FRAMING = 16 * 1024;

	static ProducerSettings of(MessagingSettings settings) {
		String servers = settings.get("bootstrap-servers");
		if (servers == null) {
			throw new IllegalStateException("Messaging alias '" + settings.alias() + "' needs the Kafka access point: set "
					+ MessagingSettings.environmentVariable("kafka", "bootstrap-servers") + " (or "
					+ MessagingSettings.PREFIX + settings.alias() + ".bootstrap-servers), host:port[,host:port]");
		}
		String user = settings.get("sasl-username");
		String password = settings.get("sasl-password");
		if (user != null && password == null) {
			throw new IllegalStateException("Messaging alias '" + settings.alias() + "' has a sasl-username but no sasl-password");
		}
		String protocol = settings.get("security-protocol", user == null ? "PLAINTEXT" : "SASL_PLAINTEXT")
			.toUpperCase(Locale.ROOT);
		int max = Integer.parseInt(settings.get("max-message-bytes", String.valueOf(DEFAULT_MAX_MESSAGE_BYTES)));
		if (max < 1 || max > CKAFKA_MAX_BYTES) {
			throw new IllegalStateException("max-message-bytes of messaging alias '" + settings.alias() + "' is 1 to "
					+ CKAFKA_MAX_BYTES + " (CKafka's limit), not " + max);
		}
		String timeout = settings.get("timeout");
		return new ProducerSettings(servers, protocol, user, password, max,
				timeout == null ? DEFAULT_TIMEOUT : org.springframework.boot.convert.DurationStyle.detectAndParse(timeout));
	}

	/**
	 * The producer's configuration. A serverless instance is frozen between invocations, so nothing may wait in the
	 * producer's buffer when a function returns: every publish waits for the acknowledgement of all in-sync replicas
	 * ({@code acks=all}), sends at once ({@code linger.ms=0}) and gives up after {@link #timeout} in all of the
	 * producer's own waits (metadata, request, delivery). Uncompressed (the codecs' native jars are not packaged),
	 * and without KIP-714 metrics push (its shaded OpenTelemetry classes are never loaded).
	 */
	Properties producerProperties() {
		int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
		Properties p = new Properties();
		p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "polyfn");
		p.put(ProducerConfig.ACKS_CONFIG, "all");
		p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
		p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
		p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(millis));
		p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(millis));
		p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(millis));
		p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxMessageBytes + FRAMING));
		p.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, "false");
		p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
		if (saslUsername != null) {
			// CKafka's SASL access points take PLAIN (same page as the username's form).
			p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
			p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
					+ jaasQuoted(saslUsername) + "\" password=\"" + jaasQuoted(saslPassword) + "\";");
		}
		return p;
	}

	private static String jaasQuoted(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	/** Never the password: the settings may be logged. */
	@Override
	public String toString() {
		return "ProducerSettings[" + bootstrapServers + ", " + securityProtocol + (saslUsername == null ? "" : ", user "
				+ saslUsername) + ", max " + maxMessageBytes + " bytes, timeout " + timeout + "]";
	}
}
