package dev.polyfn.packaging.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.CloudRuntimes;

/**
 * The deploy plan of functions that publish: in s.yaml each gets its destination's variable, a comment naming the MNS
 * queue or topic to create and the grant its role needs, and the messaging role; DEPLOY.md says the same as steps.
 */
class ServerlessDevsMessagingTest {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	/** processOrder publishes to the queue alias order-results (bound to prod-order-results), temperatureAlert to the topic alerts. */
	private static List<FunctionDeployment> plan() {
		Properties properties = new Properties();
		properties.setProperty("polyfn.deploy.processOrder.trigger", "queue");
		properties.setProperty("polyfn.deploy.processOrder.source", "orders");
		properties.setProperty("polyfn.deploy.processOrder.messaging", "order-results");
		properties.setProperty("polyfn.messaging.order-results.destination", "prod-order-results");
		properties.setProperty("polyfn.deploy.temperatureAlert.trigger", "pubsub");
		properties.setProperty("polyfn.deploy.temperatureAlert.source", "telemetry");
		properties.setProperty("polyfn.deploy.temperatureAlert.messaging", "alerts");
		properties.setProperty("polyfn.messaging.alerts.kind", "topic");
		properties.setProperty("polyfn.deploy.reverse.trigger", "http");
		return DeploymentPlan.from(properties, "order-service");
	}

	private static String render(List<FunctionDeployment> plan) {
		return ServerlessDevsYaml.render("order-service", "order-service-aliyun.zip", CloudRuntimes.target("aliyun", null), plan);
	}

	private static JsonNode props(String yaml, String resource) {
		return YAML.readTree(yaml).path("resources").path(resource).path("props");
	}

	@Test
	void a_function_that_publishes_to_a_queue_gets_its_destination_variable_and_the_messaging_role() {
		String yaml = render(plan());

		JsonNode processOrder = props(yaml, "processOrder");
		assertThat(processOrder.path("environmentVariables").path("POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION").asString())
			.isEqualTo("prod-order-results");
		assertThat(processOrder.path("role").asString()).isEqualTo("acs:ram::${config('AccountID')}:role/${vars.messagingRole}");
		assertThat(YAML.readTree(yaml).path("vars").path("messagingRole").asString()).isEqualTo("order-service-messaging");
	}

	@Test
	void the_queue_to_create_and_its_send_grant_are_written_beside_the_function() {
		assertThat(render(plan())).contains("# messaging 'order-results': MNS queue prod-order-results (create it); the role may "
				+ "mns:SendMessage, mns:BatchSendMessage on acs:mns:${vars.region}:${config('AccountID')}:/queues/prod-order-results/messages");
	}

	@Test
	void a_function_that_publishes_to_a_topic_is_granted_publish_message_on_it() {
		String yaml = render(plan());

		assertThat(props(yaml, "temperatureAlert").path("environmentVariables").path("POLYFN_MESSAGING_ALERTS_DESTINATION").asString())
			.isEqualTo("alerts");
		assertThat(yaml).contains("# messaging 'alerts': MNS topic alerts (create it); the role may mns:PublishMessage on "
				+ "acs:mns:${vars.region}:${config('AccountID')}:/topics/alerts/messages");
	}

	@Test
	void a_function_that_does_not_publish_gets_no_role_and_a_plan_without_publishers_no_messaging_role() {
		JsonNode reverse = props(render(plan()), "reverse");
		String withoutPublishers = render(plan().stream().filter(f -> f.messaging().isEmpty()).toList());

		assertThat(reverse.has("role")).isFalse();
		assertThat(reverse.path("environmentVariables").toString()).doesNotContain("POLYFN_MESSAGING");
		assertThat(withoutPublishers).doesNotContain("messagingRole");
	}

	@Test
	void deploy_md_lists_the_queue_the_topic_their_variables_and_their_policies(@TempDir Path project) throws Exception {
		Path zip = Files.createDirectories(project.resolve("target/polyfn/aliyun")).resolve("order-service-aliyun.zip");
		Files.write(zip, new byte[] { 'P', 'K' });

		String summary = AliyunPackager.summary(zip, project, "order-service", CloudRuntimes.target("aliyun", null), plan()).render();

		assertThat(summary).contains("Messaging (functions that publish to an MNS queue or topic)",
				"create the MNS queue prod-order-results", "POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION = prod-order-results",
				"\"Action\":[\"mns:SendMessage\",\"mns:BatchSendMessage\"],\"Resource\":\"acs:mns:<region>:<account-id>:/queues/prod-order-results/messages\"",
				"create the MNS topic alerts", "POLYFN_MESSAGING_ALERTS_DESTINATION = alerts",
				"\"Action\":[\"mns:PublishMessage\"],\"Resource\":\"acs:mns:<region>:<account-id>:/topics/alerts/messages\"",
				"role ${vars.messagingRole} = order-service-messaging", "POLYFN_MESSAGING_MNS_ENDPOINT");
	}
}
