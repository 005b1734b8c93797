package dev.polyfn.examples;

import dev.polyfn.core.FunctionStatusException;

/**
 * Object keys that are safe to put under a prefix: a key is text the uploader chose, and a thumbnail writer that
 * joins {@code thumbnails/} with {@code ../../etc/passwd.png}, or hands the result to a file system or a proxy
 * that reads {@code \} or NUL, writes where nobody meant to.
 */
final class ObjectKeys {

	static final int MAX_LENGTH = 1024;

	private ObjectKeys() {
	}

	/** 400 naming the rule a key breaks, without echoing the key. */
	static void requireSafe(String key) {
		String problem = problemWith(key);
		if (problem != null) {
			throw new FunctionStatusException(400, "The object key is refused: " + problem);
		}
	}

	static String problemWith(String key) {
		if (key.length() > MAX_LENGTH) {
			return "it is longer than " + MAX_LENGTH + " characters (the S3, OSS and COS limit is 1024 bytes)";
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
		}
		return null;
	}
}
