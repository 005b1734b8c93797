package dev.polyfn.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.CoreTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.storagesample.StorageSampleApplication;

/** Storage as a function receives it: injected, bound by settings, its failures in the error contract. */
class StorageInjectionTest {

	@TempDir
	Path root;

	private PolyfnRuntime start(String function) {
		return PolyfnRuntime.start(StorageSampleApplication.class, "web", Map.of(
				"spring.cloud.function.definition", function,
				"polyfn.storage.docs.bucket", "doc-bucket",
				"polyfn.storage.local.root", root.toString()));
	}

	private static InvocationResult invoke(PolyfnRuntime runtime, String function, String body) {
		return runtime.invoker().invoke(function, FunctionInput.of(body.getBytes(StandardCharsets.UTF_8), "text/plain"),
				InvocationContext.of("web", "req-1", function));
	}

	@Test
	void a_function_that_takes_storage_buckets_reads_the_bucket_of_its_alias() throws IOException {
		Files.createDirectories(root.resolve("doc-bucket/notes"));
		Files.writeString(root.resolve("doc-bucket/notes/today.txt"), "buy milk");

		try (PolyfnRuntime runtime = start("readDoc")) {
			assertThat(invoke(runtime, "readDoc", "notes/today.txt").bodyAsString()).isEqualTo("buy milk");
		}
	}

	@Test
	void a_missing_object_that_the_function_lets_through_answers_404_not_found() {
		try (PolyfnRuntime runtime = start("readDoc")) {
			InvocationResult result = invoke(runtime, "readDoc", "notes/missing.txt");

			assertThat(List.of(result.status(), result.bodyAsString())).containsExactly(404,
					"{\"error\":\"not_found\",\"message\":\"No object 'notes/missing.txt' in storage 'docs'\"}");
		}
	}

	@Test
	void a_hostile_key_that_the_function_lets_through_answers_400() {
		try (PolyfnRuntime runtime = start("readDoc")) {
			assertThat(invoke(runtime, "readDoc", "../../etc/passwd").status()).isEqualTo(400);
		}
	}

	@Test
	void a_function_that_takes_no_storage_never_creates_the_storage_buckets() {
		try (PolyfnRuntime runtime = start("shout")) {
			invoke(runtime, "shout", "hi");

			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnStorageBuckets")).isFalse();
		}
	}

	@Test
	void an_application_without_storage_functions_makes_no_storage_buckets_even_when_every_bean_is_made_at_start_up() {
		try (PolyfnRuntime runtime = PolyfnRuntime.start(CoreTestApplication.class, "web",
				Map.of("spring.main.lazy-initialization", "false"))) {
			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnStorageBuckets")).isFalse();
		}
	}

	@Test
	void the_full_spring_boot_start_up_injects_the_storage_buckets_too() throws IOException {
		Files.createDirectories(root.resolve("doc-bucket"));
		Files.writeString(root.resolve("doc-bucket/readme.txt"), "full boot");

		try (PolyfnRuntime runtime = PolyfnRuntime.start(StorageSampleApplication.class, "web", Map.of(
				"polyfn.bootstrap", "boot",
				"polyfn.storage.docs.bucket", "doc-bucket",
				"polyfn.storage.local.root", root.toString()))) {
			assertThat(invoke(runtime, "readDoc", "readme.txt").bodyAsString()).isEqualTo("full boot");
		}
	}
}
