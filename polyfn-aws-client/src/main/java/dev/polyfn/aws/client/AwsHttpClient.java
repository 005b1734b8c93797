package dev.polyfn.aws.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Signs and sends requests to one AWS service in one region. Over the JDK's {@link HttpURLConnection}: a function
 * makes a few calls per invocation, and it loads the fewest classes at a cold start and starts no threads (the JDK's
 * HttpClient starts a selector thread and loads several hundred classes more). Redirects are not followed: S3
 * answers a wrong region with one, and the caller should see it.
 * <p>
 * Retries as the SDKs' {@code standard} mode ("Retry behavior",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html, read 2026-12-07): at most
 * {@code AWS_MAX_ATTEMPTS} attempts (default 3) on connection failures, HTTP 500, 502, 503, 504 and 429, and on what
 * the caller's predicate names (its protocol's throttling codes); waits a random time up to 100 ms × 2^attempt
 * (500 ms × 2^attempt after throttling), at most 20 s. A stream body is never sent twice.
 */
public final class AwsHttpClient {

	static final int DEFAULT_MAX_ATTEMPTS = 3;
	private static final long BASE_DELAY_MILLIS = 100;
	private static final long THROTTLED_BASE_DELAY_MILLIS = 500;
	private static final long MAX_BACKOFF_MILLIS = 20_000;
	private static final byte[] EMPTY = new byte[0];
	private static final String EMPTY_SHA256 = SigV4.sha256Hex(EMPTY);

	private final SigV4 signer;
	private final AwsCredentialsSource credentials;
	private final int connectTimeoutMillis;
	private final int readTimeoutMillis;
	private final int maxAttempts;
	private final Backoff backoff;

	/** How long to wait before the next attempt; a field so that tests need not sleep. */
	@FunctionalInterface
	interface Backoff {
		void await(long millis) throws InterruptedException;
	}

	/**
	 * @param service the SigV4 signing name ({@code s3}, {@code sqs}, {@code sns})
	 * @param s3 S3's signing rules (see {@link SigV4})
	 */
	public AwsHttpClient(String service, String region, AwsCredentialsSource credentials, boolean s3, Duration connectTimeout,
			Duration readTimeout) {
		this(new SigV4(service, region, s3), credentials, connectTimeout, readTimeout, maxAttempts(System.getenv("AWS_MAX_ATTEMPTS")),
				Thread::sleep);
	}

	AwsHttpClient(SigV4 signer, AwsCredentialsSource credentials, Duration connectTimeout, Duration readTimeout, int maxAttempts,
			Backoff backoff) {
		this.signer = signer;
		this.credentials = credentials;
		this.connectTimeoutMillis = (int) connectTimeout.toMillis();
		this.readTimeoutMillis = (int) readTimeout.toMillis();
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
	}

	static int maxAttempts(String configured) {
		try {
			return configured == null || configured.isBlank() ? DEFAULT_MAX_ATTEMPTS : Math.max(1, Integer.parseInt(configured.trim()));
		}
		catch (NumberFormatException notANumber) {
			return DEFAULT_MAX_ATTEMPTS;
		}
	}

	public AwsHttpResponse send(AwsHttpRequest request) {
		return send(request, response -> false);
	}

	/** @param retryable whether an error answer is also worth another attempt (e.g. a 400 naming a throttling code) */
	public AwsHttpResponse send(AwsHttpRequest request, Predicate<AwsHttpResponse> retryable) {
		int attempts = request.repeatable() ? maxAttempts : 1;
		for (int attempt = 1;; attempt++) {
			AwsHttpResponse response;
			try {
				response = sendOnce(request);
			}
			catch (IOException failed) {
				if (attempt >= attempts) {
					throw new AwsClientException(request.method() + " " + request.uri().getHost() + " failed after " + attempt
							+ (attempt == 1 ? " attempt: " : " attempts: ") + failed, failed);
				}
				pause(BASE_DELAY_MILLIS, attempt);
				continue;
			}
			int status = response.status();
			boolean throttled = status == 429 || status == 503 || (status >= 400 && retryable.test(response));
			boolean transientFailure = status == 500 || status == 502 || status == 504;
			if (attempt >= attempts || !(throttled || transientFailure)) {
				return response;
			}
			response.close();
			pause(throttled ? THROTTLED_BASE_DELAY_MILLIS : BASE_DELAY_MILLIS, attempt);
		}
	}

	private AwsHttpResponse sendOnce(AwsHttpRequest request) throws IOException {
		byte[] bytes = request.bytes();
		boolean output = bytes != null || request.stream() != null || "PUT".equals(request.method()) || "POST".equals(request.method());
		String payloadHash = request.stream() != null ? SigV4.UNSIGNED_PAYLOAD : bytes == null ? EMPTY_SHA256 : SigV4.sha256Hex(bytes);
		Map<String, List<String>> headers = request.headers();
		if (output && !request.hasHeader("Content-Type")) {
			// HttpURLConnection would send application/x-www-form-urlencoded, unsigned, and S3 would keep it as the
			// object's content type.
			headers = new java.util.LinkedHashMap<>(headers);
			headers.put("Content-Type", List.of("application/octet-stream"));
		}
		Map<String, String> signature = signer.sign(request.method(), request.uri(), headers, payloadHash, credentials.credentials(),
				Instant.now());
		HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
		connection.setRequestMethod(request.method());
		connection.setInstanceFollowRedirects(false);
		connection.setUseCaches(false);
		connection.setConnectTimeout(connectTimeoutMillis);
		connection.setReadTimeout(readTimeoutMillis);
		headers.forEach((name, values) -> values.forEach(value -> connection.addRequestProperty(name, value)));
		signature.forEach(connection::setRequestProperty);
		if (output) {
			connection.setDoOutput(true);
			long length = request.stream() != null ? request.streamLength() : bytes == null ? 0 : bytes.length;
			connection.setFixedLengthStreamingMode(length);
			try (OutputStream out = connection.getOutputStream()) {
				if (request.stream() != null) {
					request.stream().transferTo(out);
				}
				else if (bytes != null) {
					out.write(bytes);
				}
			}
		}
		return AwsHttpResponse.of(connection);
	}

	/** Full jitter: a random wait up to the attempt's exponential bound. */
	private void pause(long base, int attempt) {
		long bound = Math.min(MAX_BACKOFF_MILLIS, base << Math.min(attempt, 20));
		try {
			backoff.await(java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new AwsClientException("Interrupted while waiting to retry", interrupted);
		}
	}
}
