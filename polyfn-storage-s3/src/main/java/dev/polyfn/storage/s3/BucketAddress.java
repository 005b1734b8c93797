package dev.polyfn.storage.s3;

import java.net.URI;

import dev.polyfn.aws.client.SigV4;

/**
 * Where one bucket's requests go: virtual-hosted ({@code https://<bucket>.<endpoint host>/<key>}, what S3, OSS and COS
 * serve every bucket at) or path style ({@code http://<endpoint host>/<bucket>/<key>}, for local servers). Path style
 * is taken when the settings ask for it and, as the AWS SDKs' S3 endpoint rules do, when the bucket cannot be a host
 * name: an endpoint that is an IP address, or a bucket name that is no DNS label (upper case, '_'), or one with dots
 * over HTTPS, which the wildcard certificate {@code *.s3.<region>.amazonaws.com} does not cover ("Virtual hosting of
 * general purpose buckets", https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html, read
 * 2026-12-07).
 */
record BucketAddress(String scheme, String authority, String basePath, boolean pathStyle) {

	static BucketAddress of(URI endpoint, String bucket, boolean pathStyleSetting) {
		String base = endpoint.getRawPath() == null || endpoint.getRawPath().equals("/") ? "" : endpoint.getRawPath();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		boolean https = "https".equalsIgnoreCase(endpoint.getScheme());
		boolean pathStyle = pathStyleSetting || isIpAddress(endpoint.getHost()) || !isHostLabel(bucket, !https);
		String authority = endpoint.getRawAuthority();
		if (pathStyle) {
			return new BucketAddress(endpoint.getScheme(), authority, base + "/" + SigV4.uriEncode(bucket, true), true);
		}
		return new BucketAddress(endpoint.getScheme(), bucket + "." + authority, base, false);
	}

	/** The object's URI; {@code query} already encoded, or null. */
	URI object(String key, String query) {
		return uri(basePath + "/" + SigV4.uriEncode(key, false), query);
	}

	/** The bucket's own URI (a listing, a bucket-level call). */
	URI bucket(String query) {
		return uri(basePath + "/", query);
	}

	private URI uri(String path, String query) {
		return URI.create(scheme + "://" + authority + path + (query == null ? "" : "?" + query));
	}

	/**
	 * Whether the bucket name can be the first label(s) of a host name: 3 to 63 lower-case letters, digits and '-'
	 * (and '.' between labels where allowed), starting and ending with a letter or digit, not shaped like an IP address.
	 */
	static boolean isHostLabel(String bucket, boolean dotsAllowed) {
		if (bucket.length() < 3 || bucket.length() > 63 || isIpAddress(bucket)) {
			return false;
		}
		char previous = '.';
		for (int i = 0; i < bucket.length(); i++) {
			char c = bucket.charAt(i);
			boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
			if (c == '.') {
				if (!dotsAllowed || previous == '.' || previous == '-') {
					return false;
				}
			}
			else if (c == '-') {
				if (previous == '.') {
					return false;
				}
			}
			else if (!alphanumeric) {
				return false;
			}
			previous = c;
		}
		return previous != '.' && previous != '-';
	}

	/** An IPv4 literal or a bracketed IPv6 one: no certificate or DNS name to put a bucket in front of. */
	static boolean isIpAddress(String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		if (host.charAt(0) == '[' || host.indexOf(':') >= 0) {
			return true;
		}
		int dots = 0;
		int digits = 0;
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (c == '.') {
				if (digits == 0) {
					return false;
				}
				dots++;
				digits = 0;
			}
			else if (c >= '0' && c <= '9' && digits < 3) {
				digits++;
			}
			else {
				return false;
			}
		}
		return dots == 3 && digits > 0;
	}
}
