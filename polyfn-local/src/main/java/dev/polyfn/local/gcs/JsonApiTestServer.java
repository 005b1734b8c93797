package dev.polyfn.local.gcs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;


import dev.polyfn.local.MiniJson;

/**
 * The part of the Cloud Storage JSON API that polyfn-storage-gcs calls, served in memory on 127.0.0.1, written from
 * the API reference (https://cloud.google.com/storage/docs/json_api/v1/objects, read 2026-12-04): objects get (the
 * resource, or {@code alt=media}), insert ({@code uploadType=multipart}), list (prefix, maxResults, pageToken),
 * delete and rewrite, with {@code ifGenerationMatch}. No server that speaks the JSON API could be had here:
 * fake-gcs-server needs Go or Docker, and Firebase's Storage emulator downloads its rules runtime from
 * storage.googleapis.com, which this network does not reach. The client under test points at it through
 * {@code STORAGE_EMULATOR_HOST}, as it would at an emulator.
 */
public final class JsonApiTestServer implements AutoCloseable {

	private record StoredObject(byte[] content, String contentType, Map<String, String> metadata, long generation, Instant updated) {
	}

	private final HttpServer server;
	private final Map<String, TreeMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
	private final AtomicLong generations = new AtomicLong(1_700_000_000_000_000L);
	private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

	private JsonApiTestServer(HttpServer server) {
		this.server = server;
	}

	public static JsonApiTestServer start() throws IOException {
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		JsonApiTestServer api = new JsonApiTestServer(http);
		http.setExecutor(Executors.newFixedThreadPool(4));
		http.createContext("/", exchange -> {
			try (exchange) {
				api.handle(exchange);
			}
			catch (RuntimeException failed) {
				api.error(exchange, 500, failed.toString());
			}
		});
		http.start();
		return api;
	}

	/** {@code STORAGE_EMULATOR_HOST}'s value for this server. */
	public String host() {
		return "127.0.0.1:" + server.getAddress().getPort();
	}

	public void createBucket(String name) {
		buckets.putIfAbsent(name, new TreeMap<>());
	}

	public Set<String> keys(String bucket) {
		synchronized (buckets.get(bucket)) {
			return Set.copyOf(buckets.get(bucket).keySet());
		}
	}

	public byte[] content(String bucket, String key) {
		return buckets.get(bucket).get(key).content();
	}

	public String contentType(String bucket, String key) {
		return buckets.get(bucket).get(key).contentType();
	}

	public void put(String bucket, String key, byte[] content, String contentType) {
		synchronized (buckets.get(bucket)) {
			buckets.get(bucket).put(key, new StoredObject(content, contentType, Map.of(), generations.incrementAndGet(), Instant.now()));
		}
	}

	/** Method and path of every request, in order. */
	public List<String> requests() {
		return List.copyOf(requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String[] path = exchange.getRequestURI().getRawPath().split("/");
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		requests.add(method + " " + exchange.getRequestURI().getRawPath());
		// /storage/v1/b/{bucket}/o[/{object}[/rewriteTo/b/{bucket}/o/{object}]] and /upload/storage/v1/b/{bucket}/o
		boolean upload = path.length > 1 && path[1].equals("upload");
		int b = upload ? 4 : 3;
		if (path.length <= b + 1 || !path[b].equals("b")) {
			error(exchange, 404, "Not Found");
			return;
		}
		String bucketName = decode(path[b + 1]);
		TreeMap<String, StoredObject> bucket = buckets.get(bucketName);
		if (bucket == null) {
			error(exchange, 404, "The specified bucket does not exist.");
			return;
		}
		String object = path.length > b + 3 ? decode(path[b + 3]) : null;
		synchronized (bucket) {
			if (upload && method.equals("POST")) {
				insert(exchange, bucketName, bucket, query);
			}
			else if (object == null && method.equals("GET")) {
				list(exchange, bucket, query);
			}
			else if (object != null && path.length > b + 4 && path[b + 4].equals("rewriteTo") && method.equals("POST")) {
				rewrite(exchange, bucketName, bucket, object, decode(path[b + 6]), decode(path[b + 8]));
			}
			else if (object != null && method.equals("GET")) {
				get(exchange, bucketName, bucket, object, query);
			}
			else if (object != null && method.equals("DELETE")) {
				if (bucket.remove(object) == null) {
					error(exchange, 404, "No such object: " + bucketName + "/" + object);
					return;
				}
				exchange.sendResponseHeaders(204, -1);
			}
			else {
				error(exchange, 405, "Method not allowed");
			}
		}
	}

	private void get(HttpExchange exchange, String bucketName, Map<String, StoredObject> bucket, String name,
			Map<String, String> query) throws IOException {
		StoredObject stored = bucket.get(name);
		if (stored == null) {
			error(exchange, 404, "No such object: " + bucketName + "/" + name);
			return;
		}
		if (query.containsKey("ifGenerationMatch") && Long.parseLong(query.get("ifGenerationMatch")) != stored.generation()) {
			error(exchange, 412, "conditionNotMet");
			return;
		}
		if ("media".equals(query.get("alt"))) {
			exchange.getResponseHeaders().add("Content-Type", stored.contentType());
			exchange.sendResponseHeaders(200, stored.content().length == 0 ? -1 : stored.content().length);
			exchange.getResponseBody().write(stored.content());
			return;
		}
		json(exchange, 200, resource(bucketName, name, stored));
	}

	private void insert(HttpExchange exchange, String bucketName, Map<String, StoredObject> bucket, Map<String, String> query)
			throws IOException {
		if (!"multipart".equals(query.get("uploadType"))) {
			error(exchange, 400, "uploadType " + query.get("uploadType") + " is not served here");
			return;
		}
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		String boundary = type.substring(type.indexOf("boundary=") + 9);
		byte[] body = exchange.getRequestBody().readAllBytes();
		List<byte[]> parts = parts(body, boundary);
		Map<?, ?> resource = (Map<?, ?>) MiniJson.parse(new String(parts.get(0), StandardCharsets.UTF_8));
		String name = (String) resource.get("name");
		StoredObject existing = bucket.get(name);
		if (query.containsKey("ifGenerationMatch")) {
			long expected = Long.parseLong(query.get("ifGenerationMatch"));
			if ((expected == 0 && existing != null) || (expected != 0 && (existing == null || existing.generation() != expected))) {
				error(exchange, 412, "conditionNotMet");
				return;
			}
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		if (resource.get("metadata") instanceof Map<?, ?> given) {
			given.forEach((key, value) -> metadata.put(String.valueOf(key), String.valueOf(value)));
		}
		StoredObject stored = new StoredObject(parts.get(1), (String) resource.get("contentType"), metadata,
				generations.incrementAndGet(), Instant.now());
		bucket.put(name, stored);
		json(exchange, 200, resource(bucketName, name, stored));
	}

	private void list(HttpExchange exchange, TreeMap<String, StoredObject> bucket, Map<String, String> query) throws IOException {
		String prefix = query.getOrDefault("prefix", "");
		int max = Integer.parseInt(query.getOrDefault("maxResults", "1000"));
		int start = Integer.parseInt(query.getOrDefault("pageToken", "0"));
		List<String> names = bucket.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
		Map<String, Object> page = new LinkedHashMap<>(Map.of("kind", "storage#objects"));
		List<Object> items = new ArrayList<>();
		page.put("items", items);
		for (int i = start; i < Math.min(names.size(), start + max); i++) {
			items.add(resource(null, names.get(i), bucket.get(names.get(i))));
		}
		if (start + max < names.size()) {
			page.put("nextPageToken", Integer.toString(start + max));
		}
		json(exchange, 200, page);
	}

	private void rewrite(HttpExchange exchange, String bucketName, Map<String, StoredObject> bucket, String source,
			String targetBucket, String target) throws IOException {
		StoredObject stored = bucket.get(source);
		if (stored == null || !targetBucket.equals(bucketName)) {
			error(exchange, 404, "No such object: " + bucketName + "/" + source);
			return;
		}
		StoredObject copy = new StoredObject(stored.content(), stored.contentType(), stored.metadata(),
				generations.incrementAndGet(), Instant.now());
		bucket.put(target, copy);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("kind", "storage#rewriteResponse");
		answer.put("done", true);
		answer.put("objectSize", Integer.toString(copy.content().length));
		answer.put("resource", resource(bucketName, target, copy));
		json(exchange, 200, answer);
	}

	private static Map<String, Object> resource(String bucket, String name, StoredObject stored) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("kind", "storage#object");
		resource.put("name", name);
		resource.put("size", Integer.toString(stored.content().length));
		resource.put("contentType", stored.contentType());
		resource.put("generation", Long.toString(stored.generation()));
		resource.put("updated", stored.updated().toString());
		resource.put("etag", "C" + Long.toHexString(stored.generation()));
		if (bucket != null) {
			resource.put("bucket", bucket);
		}
		if (!stored.metadata().isEmpty()) {
			resource.put("metadata", new LinkedHashMap<>(stored.metadata()));
		}
		return resource;
	}

	private static List<byte[]> parts(byte[] body, String boundary) {
		String text = new String(body, StandardCharsets.ISO_8859_1);
		List<byte[]> parts = new ArrayList<>();
		for (String part : text.split("--" + java.util.regex.Pattern.quote(boundary))) {
			int headersEnd = part.indexOf("\r\n\r\n");
			if (headersEnd < 0 || part.startsWith("--")) {
				continue;
			}
			String content = part.substring(headersEnd + 4);
			if (content.endsWith("\r\n")) {
				content = content.substring(0, content.length() - 2);
			}
			parts.add(content.getBytes(StandardCharsets.ISO_8859_1));
		}
		return parts;
	}

	private static void json(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
		byte[] bytes = MiniJson.write(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private void error(HttpExchange exchange, int status, String message) {
		try {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("code", status);
			error.put("message", message);
			json(exchange, status, Map.of("error", error));
		}
		catch (IOException ignored) {
			// the client went away
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
			}
		}
		return query;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}
}
