package dev.polyfn.messaging.aws.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import dev.polyfn.local.Ports;

/**
 * moto's server ({@code moto_server}, the Python moto package, installed on every polyfn machine; the benchmarks'
 * S3ForBench starts it the same way) on 127.0.0.1 and a free port: real SQS and SNS APIs (the SQS JSON protocol and
 * SNS's query protocol that SDK 2.59 speaks), its queues and topics in memory, an SNS topic delivering to its SQS
 * subscriptions inside the server. Any keys are accepted; the account is moto's {@value #ACCOUNT}.
 */
public final class MotoServer implements AutoCloseable {

	public static final String REGION = "us-east-1";

	/** The account moto answers for. */
	public static final String ACCOUNT = "123456789012";

	private final Process process;
	private final int port;
	private final Path log;

	private MotoServer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Started and listening; its output goes to a temporary file, shown when it does not come up. */
	public static MotoServer start() throws IOException, InterruptedException {
		int port = Ports.free();
		Path log = Files.createTempFile("moto-server-", ".log");
		Process process = new ProcessBuilder(List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)))
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		MotoServer server = new MotoServer(process, port, log);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		server.awaitListening();
		return server;
	}

	private void awaitListening() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("moto_server exited: " + Files.readString(log));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(50);
			}
		}
		close();
		throw new IllegalStateException("moto_server did not listen on " + port + " within 60 s: " + Files.readString(log));
	}

	public int port() {
		return port;
	}

	public String endpoint() {
		return "http://127.0.0.1:" + port;
	}

	/** What a function is started with to use this server, as Lambda would hand over its role's keys. */
	public Map<String, String> environment() {
		return Map.of("AWS_ENDPOINT_URL", endpoint(), "AWS_REGION", REGION,
				"AWS_ACCESS_KEY_ID", "polyfn-test-access", "AWS_SECRET_ACCESS_KEY", "polyfn-test-secret");
	}

	/** The SDK's own SQS client for this server. The caller closes it. */
	public SqsClient sqs() {
		return SqsClient.builder().endpointOverride(URI.create(endpoint())).region(Region.of(REGION))
			.httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials()).build();
	}

	/** The SDK's own SNS client for this server. The caller closes it. */
	public SnsClient sns() {
		return SnsClient.builder().endpointOverride(URI.create(endpoint())).region(Region.of(REGION))
			.httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials()).build();
	}

	/** Through SQS's own CreateQueue, as a deployment would make it; returns the queue URL. */
	public String createQueue(String name) {
		try (SqsClient sqs = sqs()) {
			Map<QueueAttributeName, String> attributes = name.endsWith(".fifo")
					? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of();
			return sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
		}
	}

	/** A topic (SNS CreateTopic) with a queue subscribed to it, raw delivery on (the message as published): its ARN and the queue URL. */
	public Subscribed createTopicWithQueue(String topic) {
		String queueUrl = createQueue(topic.endsWith(".fifo") ? topic.replace(".fifo", "-subscriber.fifo") : topic + "-subscriber");
		try (SnsClient sns = sns(); SqsClient sqs = sqs()) {
			Map<String, String> attributes = topic.endsWith(".fifo") ? Map.of("FifoTopic", "true") : Map.of();
			String topicArn = sns.createTopic(r -> r.name(topic).attributes(attributes)).topicArn();
			String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
				.attributes().get(QueueAttributeName.QUEUE_ARN);
			sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
				.attributes(Map.of("RawMessageDelivery", "true")));
			return new Subscribed(topicArn, queueUrl);
		}
	}

	public record Subscribed(String topicArn, String queueUrl) {
	}

	/**
	 * Every message now in the queue, with all its message attributes and system attributes, deleted as read: long
	 * polls until {@code expected} have arrived or a poll comes back empty after that many.
	 */
	public List<Message> receiveAll(String queueUrl, int expected) {
		List<Message> received = new java.util.ArrayList<>();
		try (SqsClient sqs = sqs()) {
			while (true) {
				List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
					.waitTimeSeconds(received.size() >= expected ? 0 : 2).messageAttributeNames("All")
					.messageSystemAttributeNamesWithStrings("All")).messages();
				if (batch.isEmpty() && received.size() >= expected) {
					return received;
				}
				if (batch.isEmpty()) {
					// A long poll that came back empty with fewer than expected: nothing more is coming.
					return received;
				}
				for (Message message : batch) {
					received.add(message);
					sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
				}
			}
		}
	}

	private static StaticCredentialsProvider credentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("polyfn-test-access", "polyfn-test-secret"));
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
