package dev.polyfn.packaging.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.CloudRuntimes;

/**
 * What the event function's serverless.yml and DEPLOY.md say for the functions that publish (polyfn.deploy.*.messaging):
 * per alias its CKafka topic in {@code POLYFN_MESSAGING_<ALIAS>_DESTINATION}, the instance's access point, and the
 * function in the instance's VPC.
 */
class ServerlessYamlMessagingTest {

	private static List<FunctionDeployment> publishingPlan() {
		Properties properties = new Properties();
		properties.setProperty("polyfn.deploy.processOrder.trigger", "queue");
		properties.setProperty("polyfn.deploy.processOrder.source", "orders");
		properties.setProperty("polyfn.deploy.processOrder.messaging", "order-results");
		properties.setProperty("polyfn.deploy.temperatureAlert.trigger", "pubsub");
		properties.setProperty("polyfn.deploy.temperatureAlert.source", "telemetry");
		properties.setProperty("polyfn.deploy.temperatureAlert.messaging", "alerts");
		properties.setProperty("polyfn.messaging.alerts.kind", "topic");
		return DeploymentPlan.from(properties, "order-service");
	}

	private static ObjectNode inputs(List<FunctionDeployment> plan) {
		return ServerlessYamlTypesTest.inputsWithoutRuntime(
				ServerlessYaml.eventFunction("order-service", plan, CloudRuntimes.target("tencent", null)));
	}

	@Test
	void each_alias_gets_its_ckafka_topic_and_the_access_point_in_the_environment() {
		ObjectNode variables = (ObjectNode) inputs(publishingPlan()).path("environment").path("variables");

		assertThat(variables.path("POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION").asString()).isEqualTo("order-results");
		assertThat(variables.path("POLYFN_MESSAGING_ALERTS_DESTINATION").asString()).isEqualTo("alerts");
		assertThat(variables.path("POLYFN_MESSAGING_KAFKA_BOOTSTRAP_SERVERS").asString()).isEqualTo("10.0.0.12:9092");
	}

	@Test
	void a_publishing_function_is_placed_in_the_ckafka_instances_vpc() {
		ObjectNode vpc = (ObjectNode) inputs(publishingPlan()).path("vpcConfig");

		assertThat(vpc.path("vpcId").asString() + " " + vpc.path("subnetId").asString()).isEqualTo("vpc-2ari9m7h subnet-3lzrkspo");
	}

	@Test
	void a_queue_and_a_pubsub_entry_are_both_ckafka_triggers_on_their_source_topic() {
		assertThat(inputs(publishingPlan()).path("events"))
			.extracting(event -> event.path("ckafka").path("parameters").path("topic").asString())
			.containsExactlyInAnyOrder("orders", "telemetry");
	}

	@Test
	void the_publishing_plan_passes_the_scf_component_rules() {
		ObjectNode inputs = inputs(publishingPlan());

		assertThat(ServerlessYamlTypesTest.violations(ServerlessYamlTypesTest.ERRORS, inputs)).isEmpty();
		assertThat(ServerlessYamlTypesTest.violations(ServerlessYamlTypesTest.WARNINGS, inputs)).isEmpty();
	}

	@Test
	void a_plan_that_publishes_nothing_has_no_vpc_and_no_messaging_variables() {
		Properties properties = new Properties();
		properties.setProperty("polyfn.deploy.logStats.trigger", "queue");
		properties.setProperty("polyfn.deploy.logStats.source", "logs");
		String yml = ServerlessYaml.eventFunction("order-service", DeploymentPlan.from(properties, "order-service"),
				CloudRuntimes.target("tencent", null));

		assertThat(yml).doesNotContain("vpcConfig", "POLYFN_MESSAGING_", "environment:");
	}

	@Test
	void deploy_steps_name_the_topic_to_create_the_variables_and_the_vpc_or_the_sasl_access_point() {
		List<String> steps = TencentPackager.messagingSteps(publishingPlan());

		assertThat(String.join("\n", steps)).contains("topic order-results (messaging alias 'order-results', queue",
				"topic alerts (messaging alias 'alerts', topic", "POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION = order-results",
				"POLYFN_MESSAGING_KAFKA_BOOTSTRAP_SERVERS", "VPC", "grant write to all users", "SASL_PLAINTEXT",
				"<instanceId>#<user>");
	}
}
