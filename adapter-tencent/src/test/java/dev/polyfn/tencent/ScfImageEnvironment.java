package dev.polyfn.tencent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The environment an SCF image gives a start script, as far as Java goes: SCF's images carry Java 8 and 11 only
 * (https://cloud.tencent.com/document/product/583/67366, checked 2026-12-01), the web-function Java 11 at
 * {@value #SCF_JAVA11_HOME} (https://cloud.tencent.com/document/product/583/56126). So: {@code JAVA_HOME} is that
 * Java 11 path, which holds no Java 17 (here it does not exist at all), and {@code PATH} is an empty folder, so no
 * {@code java} can be found on it. A package that starts under this environment brings its own Java.
 */
final class ScfImageEnvironment {

	static final String SCF_JAVA11_HOME = "/var/lang/java11";

	private static Path emptyPath;

	private ScfImageEnvironment() {
	}

	static void applyTo(Map<String, String> environment) {
		environment.put("PATH", emptyPathFolder().toString());
		environment.put("JAVA_HOME", SCF_JAVA11_HOME);
		environment.remove("JAVA_TOOL_OPTIONS");
		environment.remove("JDK_JAVA_OPTIONS");
	}

	static synchronized Path emptyPathFolder() {
		if (emptyPath == null) {
			try {
				emptyPath = Files.createTempDirectory("scf-path-without-java-");
				emptyPath.toFile().deleteOnExit();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return emptyPath;
	}
}
