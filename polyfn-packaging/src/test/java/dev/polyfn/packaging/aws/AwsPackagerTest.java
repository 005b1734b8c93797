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
	void a_queue_alias_gets_its_queue_the_send_policy_and_the_queue_url_in_its_variable() {
		String yaml = SamTemplate.render("app", "app-aws.jar", CloudRuntimes.target("aws", null),
				plan("polyfn.deploy.processOrder.trigger", "queue", "polyfn.deploy.processOrder.source", "orders",
						"polyfn.deploy.processOrder.messaging", "order-results"));
		assertThat(yaml).contains("          POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION: !Ref OrderResultsQueue\n",
				"        - SQSSendMessagePolicy:\n            QueueName: !GetAtt OrderResultsQueue.QueueName\n",
				"  OrderResultsQueue:\n    Type: AWS::SQS::Queue\n");
	}

	@Test
	void a_topic_alias_gets_its_topic_the_publish_policy_and_the_topic_arn_in_its_variable() {
		String yaml = SamTemplate.render("app", "app-aws.jar", CloudRuntimes.target("aws", null),
				plan("polyfn.deploy.temperatureAlert.trigger", "pubsub", "polyfn.deploy.temperatureAlert.source", "telemetry",
						"polyfn.deploy.temperatureAlert.messaging", "alerts", "polyfn.messaging.alerts.kind", "topic"));
		assertThat(yaml).contains("          POLYFN_MESSAGING_ALERTS_DESTINATION: !Ref AlertsTopic\n",
				"        - SNSPublishMessagePolicy:\n            TopicName: !GetAtt AlertsTopic.TopicName\n",
				"  AlertsTopic:\n    Type: AWS::SNS::Topic\n");
	}

	@Test
	void a_fifo_destination_is_a_fifo_queue() {
		String yaml = SamTemplate.render("app", "app-aws.jar", CloudRuntimes.target("aws", null),
				plan("polyfn.deploy.reverse.trigger", "http", "polyfn.deploy.reverse.messaging", "ordered",
						"polyfn.messaging.ordered.destination", "ordered.fifo"));
		assertThat(yaml).contains("  OrderedFifoQueue:\n    Type: AWS::SQS::Queue\n    Properties:\n      FifoQueue: true\n");
	}

	@Test
	void the_summary_walks_through_the_queue_the_permission_and_the_variable(@TempDir Path dir) throws Exception {
		List<FunctionDeployment> plan = plan("polyfn.deploy.processOrder.trigger", "queue", "polyfn.deploy.processOrder.source", "orders",
				"polyfn.deploy.processOrder.messaging", "order-results");
		String summary = AwsPackager.summary(Files.write(dir.resolve("app-aws.jar"), new byte[] {1}), "app", CloudRuntimes.target("aws", null), plan).render();
		assertThat(summary).contains("messaging 'order-results' (SQS queue order-results)",
				"processOrder: SQS console → Create queue → Standard, name order-results",
				"an inline policy allowing sqs:SendMessage on that queue's ARN",
				"POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION = the queue's URL");
	}

	@Test
	void the_summary_walks_through_the_topic_the_permission_and_the_variable(@TempDir Path dir) throws Exception {
		List<FunctionDeployment> plan = plan("polyfn.deploy.temperatureAlert.trigger", "pubsub", "polyfn.deploy.temperatureAlert.source",
				"telemetry", "polyfn.deploy.temperatureAlert.messaging", "alerts", "polyfn.messaging.alerts.kind", "topic");
		String summary = AwsPackager.summary(Files.write(dir.resolve("app-aws.jar"), new byte[] {1}), "app", CloudRuntimes.target("aws", null), plan).render();
		assertThat(summary).contains("messaging 'alerts' (SNS topic alerts)",
				"temperatureAlert: SNS console → Topics → Create topic → Standard, name alerts",
				"an inline policy allowing sns:Publish on that topic's ARN",
				"POLYFN_MESSAGING_ALERTS_DESTINATION = the topic's ARN");
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
