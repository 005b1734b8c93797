package dev.polyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flat jar keeps every jar's Spring and ServiceLoader registrations, and the project's classes first. */
class FlatJarTest {

	@TempDir
	Path dir;

	@Test
	void registries_of_every_jar_are_merged_and_signatures_left_out() throws IOException {
		Path classes = Files.createDirectories(dir.resolve("classes/com/example"));
		Files.writeString(classes.resolve("App.class"), "project");
		Path first = jar("first.jar", Map.of("META-INF/spring.factories", "a.Key=x.One\n",
				"META-INF/services/a.Service", "x.OneService", "com/example/App.class", "dependency", "META-INF/FIRST.SF", "sig"));
		Path second = jar("second.jar", Map.of("META-INF/spring.factories", "a.Key=y.Two\nb.Other=y.Three\n",
				"META-INF/services/a.Service", "y.TwoService",
				"META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports", "y.AutoConfig"));

		Path flat = dir.resolve("app-aws.jar");
		FlatJar.write(flat, dir.resolve("classes"), List.of(first, second), "com.example.App");

		try (JarFile jar = new JarFile(flat.toFile())) {
			Properties factories = new Properties();
			factories.load(jar.getInputStream(jar.getEntry("META-INF/spring.factories")));
			assertThat(factories).containsEntry("a.Key", "x.One,y.Two").containsEntry("b.Other", "y.Three");
			assertThat(text(jar, "META-INF/services/a.Service").lines()).containsExactly("x.OneService", "y.TwoService");
			assertThat(text(jar, "com/example/App.class")).isEqualTo("project");
			assertThat(jar.getEntry("META-INF/FIRST.SF")).isNull();
			assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class")).isEqualTo("com.example.App");
		}
	}

	@Test
	void bean_registrars_of_an_adapter_and_a_storage_module_are_both_kept() throws IOException {
		Files.createDirectories(dir.resolve("classes"));
		Path adapter = jar("adapter.jar", Map.of("META-INF/polyfn/bean-registrars", "# adapter\nx.AdapterBeans\n"));
		Path storage = jar("storage.jar", Map.of("META-INF/polyfn/bean-registrars", "y.StorageBeans\n"));

		Path flat = dir.resolve("app-aliyun.jar");
		FlatJar.write(flat, dir.resolve("classes"), List.of(adapter, storage), "com.example.App");

		try (JarFile jar = new JarFile(flat.toFile())) {
			assertThat(text(jar, "META-INF/polyfn/bean-registrars").lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
				.containsExactly("x.AdapterBeans", "y.StorageBeans");
		}
	}

	@Test
	void a_cloud_artifact_leaves_out_the_other_clouds_adapters_and_the_server_side_web_stack() {
		assertThat(CloudTarget.AWS.excludes("dev.polyfn", "adapter-gcp")).isTrue();
		assertThat(CloudTarget.AWS.excludes("dev.polyfn", "adapter-aws")).isFalse();
		assertThat(CloudTarget.AWS.excludes("com.amazonaws", "aws-lambda-java-runtime-interface-client")).isTrue();
		assertThat(CloudTarget.GCP.excludes("io.micrometer", "micrometer-observation")).isTrue();
		assertThat(CloudTarget.GCP.excludes("dev.polyfn", "function-core")).isFalse();
	}

	@Test
	void a_cloud_artifact_leaves_out_joda_which_only_spring_cloud_functions_own_json_set_up_needs() {
		assertThat(CloudTarget.AWS.excludes("joda-time", "joda-time")).isTrue();
		assertThat(CloudTarget.AWS.excludes("tools.jackson.datatype", "jackson-datatype-joda")).isTrue();
	}

	@Test
	void logback_ships_only_with_the_applications_own_logback_configuration() {
		assertThat(CloudTarget.AWS.excludes("ch.qos.logback", "logback-classic", false)).isTrue();
		assertThat(CloudTarget.AWS.excludes("ch.qos.logback", "logback-classic", true)).isFalse();
	}

	private Path jar(String name, Map<String, String> entries) throws IOException {
		Path jar = dir.resolve(name);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				out.putNextEntry(new JarEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return jar;
	}

	private static String text(JarFile jar, String name) throws IOException {
		return new String(jar.getInputStream(jar.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8).strip();
	}
}
