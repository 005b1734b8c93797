package dev.polyfn.messaging.mns.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.polyfn.messaging.mns.MnsClient;
import dev.polyfn.messaging.mns.MnsSigner;
import dev.polyfn.messaging.mns.MnsXml;

/**
 * An EMULATION of the part of the MNS (Simple Message Queue) REST API that polyfn-messaging-mns calls, written from the
 * vendor's API reference, in memory on 127.0.0.1. No MNS emulator exists (nor a server that speaks this API), so this
 * is not the service: it is the service as its documentation describes it (all read 2026-12-06):
 * <ul>
 * <li>every request is checked as "Sign requests" says (https://www.alibabacloud.com/help/en/mns/sign-requests): a Date
 * within 15 minutes, {@code x-mns-version: 2015-06-06}, {@code Authorization: MNS <id>:<signature>} recomputed with
 * the one key it knows, and the STS {@code security-token} when it was given one; failures answer InvalidAccessKeyId,
 * SignatureDoesNotMatch (403) or the 400s of "Error codes" (https://alibabacloud.com/help/en/mns/error-codes), in the
 * {@code <Error>} shape of "Syntax of error responses";</li>
 * <li>SendMessage and BatchSendMessage on {@code /queues/<q>/messages} (201 with MessageId and MessageBodyMD5; a batch
 * of at most 16; QueueNotExist 404), PublishMessage on {@code /topics/<t>/messages} (201; TopicNotExist 404), bodies
 * over 64 KB refused with InvalidArgument (400);</li>
 * <li>BatchReceiveMessage, {@code GET /queues/<q>/messages?numOfMessages=n} (MessageNotExist 404 when empty), the API
 * {@link #receive} reads with; a received message is taken out at once (the real queue hides it until its receipt
 * handle is deleted);</li>
 * <li>a topic's messages are pushed to the queues subscribed to it with {@link #subscribe}, in the SIMPLIFIED format
 * (the body as published, "NotifyContentFormat", https://www.alibabacloud.com/help/en/mns/developer-reference/notifycontentformat).</li>
 * </ul>
 * {@link #failNext} makes the next calls fail with a given status and code, for the failure paths.
 */
public final class MnsTestServer implements AutoCloseable {

	public static final String ACCESS_KEY_ID = "STS.polyfnTestKey";
	public static final String ACCESS_KEY_SECRET = "polyfn-test-secret";
	public static final String SECURITY_TOKEN = "polyfn-test-sts-token";

	private static final Pattern MESSAGES = Pattern.compile("/(queues|topics)/([A-Za-z0-9-]{1,120})/messages");
	private static final Duration MAX_SKEW = Duration.ofMinutes(15);
	private static final int MAX_BODY_BYTES = 65_536;

	private record Stored(String id, String body) {
	}

	private record Failure(int status, String code) {
	}

	private final HttpServer server;
	private final Map<String, List<Stored>> queues = new ConcurrentHashMap<>();
	private final Map<String, List<String>> topics = new ConcurrentHashMap<>();
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private final Map<String, List<String>> tags = new ConcurrentHashMap<>();
	private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
	private final AtomicLong ids = new AtomicLong(0x5F290C926D4728L);
	private final Map<Integer, String> failingEntries = new ConcurrentHashMap<>();

	private MnsTestServer(HttpServer server) {
		this.server = server;
	}

	public static MnsTestServer start() throws IOException {
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		MnsTestServer mns = new MnsTestServer(http);
		http.setExecutor(Executors.newFixedThreadPool(4));
		http.createContext("/", exchange -> {
			try (exchange) {
				mns.handle(exchange);
			}
			catch (RuntimeException failed) {
				mns.error(exchange, 500, "InternalError", failed.toString());
			}
		});
		http.start();
		return mns;
	}

	/** {@code POLYFN_MESSAGING_MNS_ENDPOINT}'s value for this server. */
	public String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void createQueue(String name) {
		queues.putIfAbsent(name, new CopyOnWriteArrayList<>());
	}

	public void createTopic(String name) {
		topics.putIfAbsent(name, new CopyOnWriteArrayList<>());
	}

	/** A queue endpoint subscribed to the topic: each message published there is pushed to the queue. */
	public void subscribe(String topic, String queue) {
		createQueue(queue);
		topics.get(topic).add(queue);
	}

	/** The next {@code count} calls answer this error instead of being served (after their signature is checked). */
	public void failNext(int count, int status, String code) {
		for (int i = 0; i < count; i++) {
			failures.add(new Failure(status, code));
		}
	}

	/** The MessageTags of the messages published to the topic, in order (messages without one left out). */
	public List<String> tags(String topic) {
		return List.copyOf(tags.getOrDefault(topic, List.of()));
	}

	/**
	 * The next BatchSendMessage refuses the message at each of these positions with this code, stores the others and
	 * answers the per-message list (status 500, as the SDK reads a partly failed batch: each entry its MessageId or
	 * its ErrorCode and ErrorMessage).
	 */
	public void failBatchEntries(String code, int... positions) {
		for (int position : positions) {
			failingEntries.put(position, code);
		}
	}

	/** Each request seen, as {@code METHOD /path}. */
	public List<String> requests() {
		return List.copyOf(requests);
	}

	/**
	 * The bodies waiting in the queue, read through the API (BatchReceiveMessage, signed with the server's key) as a
	 * consumer reads them, and decoded from base64 when {@code base64} says they were sent so.
	 */
	public List<String> receive(String queue, boolean base64) throws IOException, InterruptedException {
		MnsClient client = MnsClient.withKey(endpoint(), ACCESS_KEY_ID, ACCESS_KEY_SECRET, SECURITY_TOKEN);
		List<String> bodies = new ArrayList<>();
		while (true) {
			MnsClient.Answer answer = client.send("GET", "/queues/" + queue + "/messages?numOfMessages=16", null);
			if (answer.status() == 404 && "MessageNotExist".equals(MnsXml.children(answer.root()).get("Code"))) {
				return bodies;
			}
			if (answer.status() != 200) {
				throw new IllegalStateException("BatchReceiveMessage answered " + answer.status());
			}
			for (Element message : MnsXml.elements(answer.root())) {
				String body = MnsXml.children(message).get("MessageBody");
				bodies.add(base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body);
			}
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String resource = exchange.getRequestURI().getRawPath()
				+ (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
		byte[] body = exchange.getRequestBody().readAllBytes();
		requests.add(method + " " + exchange.getRequestURI().getRawPath());
		if (!authenticated(exchange, method, resource, body)) {
			return;
		}
		if (!failures.isEmpty()) {
			Failure next = failures.remove(0);
			error(exchange, next.status(), next.code(), "injected by the test");
			return;
		}
		Matcher path = MESSAGES.matcher(exchange.getRequestURI().getRawPath());
		if (!path.matches()) {
			error(exchange, 400, "InvalidRequestURL", "Http request URL format invalid.");
			return;
		}
		String name = path.group(2);
		if (path.group(1).equals("queues")) {
			if (!queues.containsKey(name)) {
				error(exchange, 404, "QueueNotExist", "The queue name you provided is not exist.");
			}
			else if (method.equals("POST")) {
				send(exchange, name, body);
			}
			else if (method.equals("GET")) {
				receive(exchange, name, exchange.getRequestURI().getRawQuery());
			}
			else {
				error(exchange, 400, "InvalidRequestURL", "Http request URL format invalid.");
			}
		}
		else if (!topics.containsKey(name)) {
			error(exchange, 404, "TopicNotExist", "The topic you provided does not exist.");
		}
		else if (method.equals("POST")) {
			publish(exchange, name, body);
		}
		else {
			error(exchange, 400, "InvalidRequestURL", "Http request URL format invalid.");
		}
	}

	private boolean authenticated(HttpExchange exchange, String method, String resource, byte[] body) throws IOException {
		String date = exchange.getRequestHeaders().getFirst("Date");
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (date == null) {
			error(exchange, 400, "MissingDateHeader", "Date header is required.");
			return false;
		}
		Instant sent;
		try {
			sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (RuntimeException invalid) {
			error(exchange, 400, "InvalidDateHeader", "The Date header format is invalid.");
			return false;
		}
		if (Duration.between(sent, Instant.now()).abs().compareTo(MAX_SKEW) > 0) {
			error(exchange, 408, "TimeExpired", "The http request you sent is expired.");
			return false;
		}
		if (!MnsSigner.VERSION.equals(exchange.getRequestHeaders().getFirst("x-mns-version"))) {
			error(exchange, 400, "InvalidArgument", "x-mns-version is 2015-06-06.");
			return false;
		}
		if (authorization == null) {
			error(exchange, 400, "MissingAuthorizationHeader", "Authorization header is required.");
			return false;
		}
		if (!authorization.startsWith("MNS ") || authorization.indexOf(':') < 0) {
			error(exchange, 400, "InvalidAuthorizationHeader", "The Authorization header format is invalid.");
			return false;
		}
		String id = authorization.substring(4, authorization.lastIndexOf(':'));
		if (!id.equals(ACCESS_KEY_ID)) {
			error(exchange, 403, "InvalidAccessKeyId", "The AccessKey Id you provided is not exist.");
			return false;
		}
		String md5 = exchange.getRequestHeaders().getFirst("Content-MD5");
		if (md5 != null && !md5.equals(contentMd5(body))) {
			error(exchange, 400, "InvalidDegist", "The Content-MD5 you specified is invalid.");
			return false;
		}
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
		String expected = MnsSigner.signature(ACCESS_KEY_SECRET, MnsSigner.stringToSign(method, md5,
				exchange.getRequestHeaders().getFirst("Content-Type"), date, headers, resource));
		if (!authorization.substring(authorization.lastIndexOf(':') + 1).equals(expected)) {
			error(exchange, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
			return false;
		}
		if (!SECURITY_TOKEN.equals(exchange.getRequestHeaders().getFirst("security-token"))) {
			error(exchange, 403, "AccessDenied", "The OwnerId that your Access Key Id associated to is forbidden for this operation.");
			return false;
		}
		return true;
	}

	private void send(HttpExchange exchange, String queue, byte[] xml) throws IOException {
		Element root = MnsXml.root(xml);
		if (root == null) {
			error(exchange, 400, "MalformedXML", "The XML you provided was not well-formed.");
			return;
		}
		if (MnsXml.localName(root).equals("Message")) {
			String body = MnsXml.children(root).get("MessageBody");
			if (!acceptable(exchange, body)) {
				return;
			}
			Stored stored = store(queue, body);
			answer(exchange, 201, MnsXml.element("Message", Map.of("MessageId", stored.id(), "MessageBodyMD5", md5Hex(body)), true));
			return;
		}
		List<Element> messages = MnsXml.elements(root);
		if (!MnsXml.localName(root).equals("Messages") || messages.isEmpty() || messages.size() > 16) {
			error(exchange, 400, "InvalidArgument", "The count of Message should between 1 and 16.");
			return;
		}
		int total = 0;
		for (Element message : messages) {
			String body = MnsXml.children(message).get("MessageBody");
			if (body == null) {
				error(exchange, 400, "InvalidArgument", "The XML you provided did not validate against our published schema, cause by MessageBody.");
				return;
			}
			total += body.getBytes(StandardCharsets.UTF_8).length;
		}
		if (total > MAX_BODY_BYTES) {
			error(exchange, 400, "InvalidArgument", "The value of MessageBody should between 1 and 65536 bytes.");
			return;
		}
		StringBuilder answer = new StringBuilder("<Messages xmlns=\"").append(MnsXml.NAMESPACE).append("\">");
		Map<Integer, String> refused = new LinkedHashMap<>(failingEntries);
		failingEntries.clear();
		for (int i = 0; i < messages.size(); i++) {
			String body = MnsXml.children(messages.get(i)).get("MessageBody");
			if (refused.containsKey(i)) {
				Map<String, String> error = new LinkedHashMap<>();
				error.put("ErrorCode", refused.get(i));
				error.put("ErrorMessage", "injected by the test");
				answer.append(MnsXml.element("Message", error, false));
				continue;
			}
			Stored stored = store(queue, body);
			answer.append(MnsXml.element("Message", Map.of("MessageId", stored.id(), "MessageBodyMD5", md5Hex(body)), false));
		}
		answer(exchange, refused.isEmpty() ? 201 : 500, answer.append("</Messages>").toString());
	}

	private void publish(HttpExchange exchange, String topic, byte[] xml) throws IOException {
		Element root = MnsXml.root(xml);
		if (root == null || !MnsXml.localName(root).equals("Message")) {
			error(exchange, 400, "MalformedXML", "The XML you provided was not well-formed.");
			return;
		}
		String body = MnsXml.children(root).get("MessageBody");
		if (!acceptable(exchange, body)) {
			return;
		}
		String id = nextId();
		String tag = MnsXml.children(root).get("MessageTag");
		if (tag != null) {
			tags.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(tag);
		}
		for (String queue : topics.get(topic)) {
			queues.get(queue).add(new Stored(id, body));
		}
		answer(exchange, 201, MnsXml.element("Message", Map.of("MessageId", id, "MessageBodyMD5", md5Hex(body)), true));
	}

	private void receive(HttpExchange exchange, String queue, String query) throws IOException {
		int wanted = query != null && query.startsWith("numOfMessages=") ? Integer.parseInt(query.substring(14)) : 16;
		List<Stored> waiting = queues.get(queue);
		List<Stored> taken = new ArrayList<>();
		synchronized (waiting) {
			while (!waiting.isEmpty() && taken.size() < wanted) {
				taken.add(waiting.remove(0));
			}
		}
		if (taken.isEmpty()) {
			error(exchange, 404, "MessageNotExist", "Message not exist.");
			return;
		}
		StringBuilder answer = new StringBuilder("<Messages xmlns=\"").append(MnsXml.NAMESPACE).append("\">");
		for (Stored message : taken) {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("MessageId", message.id());
			fields.put("ReceiptHandle", "1-" + message.id());
			fields.put("MessageBodyMD5", md5Hex(message.body()));
			fields.put("MessageBody", message.body());
			answer.append(MnsXml.element("Message", fields, false));
		}
		answer(exchange, 200, answer.append("</Messages>").toString());
	}

	private boolean acceptable(HttpExchange exchange, String body) throws IOException {
		if (body == null) {
			error(exchange, 400, "InvalidArgument", "The XML you provided did not validate against our published schema, cause by MessageBody.");
			return false;
		}
		if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
			error(exchange, 400, "InvalidArgument", "The value of MessageBody should between 1 and 65536 bytes.");
			return false;
		}
		return true;
	}

	private Stored store(String queue, String body) {
		Stored stored = new Stored(nextId(), body);
		queues.get(queue).add(stored);
		return stored;
	}

	private String nextId() {
		return HexFormat.of().withUpperCase().toHexDigits(ids.incrementAndGet()) + "-1-15180395A19-20000";
	}

	private static String md5Hex(String body) {
		return HexFormat.of().withUpperCase().formatHex(md5(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static String contentMd5(byte[] body) {
		return Base64.getEncoder().encodeToString(md5(body));
	}

	private static byte[] md5(byte[] bytes) {
		try {
			return MessageDigest.getInstance("MD5").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private void answer(HttpExchange exchange, int status, String xml) throws IOException {
		byte[] bytes = (MnsXml.PROLOG + xml).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=utf-8");
		exchange.getResponseHeaders().set("x-mns-version", MnsSigner.VERSION);
		exchange.getResponseHeaders().set("x-mns-request-id", Long.toHexString(ids.incrementAndGet()).toUpperCase(Locale.ROOT));
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private void error(HttpExchange exchange, int status, String code, String message) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Code", code);
		fields.put("Message", message);
		fields.put("RequestId", Long.toHexString(ids.incrementAndGet()).toUpperCase(Locale.ROOT));
		fields.put("HostId", endpoint());
		try {
			answer(exchange, status, MnsXml.element("Error", fields, true));
		}
		catch (IOException gone) {
			// the client went away: nothing to answer
		}
	}

	/** The queues and topics it holds, for a test's own checks. */
	public Set<String> queues() {
		return Set.copyOf(queues.keySet());
	}

	@Override
	public void close() {
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}
}
