package dev.polyfn.packaging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.CloudRuntime;
import dev.polyfn.packaging.CloudRuntimes;

/** Every trigger's SAM template, with a queue, a FIFO queue and a topic to publish to, passes AWS's own linter, on every runtime the table lets a package name. */
class SamTemplateLintTest {

	private static final List<FunctionDeployment> EVERY_TRIGGER = DeploymentPlan.from(properties(
			"polyfn.deploy.reverse.trigger", "http",
			"polyfn.deploy.processOrder.trigger", "queue", "polyfn.deploy.processOrder.source", "orders",
			"polyfn.deploy.processOrder.messaging", "order-results",
			"polyfn.deploy.storeThumbnail.trigger", "storage", "polyfn.deploy.storeThumbnail.source", "uploads",
			"polyfn.deploy.storeThumbnail.storage", "uploads",
			"polyfn.deploy.cleanupExpired.trigger", "schedule", "polyfn.deploy.cleanupExpired.every", "1h",
			"polyfn.deploy.temperatureAlert.trigger", "pubsub", "polyfn.deploy.temperatureAlert.source", "readings",
			"polyfn.deploy.temperatureAlert.messaging", "alerts", "polyfn.messaging.alerts.kind", "topic",
			"polyfn.deploy.reverse.messaging", "ordered", "polyfn.messaging.ordered.destination", "ordered.fifo"),
			"app");

	@Test
	void template_with_every_trigger_on_the_default_runtime_has_no_cfn_lint_error(@TempDir Path dir) throws Exception {
		Path template = write(dir, CloudRuntimes.target("aws", null));
		CfnLint.Result result = CfnLint.run(template);
		assertThat(result.hasErrors()).as(result.output()).isFalse();
	}

	@Test
	void template_on_every_usable_aws_runtime_has_no_cfn_lint_error(@TempDir Path dir) throws Exception {
		for (CloudRuntime runtime : CloudRuntimes.of("aws")) {
			if (runtime.usable()) {
				CfnLint.Result result = CfnLint.run(write(dir.resolve(runtime.id()), runtime));
				assertThat(result.hasErrors()).as(runtime.id() + ": " + result.output()).isFalse();
			}
		}
	}

	@Test
	void cfn_lint_itself_rejects_the_runtime_the_table_marks_deprecated(@TempDir Path dir) throws Exception {
		// Proves the check above can fail: AWS's linter and polyfn's table agree that java17 is past its date.
		CloudRuntime java17 = CloudRuntimes.of("aws").stream().filter(r -> r.id().equals("java17")).findFirst().orElseThrow();
		assertThat(java17.usable()).isFalse();
		CfnLint.Result result = CfnLint.run(write(dir, java17));
		assertThat(result.hasErrors()).isTrue();
		assertThat(result.output()).contains("java17");
	}

	@Test
	void function_that_writes_to_the_bucket_that_triggers_it_has_no_circular_dependency(@TempDir Path dir) throws Exception {
		Path template = write(dir, CloudRuntimes.target("aws", null));
		assertThat(CfnLint.run(template).output()).doesNotContain("E3004");
	}

	@Test
	void cfn_lint_itself_finds_the_circular_dependency_a_ref_to_the_bucket_would_make(@TempDir Path dir) throws Exception {
		// Proves the check above can fail: the role's policy naming the bucket by !Ref closes the loop
		// bucket → notification → function → role → bucket.
		Path template = write(dir, CloudRuntimes.target("aws", null));
		Files.writeString(template, Files.readString(template).replaceFirst("(        - S3CrudPolicy:\n            BucketName: ).*",
				"$1!Ref UploadsBucket"));
		assertThat(CfnLint.run(template).output()).contains("E3004");
	}

	private static Path write(Path dir, CloudRuntime runtime) throws Exception {
		Files.createDirectories(dir);
		Path template = dir.resolve("template.yaml");
		Files.writeString(template, SamTemplate.render("app", "app-aws.jar", runtime, EVERY_TRIGGER));
		return template;
	}

	private static Properties properties(String... keyValues) {
		Properties properties = new Properties();
		for (int i = 0; i < keyValues.length; i += 2) {
			properties.setProperty(keyValues[i], keyValues[i + 1]);
		}
		return properties;
	}
}
