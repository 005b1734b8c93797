package dev.polyfn.core.storage;

import java.nio.charset.StandardCharsets;

/**
 * The object keys polyfn sends to any bucket: keys are text an uploader or a caller chose, and the same key must
 * mean the same object on S3, Azure, GCS, OSS, COS and a local folder. So no key that a file system or a proxy
 * reads as something else ({@code ..}, a leading {@code /}, a backslash, NUL or a line break), none that a folder
 * cannot hold beside its siblings (an empty segment, a trailing {@code /}), none past 1024 bytes of UTF-8 (the S3,
 * OSS and COS limit; Azure allows more, GCS the same).
 */
public final class ObjectKeys {

	public static final int MAX_BYTES = 1024;

	private ObjectKeys() {
	}

	/** The key, or {@link StorageException.InvalidKey} naming the rule it breaks (400; the key itself is not echoed). */
	public static String requireSafe(String key) {
		String problem = problemWith(key);
		if (problem != null) {
			throw new StorageException.InvalidKey(problem);
		}
		return key;
	}

	/** A listing prefix: the same rules, except that it may be empty or end with {@code /}. */
	public static String requireSafePrefix(String prefix) {
		if (prefix == null || prefix.isEmpty()) {
			return "";
		}
		String problem = problemWith(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
		if (problem != null) {
			throw new StorageException.InvalidKey("(prefix) " + problem);
		}
		return prefix;
	}

	/** Why the key is refused, or null. */
	public static String problemWith(String key) {
		if (key == null || key.isEmpty()) {
			return "it is empty";
		}
		if (key.length() > MAX_BYTES || key.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "it is longer than " + MAX_BYTES + " bytes (the S3, OSS and COS limit)";
		}
		if (key.startsWith("/")) {
			return "it starts with '/'";
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c == '\\') {
				return "it holds a backslash";
			}
			if (Character.isISOControl(c)) {
				return "it holds a control character (NUL, a line break, ...)";
			}
		}
		for (String segment : key.split("/", -1)) {
			if (segment.equals("..") || segment.equals(".")) {
				return "it has a '" + segment + "' segment";
			}
			if (segment.isEmpty()) {
				return "it has an empty segment ('//' or a trailing '/')";
			}
		}
		return null;
	}
}
