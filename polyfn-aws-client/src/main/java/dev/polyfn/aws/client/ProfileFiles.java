package dev.polyfn.aws.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The shared config and credentials files of the AWS CLI and SDKs, for runs on a developer's machine ("Shared config
 * and credentials files", https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html, read 2026-12-07): the
 * profile {@code AWS_PROFILE} names (else {@code default}), {@code [name]} in {@code credentials} and
 * {@code [profile name]} in {@code config} ({@code [default]} in both), {@code key = value} lines, {@code #} and
 * {@code ;} comments. Only what polyfn needs is read: static keys, a session token and the region; a profile that
 * needs SSO or a credential process is not understood and reads as having no keys.
 */
final class ProfileFiles {

	private final Map<String, String> settings;

	private ProfileFiles(Map<String, String> settings) {
		this.settings = settings;
	}

	/** The active profile's settings from both files, the credentials file winning. */
	static ProfileFiles load(UnaryOperator<String> environment) {
		String profile = orElse(environment.apply("AWS_PROFILE"), "default");
		Path home = Path.of(orElse(environment.apply("HOME"), System.getProperty("user.home", ".")));
		Map<String, String> settings = new HashMap<>();
		settings.putAll(read(path(environment, "AWS_CONFIG_FILE", home.resolve(".aws/config")),
				"default".equals(profile) ? "default" : "profile " + profile));
		settings.putAll(read(path(environment, "AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials")), profile));
		return new ProfileFiles(settings);
	}

	/** A setting of the active profile (names in lower case, as the files write them), or null. */
	String get(String name) {
		return settings.get(name);
	}

	private static Path path(UnaryOperator<String> environment, String variable, Path otherwise) {
		String set = environment.apply(variable);
		if (set == null || set.isBlank()) {
			return otherwise;
		}
		return set.startsWith("~") ? Path.of(System.getProperty("user.home", "~") + set.substring(1)) : Path.of(set);
	}

	/** The {@code key = value} lines of one section; an unreadable or missing file has none. */
	static Map<String, String> read(Path file, String section) {
		Map<String, String> values = new HashMap<>();
		if (!Files.isRegularFile(file)) {
			return values;
		}
		try {
			boolean inSection = false;
			for (String line : Files.readAllLines(file)) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
					continue;
				}
				if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
					inSection = trimmed.substring(1, trimmed.length() - 1).strip().equals(section);
					continue;
				}
				int equals = trimmed.indexOf('=');
				if (inSection && equals > 0 && !Character.isWhitespace(line.charAt(0))) {
					values.put(trimmed.substring(0, equals).strip().toLowerCase(Locale.ROOT), trimmed.substring(equals + 1).strip());
				}
			}
		}
		catch (IOException | java.io.UncheckedIOException unreadable) {
			return Map.of();
		}
		return values;
	}

	private static String orElse(String value, String otherwise) {
		return value == null || value.isBlank() ? otherwise : value;
	}
}
