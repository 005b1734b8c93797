package dev.polyfn.packaging.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.tencent.UnpackedTencentPackage;

/**
 * What the Tencent ZIP holds and what its descriptors name, read from the real {@code mvn -Ptencent package}
 * output: a ZIP the console takes, a JRE SCF can run, a class-data archive the bundled JRE accepts once the ZIP
 * is unpacked, and only runtimes SCF offers.
 */
class TencentPackageLayoutTest {

	/** The console's direct "Local ZIP file" upload; the packager fails past it. */
	private static final long CONSOLE_UPLOAD_LIMIT = 50L * 1024 * 1024;

	@Test
	void zip_is_within_the_console_upload_limit() throws IOException {
		long size = Files.size(UnpackedTencentPackage.get().zip);
		System.out.printf("Tencent ZIP: %.1f MB%n", size / 1024.0 / 1024.0);
		assertThat(size).isPositive().isLessThanOrEqualTo(CONSOLE_UPLOAD_LIMIT);
	}

	@Test
	void every_binary_of_the_bundled_jre_and_both_start_scripts_are_executable() throws IOException {
		Path code = UnpackedTencentPackage.get().code;
		try (Stream<Path> bin = Files.list(code.resolve("jre/bin"))) {
			List<Path> files = Stream.concat(bin, Stream.of(code.resolve("scf_bootstrap"), code.resolve("bootstrap"),
					code.resolve("jre/lib/jspawnhelper"))).toList();
			assertThat(files).hasSizeGreaterThan(3).allSatisfy(file -> assertThat(
					PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwxr-xr-x"));
		}
	}

	@Test
	void bundled_jre_is_java_17_or_newer() throws Exception {
		String release = Files.readString(UnpackedTencentPackage.get().code.resolve("jre/release"));
		String version = release.lines().filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElse("")
				.replaceAll("[^0-9.]", "");
		assertThat(Integer.parseInt(version.split("\\.")[0])).isGreaterThanOrEqualTo(CloudRuntimes.MINIMUM_JAVA);
	}

	@Test
	void class_data_archive_is_accepted_by_the_bundled_jre_after_unpacking() throws Exception {
		Path code = UnpackedTencentPackage.get().code;
		String jar;
		try (Stream<Path> lib = Files.list(code.resolve("lib"))) {
			jar = "lib/" + lib.findFirst().orElseThrow().getFileName();
		}
		// -Xshare:on: the JVM exits with an error instead of running without an archive it cannot use.
		Process java = new ProcessBuilder(code.resolve("jre/bin/java").toString(), "-Xshare:on", "-Xlog:cds=info",
				"-XX:SharedArchiveFile=app.jsa", "-cp", jar, "-version").directory(code.toFile()).redirectErrorStream(true)
				.start();
		String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		java.waitFor(1, TimeUnit.MINUTES);
		assertThat(List.of(java.exitValue(), output.matches("(?s).*Opened (shared )?archive( file)? app\\.jsa.*"),
				output.contains("not the one used"), output.contains("mismatch"))).as(output)
				.containsExactly(0, true, false, false);
	}

	@Test
	void descriptors_name_only_runtimes_scf_offers() {
		UnpackedTencentPackage unpacked = UnpackedTencentPackage.get();
		String event = UnpackedTencentPackage.yamlValue(unpacked.out.resolve("event-function/serverless.yml"), "runtime");
		String web = UnpackedTencentPackage.yamlValue(unpacked.out.resolve("web-function/serverless.yml"), "runtime");
		assertThat(List.of(CloudRuntimes.requireUsable("tencent", event, "event-function/serverless.yml").id(),
				CloudRuntimes.requireUsable("tencent-web", web, "web-function/serverless.yml").id()))
				.containsExactly("CustomRuntime", "Java11");
	}

	@Test
	void event_function_handler_has_the_file_dot_function_form_scf_accepts_outside_java() {
		String handler = UnpackedTencentPackage.yamlValue(UnpackedTencentPackage.get().out
				.resolve("event-function/serverless.yml"), "handler");
		assertThat(handler).matches("[A-Za-z][A-Za-z0-9_-]{0,58}[A-Za-z]\\.[A-Za-z][A-Za-z0-9_-]{0,58}[A-Za-z]");
	}

	@Test
	void deploy_md_names_no_java_17_runtime_scf_lacks() throws IOException {
		String deploy = Files.readString(UnpackedTencentPackage.get().out.resolve("DEPLOY.md"));
		assertThat(deploy).doesNotContain("Java17").doesNotContain("Java21").contains("CustomRuntime");
	}
}
