package dev.polyfn.messaging.mns;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.w3c.dom.Element;

/**
 * Signed calls to the MNS REST API on the JDK's HttpClient (aliyun-sdk-mns would bring an Apache async HTTP client
 * for a function's few calls). Every request carries the common headers of "Common parameters"
 * (https://alibabacloud.com/help/en/mns/common-parameters, read 2026-12-06): {@code Date} in GMT (MNS refuses one more
 * than 15 minutes off), {@code Content-Type: text/xml;charset=utf-8}, {@code x-mns-version: 2015-06-06} and the
 * {@code Authorization} of {@link MnsSigner}. Public for the loopback test server's reader.
 */
public final class MnsClient {

	/** A publish on a quiet connection fails after this long rather than hold the invocation. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final String CONTENT_TYPE = "text/xml;charset=utf-8";

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

	/** What MNS answered: the status and the body's root element (null when there was no XML). */
	public record Answer(int status, Element root) {

		public boolean ok() {
			return status / 100 == 2;
		}
	}

	private final URI endpoint;
	private final Supplier<MnsCredentials> credentials;
	private final HttpClient http;

	MnsClient(URI endpoint, Supplier<MnsCredentials> credentials) {
		this.endpoint = endpoint;
		this.credentials = credentials;
		this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
	}

	/** A client signing with a fixed key, for tools and tests. */
	public static MnsClient withKey(String endpoint, String accessKeyId, String accessKeySecret, String securityToken) {
		MnsCredentials key = new MnsCredentials(accessKeyId, accessKeySecret, securityToken);
		return new MnsClient(URI.create(endpoint), () -> key);
	}

	public URI endpoint() {
		return endpoint;
	}

	/** One signed request; {@code resource} is the path with its query, e.g. {@code /queues/q/messages}. */
	public Answer send(String method, String resource, String xml) throws IOException, InterruptedException {
		MnsCredentials key = credentials.get();
		byte[] body = xml == null ? new byte[0] : (MnsXml.PROLOG + xml).getBytes(StandardCharsets.UTF_8);
		String date = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
		Map<String, String> mnsHeaders = new LinkedHashMap<>();
		mnsHeaders.put("x-mns-version", MnsSigner.VERSION);
		String contentType = xml == null ? "" : CONTENT_TYPE;
		String signature = MnsSigner.signature(key.accessKeySecret(),
				MnsSigner.stringToSign(method, "", contentType, date, mnsHeaders, resource));
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(resource)).timeout(REQUEST_TIMEOUT)
			.header("Date", date)
			.header("x-mns-version", MnsSigner.VERSION)
			.header("Authorization", MnsSigner.authorization(key.accessKeyId(), signature))
			.method(method, xml == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (xml != null) {
			request.header("Content-Type", contentType);
		}
		if (key.securityToken() != null) {
			request.header("security-token", key.securityToken());
		}
		HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Answer(response.statusCode(), MnsXml.root(response.body()));
	}
}
