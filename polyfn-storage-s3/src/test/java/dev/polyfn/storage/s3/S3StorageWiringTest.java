package dev.polyfn.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.storages3sample.S3SampleApplication;

/** The module as an application has it: on the classpath, found by the light start-up, chosen on AWS. */
class S3StorageWiringTest {

	private static final String BUCKET = "wiring-bucket";

	@BeforeAll
	static void createBucket() {
		S3Fixture.server().createBucket(BUCKET);
	}

	private static PolyfnRuntime startOnAws(String function) {
		String endpoint = S3Fixture.server().endpoint();
		return PolyfnRuntime.start(S3SampleApplication.class, "aws", Map.of(
				"spring.cloud.function.definition", function,
				"polyfn.storage.reports.bucket", BUCKET,
				"polyfn.storage.s3.endpoint", endpoint,
				"polyfn.storage.s3.path-style", "true",
				"polyfn.storage.s3.region", "us-east-1"));
	}

	private static InvocationResult invoke(PolyfnRuntime runtime, String function, String body) {
		return runtime.invoker().invoke(function, FunctionInput.of(body.getBytes(StandardCharsets.UTF_8), "text/plain"),
				InvocationContext.of("aws", "req-1", function));
	}

	@Test
	void on_aws_an_alias_without_a_provider_setting_writes_to_s3() throws Exception {
		try (PolyfnRuntime runtime = startOnAws("saveReport")) {
			invoke(runtime, "saveReport", "all green");
		}

		try (S3StorageProvider provider = new S3StorageProvider();
				ObjectContent saved = provider.open(S3Fixture.settings("check", BUCKET, Map.of())).get("reports/latest.txt")) {
			assertThat(new String(saved.readAllBytes(100), StandardCharsets.UTF_8)).isEqualTo("all green");
		}
	}

	@Test
	void a_function_that_uses_no_storage_never_makes_the_s3_provider() {
		try (PolyfnRuntime runtime = startOnAws("shout")) {
			invoke(runtime, "shout", "hi");

			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnS3StorageProvider")).isFalse();
		}
	}
}
