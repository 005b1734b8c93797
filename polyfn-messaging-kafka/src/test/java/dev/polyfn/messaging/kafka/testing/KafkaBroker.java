package dev.polyfn.messaging.kafka.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import dev.polyfn.local.Ports;

/**
 * A real Kafka broker for tests: Apache Kafka's own server in KRaft mode (one node that is broker and controller), in
 * this JVM, on two free loopback ports, its log in a fresh temporary folder formatted as {@code kafka-storage format}
 * does. Topics are not created on first use (as on CKafka), so a test creates the ones it publishes to. Reads back
 * with Kafka's own consumer.
 */
public final class KafkaBroker implements AutoCloseable {

	/** The user the SASL/PLAIN listener knows (CKafka's form would be {@code <instanceId>#<user>}). */
	public static final String SASL_USER = "polyfn";

	public static final String SASL_PASSWORD = "polyfn-secret";

	private final Path logDir;
	private final int port;
	private final int saslPort;
	private final KafkaRaftServer server;
	private long startMillis;

	private KafkaBroker(Path logDir, int port, int saslPort, KafkaRaftServer server, long startMillis) {
		this.logDir = logDir;
		this.port = port;
		this.saslPort = saslPort;
		this.server = server;
		this.startMillis = startMillis;
	}

	/** Formats a log folder, starts the node and returns once it answers an admin client. */
	public static KafkaBroker start() {
		quietBrokerLogs();
		long started = System.nanoTime();
		try {
			Path logDir = Files.createTempDirectory("polyfn-kafka-");
			int port = Ports.free();
			int saslPort = Ports.free();
			int controllerPort = Ports.free();
			Properties config = new Properties();
			config.put("process.roles", "broker,controller");
			config.put("node.id", "1");
			config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
			config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort
					+ ",CONTROLLER://127.0.0.1:" + controllerPort);
			config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
			config.put("sasl.enabled.mechanisms", "PLAIN");
			config.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
					"org.apache.kafka.common.security.plain.PlainLoginModule required user_" + SASL_USER + "=\"" + SASL_PASSWORD + "\";");
			config.put("controller.listener.names", "CONTROLLER");
			config.put("inter.broker.listener.name", "PLAINTEXT");
			config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
			config.put("log.dirs", logDir.toString());
			config.put("auto.create.topics.enable", "false");
			config.put("num.partitions", "1");
			config.put("offsets.topic.replication.factor", "1");
			config.put("offsets.topic.num.partitions", "1");
			config.put("transaction.state.log.replication.factor", "1");
			config.put("transaction.state.log.min.isr", "1");
			config.put("share.coordinator.state.topic.replication.factor", "1");
			config.put("share.coordinator.state.topic.min.isr", "1");
			config.put("group.initial.rebalance.delay.ms", "0");
			format(logDir, config);
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
			server.startup();
			KafkaBroker broker = new KafkaBroker(logDir, port, saslPort, server, 0);
			broker.awaitReady();
			broker.startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			return broker;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The broker logs every step of its start and of each topic at INFO (through log4j-to-slf4j into Logback here):
	 * only its warnings, in whichever test module starts it.
	 */
	private static void quietBrokerLogs() {
		if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
			for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
				logback.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
			}
		}
	}

	private static void format(Path logDir, Properties config) throws IOException {
		Path file = logDir.resolveSibling(logDir.getFileName() + ".properties");
		try (OutputStream out = Files.newOutputStream(file)) {
			config.store(out, "polyfn test broker");
		}
		ByteArrayOutputStream said = new ByteArrayOutputStream();
		int exit = StorageTool.execute(new String[] { "format", "--config", file.toString(), "--cluster-id",
				Uuid.randomUuid().toString(), "--ignore-formatted" }, new PrintStream(said, true, StandardCharsets.UTF_8));
		Files.deleteIfExists(file);
		if (exit != 0) {
			throw new IllegalStateException("kafka-storage format failed: " + said.toString(StandardCharsets.UTF_8));
		}
	}

	private void awaitReady() {
		try (Admin admin = admin()) {
			admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("The Kafka broker on port " + port + " did not answer", e);
		}
	}

	/** {@code 127.0.0.1:<port>}: what {@code bootstrap-servers} is set to. */
	public String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	/** {@code 127.0.0.1:<port>} of the SASL_PLAINTEXT listener (PLAIN, user {@link #SASL_USER}), as CKafka's public access point. */
	public String saslBootstrapServers() {
		return "127.0.0.1:" + saslPort;
	}

	/** How long formatting and starting took, in milliseconds, until the broker's first answer. */
	public long startMillis() {
		return startMillis;
	}

	/** Creates a topic of one partition; {@code configs} are topic configs such as {@code max.message.bytes}. */
	public void createTopic(String topic, Map<String, String> configs) {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(configs))).all().get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not create topic " + topic, e);
		}
	}

	public void createTopic(String topic) {
		createTopic(topic, Map.of());
	}

	/** Sets one topic config (e.g. {@code max.message.bytes}) and returns once the broker has applied it. */
	public void setTopicConfig(String topic, String name, String value) {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		try (Admin admin = admin()) {
			admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(name, value),
					AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!value.equals(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource).get(name).value())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(topic + " did not take " + name + "=" + value);
				}
				Thread.onSpinWait();
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not set " + name + " on topic " + topic, e);
		}
	}

	/** Every record the topic holds now, read from the beginning to its end offsets by Kafka's consumer. */
	public List<ConsumerRecord<byte[], byte[]>> records(String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
				.map(p -> new TopicPartition(topic, p.partition())).toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (!reached(consumer, end.keySet(), end) && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	private static boolean reached(KafkaConsumer<?, ?> consumer, Collection<TopicPartition> partitions, Map<TopicPartition, Long> end) {
		return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
	}

	@Override
	public void close() {
		server.shutdown();
		server.awaitShutdown();
		try (var files = Files.walk(logDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// a temporary folder: left for the OS
		}
	}
}
