package dev.polyfn.packaging.azure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The Java runtime the custom-handler package carries. A custom-handler app runs on the Functions host image
 * without a language worker, so no Java comes with it (the Flex Consumption stack {@code custom} sets no
 * runtime version: Az.Functions FunctionsStackFlexData/custom.json); the package brings a JRE linked by
 * {@code jlink} from the build JDK. Flex Consumption runs Linux on x64, so a JRE is only linked on a Linux x64
 * build machine; elsewhere the package says so and the start script falls back to {@code $JAVA_HOME}.
 */
final class BundledJre {

	/**
	 * What polyfn applications need at run time: the HTTP server (jdk.httpserver), image I/O for binary functions
	 * (java.desktop), Spring's use of java.sql/java.naming/java.management/java.instrument, TLS clients
	 * (jdk.crypto.ec where it still exists), and jdk.unsupported for libraries that use sun.misc.Unsafe.
	 */
	static final List<String> MODULES = List.of("java.base", "java.desktop", "java.instrument", "java.logging",
			"java.management", "java.naming", "java.net.http", "java.prefs", "java.scripting", "java.security.jgss",
			"java.sql", "java.xml", "jdk.crypto.ec", "jdk.httpserver", "jdk.management", "jdk.unsupported",
			"jdk.zipfs");

	private BundledJre() {
	}

	/** Links the JRE into {@code target}; returns what DEPLOY.md says about it. */
	static String link(Path target) throws IOException, InterruptedException {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "");
		Path javaHome = Path.of(System.getProperty("java.home"));
		Path jlink = javaHome.resolve("bin/jlink");
		if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
			return "none: built on " + os + "/" + arch + "; Flex Consumption runs Linux x64, so build on Linux x64"
					+ " or set POLYFN_JAVA_HOME on the app";
		}
		if (!Files.isExecutable(jlink) || !Files.isDirectory(javaHome.resolve("jmods"))) {
			return "none: the build JDK " + javaHome + " has no jlink or jmods; set POLYFN_JAVA_HOME on the app";
		}
		List<String> modules = available(javaHome);
		List<String> command = new ArrayList<>(List.of(jlink.toString(), "--add-modules", String.join(",", modules),
				"--strip-debug", "--no-man-pages", "--no-header-files", "--output", target.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("jlink failed: " + output);
		}
		return "jre/ (Java " + Runtime.version().feature() + ", jlinked from " + javaHome + ")";
	}

	private static List<String> available(Path javaHome) {
		return MODULES.stream().filter(m -> Files.isRegularFile(javaHome.resolve("jmods").resolve(m + ".jmod")))
				.toList();
	}
}
