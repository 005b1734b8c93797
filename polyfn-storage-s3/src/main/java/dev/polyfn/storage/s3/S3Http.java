package dev.polyfn.storage.s3;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import dev.polyfn.aws.client.AwsClientException;
import dev.polyfn.aws.client.AwsHttpClient;
import dev.polyfn.aws.client.AwsHttpRequest;
import dev.polyfn.aws.client.AwsHttpResponse;
import dev.polyfn.aws.client.AwsServiceError;
import dev.polyfn.aws.client.XmlElement;

/**
 * Signed calls to one S3 endpoint: a success's answer, or S3's error as an {@link AwsServiceError}. The client retries
 * what the AWS SDKs retry (connection failures, 500, 502, 503, 504, 429); S3 adds {@code RequestTimeout} (a 400 for
 * an upload the server stopped waiting for) and its throttling codes ("Error responses",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html, read 2026-12-07).
 */
final class S3Http {

	/** Sends of a request whose 200 answer held a transient error, in all: the SDKs' standard mode's 3 attempts. */
	static final int ATTEMPTS_AFTER_AN_ERROR_INSIDE_200 = 3;

	private final AwsHttpClient client;
	private final URI endpoint;
	private final boolean pathStyle;

	S3Http(AwsHttpClient client, URI endpoint, boolean pathStyle) {
		this.client = client;
		this.endpoint = endpoint;
		this.pathStyle = pathStyle;
	}

	BucketAddress address(String bucket) {
		return BucketAddress.of(endpoint, bucket, pathStyle);
	}

	/** The answer of a 2xx; the caller closes it. Anything else is thrown as S3 answered it. */
	AwsHttpResponse call(AwsHttpRequest request) {
		AwsHttpResponse response = client.send(request, S3Http::worthAnotherAttempt);
		if (response.status() / 100 == 2) {
			return response;
		}
		try (response) {
			throw error(response, errorCode(response));
		}
	}

	/**
	 * The XML answer of CopyObject or CompleteMultipartUpload, which can answer 200 and fail in the body ("CopyObject",
	 * "CompleteMultipartUpload", S3 API Reference, read 2026-12-07): such an error is thrown as S3 answered it, and
	 * sent again first, as the AWS SDKs do, when its code is one worth another attempt (the request is bytes).
	 */
	XmlElement callForDocument(AwsHttpRequest request) {
		for (int attempt = 1;; attempt++) {
			XmlElement document;
			AwsServiceError failed;
			try (AwsHttpResponse response = call(request)) {
				document = document(response);
				failed = "Error".equals(document.name()) ? error(response, document.childText("Code")) : null;
			}
			if (failed == null) {
				return document;
			}
			if (attempt >= ATTEMPTS_AFTER_AN_ERROR_INSIDE_200 || !isTransient(failed.code())) {
				throw failed;
			}
			pause(attempt);
		}
	}

	private static boolean isTransient(String code) {
		return "InternalError".equals(code) || "RequestTimeout".equals(code) || S3Failures.isThrottling(code);
	}

	/** Full jitter up to 100 ms × 2^attempt, as the client waits between its own attempts. */
	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong((100L << attempt) + 1));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new AwsClientException("Interrupted while waiting to retry", interrupted);
		}
	}

	private static AwsServiceError error(AwsHttpResponse response, String code) {
		return new AwsServiceError("S3", response.status(), code, response.header("x-amz-request-id").orElse(null), response.attempts());
	}

	private static boolean worthAnotherAttempt(AwsHttpResponse response) {
		String code = errorCode(response);
		return "RequestTimeout".equals(code) || S3Failures.isThrottling(code);
	}

	/** The {@code <Code>} of an error answer (its body is buffered: reading it here leaves it for the mapping). */
	private static String errorCode(AwsHttpResponse response) {
		return document(response).childText("Code");
	}

	/** An answer's XML document ({@link XmlElement#NONE} for a body that is none: a HEAD's, a gateway's). */
	static XmlElement document(AwsHttpResponse response) {
		XmlElement root = XmlElement.parse(response.bodyBytes());
		return root == null ? XmlElement.NONE : root;
	}
}
