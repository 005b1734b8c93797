package dev.polyfn.storage.gcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectKeys;
import dev.polyfn.core.storage.ObjectListing;
import dev.polyfn.core.storage.ObjectMetadata;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectSummary;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.PutResult;
import dev.polyfn.core.storage.StorageException;
import dev.polyfn.google.auth.AccessTokens;

/**
 * One bucket through the Cloud Storage JSON API (https://cloud.google.com/storage/docs/json_api/v1/objects, read
 * 2026-12-04). polyfn's etag for an object here is its generation, quoted: it changes exactly when the content does,
 * and it is what the JSON API's preconditions compare ({@code ifGenerationMatch}), which its {@code etag} is not.
 * An upload is one multipart request: a function's objects are read into memory on the way, up to
 * {@link #MAX_UPLOAD_BYTES}.
 */
final class GcsObjectStorage implements ObjectStorage {

	static final int MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;
	private final String base;
	private final AccessTokens tokens;
	private final String bucket;
	private final String label;

	GcsObjectStorage(HttpClient http, String base, AccessTokens tokens, String bucket, String label) {
		this.http = http;
		this.base = base;
		this.tokens = tokens;
		this.bucket = bucket;
		this.label = label;
	}

	@Override
	public String bucket() {
		return bucket;
	}

	@Override
	public ObjectContent get(String key) {
		ObjectMetadata metadata = head(key);
		HttpResponse<InputStream> response = send(request(objectUri(key) + "?alt=media&ifGenerationMatch=" + generation(metadata))
			.GET(), HttpResponse.BodyHandlers.ofInputStream(), key, "read");
		return new ObjectContent(label, key, metadata, response.body());
	}

	@Override
	public ObjectMetadata head(String key) {
		ObjectKeys.requireSafe(key);
		return metadata(json(send(request(objectUri(key)).GET(), HttpResponse.BodyHandlers.ofByteArray(), key, "read")));
	}

	@Override
	public PutResult put(String key, InputStream content, long length, PutOptions options) {
		ObjectKeys.requireSafe(key);
		byte[] bytes = read(key, content, length);
		String boundary = "polyfn-" + UUID.randomUUID();
		ObjectNode resource = JsonEvents.object().put("name", key).put("contentType", options.contentType());
		if (!options.userMetadata().isEmpty()) {
			ObjectNode metadata = resource.putObject("metadata");
			options.userMetadata().forEach(metadata::put);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 512);
		body.writeBytes(("--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n" + resource + "\r\n--"
				+ boundary + "\r\nContent-Type: " + options.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--").getBytes(StandardCharsets.UTF_8));
		String uri = base + "/upload/storage/v1/b/" + segment(bucket) + "/o?uploadType=multipart" + condition(options);
		HttpResponse<byte[]> response = send(request(uri).header("Content-Type", "multipart/related; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofByteArray(), key, "write");
		return new PutResult(key, bytes.length, etag(json(response)));
	}

	@Override
	public void delete(String key) {
		ObjectKeys.requireSafe(key);
		try {
			send(request(objectUri(key)).DELETE(), HttpResponse.BodyHandlers.discarding(), key, "delete");
		}
		catch (StorageException.NotFound alreadyGone) {
			// Removing an object that is not there is no failure, as on every cloud.
		}
	}

	@Override
	public ObjectListing list(String prefix, int pageSize, String continuationToken) {
		String checked = ObjectKeys.requireSafePrefix(prefix);
		ObjectListing.checkedPageSize(pageSize);
		String uri = base + "/storage/v1/b/" + segment(bucket) + "/o?maxResults=" + pageSize
				+ (checked.isEmpty() ? "" : "&prefix=" + segment(checked))
				+ (continuationToken == null ? "" : "&pageToken=" + segment(continuationToken));
		JsonNode page = json(send(request(uri).GET(), HttpResponse.BodyHandlers.ofByteArray(), null, "list '" + checked + "'"));
		List<ObjectSummary> objects = new ArrayList<>();
		JsonNode items = page.get("items");
		if (items != null) {
			for (JsonNode item : items) {
				ObjectMetadata metadata = metadata(item);
				objects.add(new ObjectSummary(JsonEvents.text(item, "name"), metadata.size(), metadata.etag(), metadata.lastModified()));
			}
		}
		String next = JsonEvents.text(page, "nextPageToken");
		return new ObjectListing(objects, next == null || next.isEmpty() ? null : next);
	}

	@Override
	public PutResult copy(String sourceKey, String targetKey) {
		ObjectKeys.requireSafe(sourceKey);
		ObjectKeys.requireSafe(targetKey);
		String uri = objectUri(sourceKey) + "/rewriteTo/b/" + segment(bucket) + "/o/" + segment(targetKey);
		String token = null;
		while (true) {
			JsonNode answer = json(send(request(uri + (token == null ? "" : "?rewriteToken=" + segment(token)))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")),
					HttpResponse.BodyHandlers.ofByteArray(), sourceKey, "copy"));
			JsonNode done = answer.get("done");
			if (done == null || done.asBoolean()) {
				JsonNode resource = answer.get("resource");
				ObjectMetadata metadata = metadata(resource == null ? answer : resource);
				return new PutResult(targetKey, metadata.size(), metadata.etag());
			}
			token = JsonEvents.text(answer, "rewriteToken");
		}
	}

	private byte[] read(String key, InputStream content, long length) {
		try {
			byte[] bytes = content.readNBytes(MAX_UPLOAD_BYTES + 1);
			if (bytes.length > MAX_UPLOAD_BYTES) {
				throw new StorageException.TooLarge(bytes.length, MAX_UPLOAD_BYTES);
			}
			if (length != UNKNOWN_LENGTH && bytes.length != length) {
				throw new StorageException.Failed(label, "write '" + key + "': the stream had " + bytes.length + " bytes, not the "
						+ length + " declared", null);
			}
			return bytes;
		}
		catch (IOException failed) {
			throw GcsFailures.unreachable(label, key, "write", failed);
		}
	}

	private static String condition(PutOptions options) {
		return switch (options.condition()) {
			case IF_NONE_MATCH -> "&ifGenerationMatch=0";
			case IF_MATCH -> "&ifGenerationMatch=" + segment(options.expectedEtag().replace("\"", ""));
			case NONE -> "";
		};
	}

	private HttpRequest.Builder request(String uri) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT);
		try {
			AccessTokens.authorize(tokens, builder);
		}
		catch (IOException failed) {
			throw new StorageException.Failed(label, "get an access token: " + failed.getMessage(), failed);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StorageException.Failed(label, "get an access token", e);
		}
		return builder;
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, String key, String what) {
		HttpResponse<T> response;
		try {
			response = http.send(request.build(), body);
		}
		catch (IOException failed) {
			throw GcsFailures.unreachable(label, key, what, failed);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw GcsFailures.unreachable(label, key, what, e);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return response;
		}
		if (response.body() instanceof InputStream stream) {
			try (stream) {
				stream.transferTo(java.io.OutputStream.nullOutputStream());
			}
			catch (IOException ignored) {
				// the status says it all
			}
		}
		// "The specified bucket does not exist.": a deployment fault, never the caller's missing object
		boolean bucketMissing = status == 404 && response.body() instanceof byte[] bytes
				&& new String(bytes, StandardCharsets.UTF_8).contains("bucket does not exist");
		if (bucketMissing) {
			throw new StorageException.Failed(label, what + ": its bucket does not exist", null);
		}
		throw GcsFailures.translate(label, key, what, status, reason(response));
	}

	private static String reason(HttpResponse<?> response) {
		if (response.body() instanceof byte[] bytes && bytes.length > 0) {
			try {
				JsonNode error = JsonEvents.parse(bytes).get("error");
				JsonNode errors = error == null ? null : error.get("errors");
				return errors != null && errors.size() > 0 ? JsonEvents.text(errors.get(0), "reason") : null;
			}
			catch (RuntimeException notJson) {
				return null;
			}
		}
		return null;
	}

	private static JsonNode json(HttpResponse<byte[]> response) {
		return JsonEvents.parse(response.body());
	}

	private static ObjectMetadata metadata(JsonNode object) {
		String size = JsonEvents.text(object, "size");
		String updated = JsonEvents.text(object, "updated");
		Map<String, String> user = new LinkedHashMap<>();
		JsonNode metadata = object.get("metadata");
		if (metadata != null && metadata.isObject()) {
			metadata.properties().forEach(entry -> user.put(entry.getKey(), entry.getValue().asString()));
		}
		return new ObjectMetadata(size == null ? 0 : Long.parseLong(size), JsonEvents.text(object, "contentType"), etag(object),
				updated == null ? null : Instant.parse(updated), user);
	}

	private static String etag(JsonNode object) {
		String generation = JsonEvents.text(object, "generation");
		return generation == null ? null : "\"" + generation + "\"";
	}

	private static String generation(ObjectMetadata metadata) {
		return metadata.etag().replace("\"", "");
	}

	private String objectUri(String key) {
		return base + "/storage/v1/b/" + segment(bucket) + "/o/" + segment(key);
	}

	/** A path segment or query value: every byte but RFC 3986's unreserved characters percent-encoded, so '/' is %2F. */
	static String segment(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return encoded.toString();
	}
}
