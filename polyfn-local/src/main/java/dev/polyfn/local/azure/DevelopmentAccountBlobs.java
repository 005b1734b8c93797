package dev.polyfn.local.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Creates containers and puts block blobs in Azurite's development account over the Blob REST API, signed with
 * Shared Key as "Authorize with Shared Key" describes it (https://learn.microsoft.com/rest/api/storageservices/
 * authorize-with-shared-key, read 2026-12-08): the string to sign is the verb, eleven standard headers, the
 * {@code x-ms-} headers sorted and the canonicalized resource ({@code /<account><path>}, for Azurite's path-style
 * URLs the account twice), HMAC-SHA256 with the account key. For what seeds a bucket without the Azure SDK on the
 * class path: the benchmarks; the tests read back with the SDK.
 */
public final class DevelopmentAccountBlobs {

	static final String VERSION = "2021-12-02";

	private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

	private final String endpoint;

	/** {@code endpoint}: the blob service's URL for the account, {@code http://127.0.0.1:<port>/devstoreaccount1}. */
	public DevelopmentAccountBlobs(String endpoint) {
		this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
	}

	/** Creates the container; one that exists already (409) is fine. */
	public void createContainer(String container) throws IOException {
		int status = send("PUT", "/" + container, "?restype=container", Map.of("restype", "container"), new byte[0], null, Map.of());
		if (status != 201 && status != 409) {
			throw new IOException("Create Container " + container + " answered " + status);
		}
	}

	/** Puts a block blob in one request (Put Blob). */
	public void putBlob(String container, String name, byte[] content, String contentType) throws IOException {
		int status = send("PUT", "/" + container + "/" + name, "", Map.of(), content, contentType,
				Map.of("x-ms-blob-type", "BlockBlob"));
		if (status != 201) {
			throw new IOException("Put Blob " + container + "/" + name + " answered " + status);
		}
	}

	private int send(String verb, String path, String query, Map<String, String> parameters, byte[] content,
			String contentType, Map<String, String> extraHeaders) throws IOException {
		Map<String, String> msHeaders = new TreeMap<>(extraHeaders);
		msHeaders.put("x-ms-date", RFC_1123.format(ZonedDateTime.now(ZoneOffset.UTC)));
		msHeaders.put("x-ms-version", VERSION);
		URL url = new URL(endpoint + path + query);
		String signature = sign(stringToSign(verb, content.length, contentType, msHeaders, url.getPath(), parameters));
		HttpURLConnection connection = (HttpURLConnection) url.openConnection();
		try {
			connection.setRequestMethod(verb);
			msHeaders.forEach(connection::setRequestProperty);
			if (contentType != null) {
				connection.setRequestProperty("Content-Type", contentType);
			}
			connection.setRequestProperty("Authorization", "SharedKey " + AzuriteServer.ACCOUNT + ":" + signature);
			connection.setDoOutput(true);
			connection.setFixedLengthStreamingMode(content.length);
			try (OutputStream out = connection.getOutputStream()) {
				out.write(content);
			}
			int status = connection.getResponseCode();
			try (InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
				if (answer != null) {
					answer.readAllBytes();
				}
			}
			return status;
		}
		finally {
			connection.disconnect();
		}
	}

	static String stringToSign(String verb, long length, String contentType, Map<String, String> msHeaders, String path,
			Map<String, String> parameters) {
		StringBuilder text = new StringBuilder(verb).append('\n');
		text.append('\n'); // Content-Encoding
		text.append('\n'); // Content-Language
		text.append(length == 0 ? "" : Long.toString(length)).append('\n'); // Content-Length, empty when zero
		text.append('\n'); // Content-MD5
		text.append(contentType == null ? "" : contentType).append('\n');
		text.append('\n'); // Date: x-ms-date is sent instead
		text.append("\n\n\n\n\n"); // If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range
		new TreeMap<>(msHeaders).forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
		text.append('/').append(AzuriteServer.ACCOUNT).append(path);
		new TreeMap<>(parameters).forEach((name, value) -> text.append('\n').append(name).append(':').append(value));
		return text.toString();
	}

	private static String sign(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(AzuriteServer.KEY), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
