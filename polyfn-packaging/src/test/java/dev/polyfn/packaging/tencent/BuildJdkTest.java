package dev.polyfn.packaging.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which JDK links the bundled JRE, and what the build says when it cannot: tried on stand-in JDK folders whose
 * {@code jlink} and {@code jdeps} are scripts answering as the real tools do.
 */
class BuildJdkTest {

	@TempDir
	Path dir;

	@Test
	void without_configuration_the_chosen_jdk_is_one_that_qualifies() {
		BuildJdk jdk = BuildJdk.resolve("");
		assertThat(BuildJdk.problem(jdk.home())).as(jdk.why()).isNull();
	}

	@Test
	void an_unset_maven_property_counts_as_none_configured() {
		assertThat(BuildJdk.resolve("${polyfn.tencent.jdk}").home()).isEqualTo(BuildJdk.resolve("").home());
	}

	@Test
	void a_jdk_built_for_a_newer_glibc_than_centos_7_is_refused() throws IOException {
		Path jdk = fakeJdk("17.0.15", true, "exit 0");
		Files.createDirectories(jdk.resolve("lib/server"));
		Files.write(jdk.resolve("lib/server/libjvm.so"), elfNaming("GLIBC_2.2.5", "GLIBC_2.34", "GLIBC_2.17"));
		assertThatThrownBy(() -> BuildJdk.resolve(jdk.toString())).hasMessageContaining("needs glibc 2.34")
				.hasMessageContaining("CentOS 7.6 has glibc 2.17");
	}

	@Test
	void a_jdk_built_for_glibc_2_17_qualifies() throws IOException {
		Path jdk = fakeJdk("25.0.3", true, "exit 0");
		Files.createDirectories(jdk.resolve("lib/server"));
		Files.write(jdk.resolve("lib/server/libjvm.so"), elfNaming("GLIBC_2.2.5", "GLIBC_2.17", "GLIBC_2.14"));
		assertThat(BuildJdk.resolve(jdk.toString()).feature()).isEqualTo(25);
	}

	@Test
	void a_java_11_jdk_is_refused_naming_the_property() throws IOException {
		Path jdk = fakeJdk("11.0.25", true, "exit 0");
		assertThatThrownBy(() -> BuildJdk.resolve(jdk.toString())).hasMessageContaining("Java 11")
				.hasMessageContaining("-Dpolyfn.tencent.jdk=");
	}

	@Test
	void a_jre_without_jlink_is_refused() throws IOException {
		Path jre = Files.createDirectories(dir.resolve("jre/bin"));
		assertThatThrownBy(() -> BuildJdk.resolve(jre.getParent().toString())).hasMessageContaining("no bin/jlink");
	}

	@Test
	void a_jdk_without_jmods_whose_image_is_not_linkable_fails_naming_what_to_install() throws IOException {
		Path jdk = fakeJdk("25.0.1", false,
				"echo 'Error: --module-path is not specified and this runtime image does not contain jmods directory.'; exit 1");
		assertThatThrownBy(() -> JreLinker.link(BuildJdk.resolve(jdk.toString()), dir.resolve("app.jar"), dir.resolve("jre"),
				false))
				.hasMessageContaining("has no jmods folder").hasMessageContaining("JEP 493")
				.hasMessageContaining("openjdk-17-jdk-headless").hasMessageContaining("does not contain jmods directory");
	}

	@Test
	void jdeps_modules_are_joined_by_the_run_time_ones() throws IOException {
		Path jdk = fakeJdk("17.0.15", true, "exit 0");
		assertThat(JreLinker.modules(BuildJdk.resolve(jdk.toString()), dir.resolve("app.jar")))
				.containsExactly("java.base", "java.desktop", "java.management", "java.naming", "jdk.crypto.ec",
						"jdk.unsupported");
	}

	private Path fakeJdk(String version, boolean jmods, String jlinkBody) throws IOException {
		Path home = Files.createDirectories(dir.resolve("jdk-" + version));
		Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
		script(home.resolve("bin/jlink"), jlinkBody);
		script(home.resolve("bin/jdeps"), "echo 'Warning: split package'; echo java.base,java.desktop");
		if (jmods) {
			Files.createDirectories(home.resolve("jmods"));
		}
		return home;
	}

	/** The bytes of an ELF file whose dynamic string table names these symbol versions. */
	private static byte[] elfNaming(String... versions) {
		return ("\u007fELF\u0002\u0001\u0001\u0000" + String.join("\u0000", versions) + "\u0000")
				.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private static void script(Path file, String body) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, "#!/bin/sh\n" + body + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}
}
