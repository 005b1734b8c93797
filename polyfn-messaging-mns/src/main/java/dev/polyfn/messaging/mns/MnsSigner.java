package dev.polyfn.messaging.mns;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MNS's request signature, as "Sign requests" describes it
 * (https://www.alibabacloud.com/help/en/mns/sign-requests and https://help.aliyun.com/document_detail/27487.htm, read
 * 2026-12-06): {@code Authorization: MNS AccessKeyId:Signature}, where Signature is
 * {@code base64(hmac-sha1(secret, VERB + "\n" + Content-MD5 + "\n" + Content-Type + "\n" + Date + "\n" +
 * CanonicalizedMNSHeaders + CanonicalizedResource))}; the canonicalized headers are the {@code x-mns-} headers, names in
 * lower case, sorted, each {@code name:value\n}; the resource is the request's path with its query. Content-MD5 and
 * Content-Type are empty strings when the request has none. Public because the loopback test server checks requests
 * with the same rules.
 */
public final class MnsSigner {

	/** The API version every request names ("Common parameters", https://alibabacloud.com/help/en/mns/common-parameters, read 2026-12-06). */
	public static final String VERSION = "2015-06-06";

	private MnsSigner() {
	}

	/** The string the signature is computed over. */
	public static String stringToSign(String verb, String contentMd5, String contentType, String date,
			Map<String, String> headers, String resource) {
		StringBuilder text = new StringBuilder().append(verb.toUpperCase(Locale.ROOT)).append('\n')
			.append(contentMd5 == null ? "" : contentMd5).append('\n')
			.append(contentType == null ? "" : contentType).append('\n')
			.append(date).append('\n');
		Map<String, String> mns = new TreeMap<>();
		headers.forEach((name, value) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("x-mns-")) {
				mns.put(lower, value.trim());
			}
		});
		mns.forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
		return text.append(resource).toString();
	}

	/** {@code base64(hmac-sha1(secret, stringToSign))}. */
	public static String signature(String secret, String stringToSign) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HmacSHA1 is part of every JDK", impossible);
		}
	}

	/** The Authorization header's value. */
	public static String authorization(String accessKeyId, String signature) {
		return "MNS " + accessKeyId + ":" + signature;
	}
}
