package dev.polyfn.aws.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 in its header form ("Create a signed AWS API request",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html, read 2026-12-07): the
 * canonical request, the string to sign over its SHA-256, and the {@code Authorization} header from a key derived
 * per day, region and service. S3 differs in one rule, taken as a flag: its path is used as sent (every other service
 * encodes each path segment a second time). The payload hash also goes in {@code x-amz-content-sha256}, which S3
 * requires and the other services take (AWS SDK for Java 2.x's signer sends it to every service).
 */
public final class SigV4 {

	/** The payload hash of a body that is not hashed: a stream sent as it is read (S3 accepts it over HTTPS). */
	public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

	static final String ALGORITHM = "AWS4-HMAC-SHA256";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
	private static final HexFormat HEX = HexFormat.of();

	private final String service;
	private final String region;
	private final boolean s3;
	private volatile DerivedKey lastKey;

	/** The signing key of one day, region, service and secret: four HMACs, made once a day rather than per request. */
	private record DerivedKey(String day, String secret, byte[] key) {
	}

	/**
	 * @param service the signing name ({@code s3}, {@code sqs}, {@code sns})
	 * @param s3 S3's rule: the path as sent
	 */
	public SigV4(String service, String region, boolean s3) {
		this.service = service;
		this.region = region;
		this.s3 = s3;
	}

	/**
	 * The headers that sign a request: {@code X-Amz-Date}, {@code X-Amz-Security-Token} for temporary credentials,
	 * {@code x-amz-content-sha256}, and {@code Authorization}. Every header given is signed, with the host
	 * the connection will send.
	 *
	 * @param headers the request's own headers (names in any case)
	 * @param payloadHash the body's {@link #sha256Hex(byte[])}, or {@link #UNSIGNED_PAYLOAD}
	 */
	public Map<String, String> sign(String method, URI uri, Map<String, List<String>> headers, String payloadHash,
			AwsCredentials credentials, Instant now) {
		return sign(method, uri, headers, payloadHash, credentials, now, true);
	}

	/** @param contentHashHeader false only to compare with AWS's test suite, whose requests have no such header */
	Map<String, String> sign(String method, URI uri, Map<String, List<String>> headers, String payloadHash,
			AwsCredentials credentials, Instant now, boolean contentHashHeader) {
		String amzDate = AMZ_DATE.format(now);
		String day = amzDate.substring(0, 8);
		Map<String, String> added = new LinkedHashMap<>();
		added.put("X-Amz-Date", amzDate);
		if (credentials.sessionToken() != null) {
			added.put("X-Amz-Security-Token", credentials.sessionToken());
		}
		if (contentHashHeader) {
			added.put("x-amz-content-sha256", payloadHash);
		}
		TreeMap<String, String> canonicalHeaders = new TreeMap<>();
		canonicalHeaders.put("host", host(uri));
		headers.forEach((name, values) -> canonicalHeaders.merge(name.toLowerCase(Locale.ROOT), canonicalValues(values),
				(a, b) -> a + "," + b));
		added.forEach((name, value) -> canonicalHeaders.put(name.toLowerCase(Locale.ROOT), value.trim()));
		String signedHeaders = String.join(";", canonicalHeaders.keySet());
		StringBuilder canonical = new StringBuilder(256).append(method).append('\n')
				.append(canonicalPath(uri)).append('\n')
				.append(canonicalQuery(uri.getRawQuery())).append('\n');
		canonicalHeaders.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
		canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
		String scope = day + "/" + region + "/" + service + "/aws4_request";
		String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
		String signature = HEX.formatHex(hmac(signingKey(day, credentials.secretAccessKey()), stringToSign));
		added.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
				+ ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
		return added;
	}

	/** The {@code Host} HttpURLConnection sends: the port only when it is not the scheme's default. */
	static String host(URI uri) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443) || ("http".equals(uri.getScheme()) && port == 80);
		return defaultPort ? host : host + ":" + port;
	}

	private String canonicalPath(URI uri) {
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		return s3 ? path : uriEncode(path, false);
	}

	/** Parameters decoded and encoded again the one way SigV4 accepts, sorted by name, then value. */
	static String canonicalQuery(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String[]> pairs = new ArrayList<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			String value = equals < 0 ? "" : pair.substring(equals + 1);
			pairs.add(new String[] { uriEncode(decode(name), true), uriEncode(decode(value), true) });
		}
		// By name, then value; not as "name=value" strings, where "a0=" would sort before "a=".
		pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
		StringBuilder canonical = new StringBuilder();
		for (String[] pair : pairs) {
			canonical.append(canonical.length() == 0 ? "" : "&").append(pair[0]).append('=').append(pair[1]);
		}
		return canonical.toString();
	}

	private static String canonicalValues(List<String> values) {
		List<String> trimmed = new ArrayList<>(values.size());
		for (String value : values) {
			trimmed.add(collapseSpaces(value.trim()));
		}
		return String.join(",", trimmed);
	}

	/** SigV4 wants runs of spaces inside a header value as one. */
	private static String collapseSpaces(String value) {
		if (value.indexOf("  ") < 0) {
			return value;
		}
		StringBuilder collapsed = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != ' ' || collapsed.length() == 0 || collapsed.charAt(collapsed.length() - 1) != ' ') {
				collapsed.append(c);
			}
		}
		return collapsed.toString();
	}

	private byte[] signingKey(String day, String secret) {
		DerivedKey key = lastKey;
		if (key == null || !key.day().equals(day) || !key.secret().equals(secret)) {
			byte[] derived = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
			derived = hmac(derived, region);
			derived = hmac(derived, service);
			derived = hmac(derived, "aws4_request");
			key = new DerivedKey(day, secret, derived);
			lastKey = key;
		}
		return key.key();
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

	public static String sha256Hex(byte[] bytes) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	/**
	 * Percent-encodes everything but RFC 3986's unreserved characters ({@code A-Z a-z 0-9 - . _ ~}), in UTF-8 with
	 * upper-case hex, as SigV4 requires; {@code /} is kept unless {@code encodeSlash} (object keys keep theirs).
	 */
	public static String uriEncode(String value, boolean encodeSlash) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		StringBuilder encoded = new StringBuilder(bytes.length + 16);
		for (byte b : bytes) {
			int c = b & 0xff;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
					|| c == '~' || (c == '/' && !encodeSlash)) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
						.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return encoded.toString();
	}

	private static String decode(String encoded) {
		return encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0 ? encoded
				: java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
	}
}
