package dev.polyfn.packaging.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.CloudRuntimes;

class AwsPackagerTest {

	private static List<FunctionDeployment> plan(String... keyValues) {
		Properties properties = new Properties();
		for (int i = 0; i < keyValues.length; i += 2) {
			properties.setProperty(keyValues[i], keyValues[i + 1]);
		}
		return DeploymentPlan.from(properties, "app");
	}

	@Test
	void queue_function_gets_an_sqs_event_with_report_batch_item_failures() {
		String yaml = SamTemplate.render("app", "app-aws.jar", CloudRuntimes.target("aws", null),
				plan("polyfn.deploy.processOrder.trigger", "queue", "polyfn.deploy.processOrder.source", "orders"));
		assertThat(yaml).contains("Handler: dev.polyfn.aws.SqsHandler::handleRequest",
				"Queue: !GetAtt OrdersQueue.Arn", "FunctionResponseTypes:\n              - ReportBatchItemFailures");
	}

	@Test
	void schedule_every_hour_is_a_rate_expression() {
		String yaml = SamTemplate.render("app", "app-aws.jar", CloudRuntimes.target("aws", null),
				plan("polyfn.deploy.cleanup.trigger", "schedule", "polyfn.deploy.cleanup.every", "1h"));
		assertThat(yaml).contains("Schedule: rate(1 hour)");
	}

	@Test
	void each_function_sets_its_definition() {
		String yaml = SamTemplate.render("app", "app-aws.jar", CloudRuntimes.target("aws", null), plan("polyfn.deploy.reverse.trigger", "http"));
		assertThat(yaml).contains("SPRING_CLOUD_FUNCTION_DEFINITION: 'reverse'");
	}

	@Test
	void jar_with_the_spring_boot_nested_layout_is_refused(@TempDir Path dir) throws Exception {
		Path jar = dir.resolve("boot.jar");
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
			out.putNextEntry(new ZipEntry("BOOT-INF/lib/spring-core.jar"));
			out.closeEntry();
		}
		assertThatThrownBy(() -> AwsPackager.checkJar(jar)).hasMessageContaining("BOOT-INF");
	}
}
