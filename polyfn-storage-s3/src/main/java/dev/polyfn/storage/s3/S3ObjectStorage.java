package dev.polyfn.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.polyfn.aws.client.AwsClientException;
import dev.polyfn.aws.client.AwsHttpRequest;
import dev.polyfn.aws.client.AwsHttpResponse;
import dev.polyfn.aws.client.AwsServiceError;
import dev.polyfn.aws.client.SigV4;
import dev.polyfn.aws.client.XmlElement;
import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectKeys;
import dev.polyfn.core.storage.ObjectListing;
import dev.polyfn.core.storage.ObjectMetadata;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectSummary;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.PutResult;
import dev.polyfn.core.storage.StorageException;

/**
 * One bucket of S3 (or of an S3-compatible server) as an {@link ObjectStorage}, through S3's REST API (Amazon S3 API
 * Reference, https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html, read
 * 2026-12-07). Conditional writes are S3's own {@code If-None-Match: *} and {@code If-Match} on PutObject and
 * CompleteMultipartUpload (Amazon S3 User Guide, "Add preconditions to S3 operations with conditional requests", read
 * 2026-12-03), so they hold against every other writer, not only this process.
 *
 * <p>Every body is sent as bytes, hashed into the signature ({@code x-amz-content-sha256}): an upload is read a part
 * at a time anyway, a retry can send it again, and OSS refuses {@code UNSIGNED-PAYLOAD} on PUT and POST (see
 * {@link S3Service}). No CRC checksum headers and no {@code aws-chunked} encoding are ever sent.
 */
final class S3ObjectStorage implements ObjectStorage {

	/** S3's smallest part but the last is 5 MiB; 8 MiB keeps a 128 MB Lambda comfortable and a 1 GB upload at 128 parts. */
	static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

	static final int MIN_PART_SIZE = 5 * 1024 * 1024;

	private static final String META = "x-amz-meta-";

	private final S3Http s3;
	private final BucketAddress address;
	private final String bucket;
	private final String label;
	private final int partSize;

	S3ObjectStorage(S3Http s3, String bucket, String label, int partSize) {
		if (partSize < MIN_PART_SIZE) {
			throw new IllegalArgumentException("S3 parts are at least " + MIN_PART_SIZE + " bytes, not " + partSize);
		}
		this.s3 = s3;
		this.address = s3.address(bucket);
		this.bucket = bucket;
		this.label = label;
		this.partSize = partSize;
	}

	@Override
	public String bucket() {
		return bucket;
	}

	@Override
	public ObjectContent get(String key) {
		ObjectKeys.requireSafe(key);
		AwsHttpResponse response = call(request("GET", address.object(key, null)), key, "read");
		try {
			return new ObjectContent(label, key, metadata(response), new ClosingStream(response));
		}
		catch (RuntimeException unreadableHeaders) {
			response.close();
			throw unreadableHeaders;
		}
	}

	@Override
	public ObjectMetadata head(String key) {
		ObjectKeys.requireSafe(key);
		try (AwsHttpResponse response = call(request("HEAD", address.object(key, null)), key, "read")) {
			return metadata(response);
		}
	}

	@Override
	public PutResult put(String key, InputStream content, long length, PutOptions options) {
		ObjectKeys.requireSafe(key);
		Parts parts = new Parts(content, partSize, length);
		byte[] first;
		try {
			first = parts.next();
			if (parts.ended()) {
				return putWhole(key, first, options);
			}
		}
		catch (IOException failed) {
			throw new StorageException.Failed(label, "write '" + key + "': " + failed.getMessage(), failed);
		}
		return putInParts(key, first, parts, options);
	}

	private PutResult putWhole(String key, byte[] content, PutOptions options) {
		AwsHttpRequest.Builder put = described(request("PUT", address.object(key, null)), options);
		condition(put, options);
		try (AwsHttpResponse response = s3.call(put.body(content).build())) {
			return new PutResult(key, content.length, response.header("ETag").orElse(null));
		}
		catch (AwsServiceError | AwsClientException failed) {
			StorageException translated = S3Failures.translate(label, key, "write", failed);
			if (translated instanceof StorageException.PreconditionFailed && failed instanceof AwsServiceError answer
					&& answer.attempts() > 1) {
				// An earlier attempt may have written the object and lost its answer: then the condition fails on
				// our own write. The object holding exactly our bytes (S3's etag of a single-part upload is their
				// MD5) says so.
				String ours = md5Etag(content);
				if (ours.equals(head(key).etag())) {
					return new PutResult(key, content.length, ours);
				}
			}
			throw translated;
		}
	}

	private static String md5Etag(byte[] content) {
		try {
			return "\"" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(content)) + "\"";
		}
		catch (java.security.NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/**
	 * A multipart upload (CreateMultipartUpload, UploadPart, CompleteMultipartUpload), aborted on any failure so that
	 * no parts are left to be billed.
	 */
	private PutResult putInParts(String key, byte[] first, Parts parts, PutOptions options) {
		String uploadId;
		try (AwsHttpResponse created = s3.call(described(request("POST", address.object(key, "uploads")), options)
			.body(new byte[0]).build())) {
			uploadId = S3Http.document(created).childText("UploadId");
		}
		catch (AwsServiceError | AwsClientException failed) {
			throw S3Failures.translate(label, key, "write", failed);
		}
		String upload = "uploadId=" + SigV4.uriEncode(uploadId, true);
		try {
			List<String> etags = new ArrayList<>();
			byte[] part = first;
			while (true) {
				int number = etags.size() + 1;
				try (AwsHttpResponse uploaded = s3.call(request("PUT", address.object(key, "partNumber=" + number + "&" + upload))
					.body(part).build())) {
					etags.add(uploaded.header("ETag").orElse(null));
				}
				if (parts.ended()) {
					break;
				}
				part = parts.next();
			}
			AwsHttpRequest.Builder complete = request("POST", address.object(key, upload)).header("Content-Type", "application/xml");
			condition(complete, options);
			XmlElement answer = s3.callForDocument(complete.body(S3Xml.completeMultipartUpload(etags).getBytes(StandardCharsets.UTF_8)).build());
			return new PutResult(key, parts.bytesRead(), answer.childText("ETag"));
		}
		catch (IOException failed) {
			abort(key, upload);
			throw new StorageException.Failed(label, "write '" + key + "': " + failed.getMessage(), failed);
		}
		catch (AwsServiceError | AwsClientException failed) {
			abort(key, upload);
			throw S3Failures.translate(label, key, "write", failed);
		}
	}

	private void abort(String key, String upload) {
		try {
			s3.call(request("DELETE", address.object(key, upload)).build()).close();
		}
		catch (AwsServiceError | AwsClientException ignored) {
			// The bucket's lifecycle rule for incomplete uploads is the backstop (see README.md).
		}
	}

	@Override
	public void delete(String key) {
		ObjectKeys.requireSafe(key);
		try {
			call(request("DELETE", address.object(key, null)), key, "delete").close();
		}
		catch (StorageException.NotFound alreadyGone) {
			// S3 answers 204 for a key that is not there; an S3-compatible server that answers 404 means the same.
		}
	}

	@Override
	public ObjectListing list(String prefix, int pageSize, String continuationToken) {
		String checkedPrefix = ObjectKeys.requireSafePrefix(prefix);
		ObjectListing.checkedPageSize(pageSize);
		// ListObjectsV2 (S3 API Reference, read 2026-12-07); the listing's XML is read as text, keys in UTF-8.
		String query = "list-type=2&max-keys=" + pageSize + (checkedPrefix.isEmpty() ? "" : "&prefix=" + SigV4.uriEncode(checkedPrefix, true))
				+ (continuationToken == null ? "" : "&continuation-token=" + SigV4.uriEncode(continuationToken, true));
		XmlElement page;
		try (AwsHttpResponse response = call(request("GET", address.bucket(query)), checkedPrefix, "list")) {
			page = S3Http.document(response);
		}
		List<ObjectSummary> objects = new ArrayList<>();
		for (XmlElement object : page.children("Contents")) {
			String size = object.childText("Size");
			String modified = object.childText("LastModified");
			objects.add(new ObjectSummary(object.childText("Key"), size == null ? 0 : Long.parseLong(size.trim()),
					object.childText("ETag"), modified == null ? null : Instant.parse(modified.trim())));
		}
		String isTruncated = page.childText("IsTruncated");
		String next = isTruncated != null && "true".equals(isTruncated.trim()) ? page.childText("NextContinuationToken") : null;
		return new ObjectListing(objects, next == null || next.isEmpty() ? null : next);
	}

	@Override
	public PutResult copy(String sourceKey, String targetKey) {
		ObjectKeys.requireSafe(sourceKey);
		ObjectKeys.requireSafe(targetKey);
		// Measured first, then copied only if unchanged since: the answer's size is the copied object's.
		ObjectMetadata source = head(sourceKey);
		// CopyObject: the source as /bucket/key, URL-encoded; the content type and metadata come along (directive
		// COPY, the default).
		AwsHttpRequest copy = request("PUT", address.object(targetKey, null))
			.header("x-amz-copy-source", "/" + SigV4.uriEncode(bucket, true) + "/" + SigV4.uriEncode(sourceKey, false))
			.header("x-amz-copy-source-if-match", source.etag())
			.body(new byte[0]).build();
		try {
			return new PutResult(targetKey, source.size(), s3.callForDocument(copy).childText("ETag"));
		}
		catch (AwsServiceError | AwsClientException failed) {
			throw S3Failures.translate(label, sourceKey, "copy", failed);
		}
	}

	private AwsHttpResponse call(AwsHttpRequest.Builder request, String key, String what) {
		try {
			return s3.call(request.build());
		}
		catch (AwsServiceError | AwsClientException failed) {
			throw S3Failures.translate(label, key, what, failed);
		}
	}

	private static AwsHttpRequest.Builder request(String method, URI uri) {
		return AwsHttpRequest.builder(method, uri);
	}

	/** The new object's content type and user metadata ({@code x-amz-meta-<key>}). */
	private static AwsHttpRequest.Builder described(AwsHttpRequest.Builder request, PutOptions options) {
		request.header("Content-Type", options.contentType());
		options.userMetadata().forEach((name, value) -> request.header(META + name, value));
		return request;
	}

	private static void condition(AwsHttpRequest.Builder request, PutOptions options) {
		switch (options.condition()) {
			case IF_NONE_MATCH -> request.header("If-None-Match", "*");
			case IF_MATCH -> request.header("If-Match", options.expectedEtag());
			case NONE -> { }
		}
	}

	/** What GetObject and HeadObject answer in their headers. */
	private static ObjectMetadata metadata(AwsHttpResponse response) {
		Map<String, String> user = new LinkedHashMap<>();
		response.headers().forEach((name, values) -> {
			if (name.length() > META.length() && name.regionMatches(true, 0, META, 0, META.length()) && !values.isEmpty()) {
				user.put(name.substring(META.length()).toLowerCase(Locale.ROOT), values.get(0));
			}
		});
		String length = response.header("Content-Length").orElse("0");
		String modified = response.header("Last-Modified").orElse(null);
		return new ObjectMetadata(Long.parseLong(length.trim()), response.header("Content-Type").orElse(null),
				response.header("ETag").orElse(null),
				modified == null ? null : ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), user);
	}

	/** An object's content: closing it gives the connection back. */
	private static final class ClosingStream extends java.io.FilterInputStream {

		private final AwsHttpResponse response;

		ClosingStream(AwsHttpResponse response) {
			super(response.body());
			this.response = response;
		}

		@Override
		public void close() {
			response.close();
		}
	}
}
