package dev.polyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which runtime an invocation of the Tencent package goes through: the event function's execution method in the
 * generated event-function/serverless.yml beside the ZIP.
 */
class TencentLocalCloudTest {

	@TempDir
	Path out;

	@Test
	void a_custom_runtime_handler_is_handed_to_the_packages_bootstrap_as_it_is() throws IOException {
		assertThat(TencentLocalCloud.handler(packageWith("CustomRuntime", "polyfn.handle"))).isEqualTo("polyfn.handle");
	}

	@Test
	void a_java_handler_names_the_class_and_method_scfs_java_runtime_calls() throws IOException {
		assertThat(TencentLocalCloud.handler(packageWith("Java11", "com.example.Handler::handle")))
			.isEqualTo("com.example.Handler::handle");
	}

	/** The ZIP's folder with the serverless.yml shape ServerlessYaml writes (component scf, inputs). */
	private Path packageWith(String runtime, String handler) throws IOException {
		Files.writeString(Files.createDirectories(out.resolve("event-function")).resolve("serverless.yml"), """
				component: scf
				name: shop
				inputs:
				  type: event
				  runtime: %s
				  handler: %s
				""".formatted(runtime, handler));
		return out.resolve("shop-tencent.zip");
	}
}
