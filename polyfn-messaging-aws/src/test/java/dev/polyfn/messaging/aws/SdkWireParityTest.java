package dev.polyfn.messaging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import dev.polyfn.aws.client.AwsCredentials;
import dev.polyfn.aws.client.AwsCredentialsSource;
import dev.polyfn.aws.client.AwsHttpClient;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.messaging.Message;

/**
 * The same messages through this module's clients and through the SDK's, as they arrive at a loopback endpoint: the
 * SDK (test scope only) is the oracle for what SQS's JSON protocol and SNS's Query protocol carry, beyond what moto
 * reads back, and its signer for the signature of what this module's client actually sent.
 */
class SdkWireParityTest {

	private static final String REGION = "us-east-1";
	private static final String ID = "AKIDEXAMPLE";
	private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
	private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE/token+with=chars";
	private static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo";
	private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:alerts.fifo";

	/** A message with every kind of character the two encodings escape, attributes and a group. */
	private static final Message MESSAGE = Message.text("\"quoted\" back\\slash\ttab\r\n caf\u00e9 \ud83d\ude00 a=1&b=2+3 %41 <x>")
		.withAttribute("status", "CONFIRMED & <ok> \u00e9").withGroupKey("customer-7");

	private static CapturingServer server;
	private static SqsClient sqs;
	private static SnsClient sns;
	private static software.amazon.awssdk.services.sqs.SqsClient sdkSqs;
	private static software.amazon.awssdk.services.sns.SnsClient sdkSns;

	@BeforeAll
	static void start() throws Exception {
		server = CapturingServer.start();
		URI endpoint = URI.create(server.endpoint() + "/");
		AwsCredentialsSource keys = AwsCredentialsSource.fixed(AwsCredentials.of(ID, SECRET, null));
		sqs = new SqsClient(new AwsHttpClient("sqs", REGION, keys, false, Duration.ofSeconds(5), Duration.ofSeconds(5)), endpoint);
		sns = new SnsClient(new AwsHttpClient("sns", REGION, keys, false, Duration.ofSeconds(5), Duration.ofSeconds(5)), endpoint);
		StaticCredentialsProvider sdkKeys = StaticCredentialsProvider.create(AwsBasicCredentials.create(ID, SECRET));
		sdkSqs = software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
			.credentialsProvider(sdkKeys).httpClient(UrlConnectionHttpClient.create()).build();
		sdkSns = software.amazon.awssdk.services.sns.SnsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
			.credentialsProvider(sdkKeys).httpClient(UrlConnectionHttpClient.create()).build();
	}

	@AfterAll
	static void stop() {
		sdkSqs.close();
		sdkSns.close();
		server.close();
	}

	private static AwsMessageFormat.Outgoing outgoing(String id, Message message) {
		return AwsMessageFormat.outgoing(id, AwsMessageFormat.encode("orders", message), message, true, "orders");
	}

	private static Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> sqsAttributes(AwsMessageFormat.Outgoing outgoing) {
		Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> attributes = new TreeMap<>();
		outgoing.encoded().attributes().forEach((name, value) -> attributes.put(name,
				software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
		return attributes;
	}

	private static Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> snsAttributes(AwsMessageFormat.Outgoing outgoing) {
		Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> attributes = new TreeMap<>();
		outgoing.encoded().attributes().forEach((name, value) -> attributes.put(name,
				software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
		return attributes;
	}

	private static CapturingServer.Captured sent(Runnable call) {
		call.run();
		return server.last();
	}

	/** What the SDK sent; it may refuse the fixed answer afterwards (SQS's client checks the answer's MD5 digests). */
	private static CapturingServer.Captured sdkSent(Runnable call) {
		try {
			call.run();
		}
		catch (SdkClientException answerRefused) {
			// the request went out; only what came back was not what the SDK checks for
		}
		return server.last();
	}

	/** What SQS reads of a call: the request line, the protocol's headers and the JSON body as a tree (field order aside). */
	private static List<Object> sqsWire(CapturingServer.Captured request) {
		return List.of(protocolHeaders(request), JsonEvents.readTree(request.body()));
	}

	/** What SNS reads of a call: the request line, the protocol's headers and the form's parameters. */
	private static List<Object> snsWire(CapturingServer.Captured request) {
		return List.of(protocolHeaders(request), form(request));
	}

	/**
	 * The form's parameters decoded, with each {@code MessageAttributes.entry.N} keyed by the attribute's name instead
	 * of N (the SDK numbers a map in its own order).
	 */
	private static Map<String, String> form(CapturingServer.Captured request) {
		Map<String, String> raw = new TreeMap<>();
		for (String pair : request.text().split("&")) {
			int eq = pair.indexOf('=');
			raw.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		Map<String, String> named = new TreeMap<>();
		raw.forEach((key, value) -> {
			int entry = key.indexOf("MessageAttributes.entry.");
			if (entry < 0) {
				named.put(key, value);
				return;
			}
			String numbered = key.substring(0, key.indexOf('.', entry + "MessageAttributes.entry.".length()) + 1);
			if (!key.endsWith(".Name")) {
				named.put(numbered.replaceFirst("entry\\.\\d+\\.$", "") + raw.get(numbered + "Name") + key.substring(numbered.length() - 1), value);
			}
		});
		return named;
	}

	private static String protocolHeaders(CapturingServer.Captured request) {
		return request.method() + " " + request.path() + " " + request.header("X-Amz-Target") + " " + request.header("x-amzn-query-mode")
				+ " " + request.header("Content-Type");
	}

	@Test
	void send_message_goes_out_with_the_sdks_action_content_type_and_parameters() {
		AwsMessageFormat.Outgoing outgoing = outgoing(null, MESSAGE);
		server.answer("application/x-amz-json-1.0", "{\"MessageId\":\"id-1\"}");

		CapturingServer.Captured ours = sent(() -> sqs.sendMessage(QUEUE_URL, outgoing));
		CapturingServer.Captured sdk = sdkSent(() -> sdkSqs.sendMessage(SendMessageRequest.builder().queueUrl(QUEUE_URL)
			.messageBody(outgoing.encoded().body()).messageAttributes(sqsAttributes(outgoing)).messageGroupId(outgoing.groupId())
			.messageDeduplicationId(outgoing.deduplicationId()).build()));

		assertThat(sqsWire(ours)).isEqualTo(sqsWire(sdk));
	}

	@Test
	void send_message_batch_goes_out_with_the_sdks_entries() {
		List<AwsMessageFormat.Outgoing> entries = List.of(outgoing("m0", MESSAGE), outgoing("m1", Message.bytes(new byte[] {0, (byte) 0xff}, "application/octet-stream")));
		server.answer("application/x-amz-json-1.0", "{\"Successful\":[],\"Failed\":[]}");

		CapturingServer.Captured ours = sent(() -> sqs.sendMessageBatch(QUEUE_URL, entries));
		CapturingServer.Captured sdk = sdkSent(() -> sdkSqs.sendMessageBatch(r -> r.queueUrl(QUEUE_URL).entries(entries.stream()
			.map(e -> SendMessageBatchRequestEntry.builder().id(e.id()).messageBody(e.encoded().body()).messageAttributes(sqsAttributes(e))
				.messageGroupId(e.groupId()).messageDeduplicationId(e.deduplicationId()).build())
			.toList())));

		assertThat(sqsWire(ours)).isEqualTo(sqsWire(sdk));
	}

	@Test
	void publish_goes_out_with_the_sdks_form_parameters() {
		AwsMessageFormat.Outgoing outgoing = outgoing(null, MESSAGE);
		server.answer("text/xml", "<PublishResponse><PublishResult><MessageId>id-1</MessageId></PublishResult></PublishResponse>");

		CapturingServer.Captured ours = sent(() -> sns.publish(TOPIC_ARN, outgoing));
		CapturingServer.Captured sdk = sdkSent(() -> sdkSns.publish(r -> r.topicArn(TOPIC_ARN).message(outgoing.encoded().body())
			.messageAttributes(snsAttributes(outgoing)).messageGroupId(outgoing.groupId()).messageDeduplicationId(outgoing.deduplicationId())));

		assertThat(snsWire(ours)).isEqualTo(snsWire(sdk));
	}

	@Test
	void publish_batch_goes_out_with_the_sdks_form_parameters() {
		List<AwsMessageFormat.Outgoing> entries = List.of(outgoing("m0", MESSAGE), outgoing("m1", Message.text("second")));
		server.answer("text/xml", "<PublishBatchResponse><PublishBatchResult><Successful/><Failed/></PublishBatchResult></PublishBatchResponse>");

		CapturingServer.Captured ours = sent(() -> sns.publishBatch(TOPIC_ARN, entries));
		CapturingServer.Captured sdk = sdkSent(() -> sdkSns.publishBatch(r -> r.topicArn(TOPIC_ARN).publishBatchRequestEntries(entries.stream()
			.map(e -> software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry.builder().id(e.id()).message(e.encoded().body())
				.messageAttributes(snsAttributes(e)).messageGroupId(e.groupId()).messageDeduplicationId(e.deduplicationId()).build())
			.toList())));

		assertThat(snsWire(ours)).isEqualTo(snsWire(sdk));
	}

	@Test
	void an_sqs_call_is_signed_as_the_sdks_signer_signs_the_request_that_arrived() {
		server.answer("application/x-amz-json-1.0", "{\"MessageId\":\"id-1\"}");

		sqs.sendMessage(QUEUE_URL, outgoing(null, MESSAGE));

		CapturingServer.Captured ours = server.last();
		assertThat(ours.header("Authorization")).isEqualTo(sdkAuthorization(ours, "sqs"));
	}

	@Test
	void an_sns_call_with_lambdas_temporary_keys_is_signed_as_the_sdks_signer_signs_it() {
		AwsCredentialsSource temporary = AwsCredentialsSource.fixed(AwsCredentials.of(ID, SECRET, SESSION_TOKEN));
		SnsClient withToken = new SnsClient(new AwsHttpClient("sns", REGION, temporary, false, Duration.ofSeconds(5), Duration.ofSeconds(5)),
				sns.endpoint());
		server.answer("text/xml", "<PublishResponse><PublishResult><MessageId>id-2</MessageId></PublishResult></PublishResponse>");

		withToken.publish(TOPIC_ARN, outgoing(null, Message.text("with a session token")));

		CapturingServer.Captured ours = server.last();
		assertThat(ours.header("X-Amz-Security-Token") + " " + ours.header("Authorization"))
			.isEqualTo(SESSION_TOKEN + " " + sdkAuthorization(ours, "sns"));
	}

	/** The SDK's signature for the headers the request names as signed, its body, its keys and the time it was signed at. */
	private static String sdkAuthorization(CapturingServer.Captured request, String service) {
		String authorization = request.header("Authorization");
		int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
		SdkHttpRequest.Builder received = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(request.method()))
			.uri(URI.create("http://" + request.header("Host") + request.path()));
		for (String name : authorization.substring(start, authorization.indexOf(',', start)).split(";")) {
			// The signer adds these itself: the host from the URI, the date from the clock, the token from the identity.
			if (!name.equals("host") && !name.equals("x-amz-date") && !name.equals("x-amz-security-token")) {
				received.putHeader(name, request.header(name));
			}
		}
		Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").parse(request.header("X-Amz-Date"), Instant::from);
		String token = request.header("X-Amz-Security-Token");
		AwsCredentialsIdentity keys = token == null ? AwsCredentialsIdentity.create(ID, SECRET) : AwsSessionCredentialsIdentity.create(ID, SECRET, token);
		Consumer<software.amazon.awssdk.http.auth.spi.signer.SignRequest.Builder<AwsCredentialsIdentity>> signing = r -> r
			.identity(keys).request(received.build()).payload(ContentStreamProvider.fromByteArray(request.body()))
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service).putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
			.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC));
		return AwsV4HttpSigner.create().sign(signing).request().firstMatchingHeader("Authorization").orElseThrow();
	}
}
