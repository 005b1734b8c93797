package dev.polyfn.packaging.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.events.JsonEvents;

/** The deploy plan of an app whose functions publish, as the examples do: a queue alias and a topic alias. */
class AzureMessagingPlanTest {

	@TempDir
	Path dir;

	private String deploy;

	@BeforeEach
	void write() throws IOException {
		Properties properties = new Properties();
		properties.setProperty("polyfn.deploy.processOrder.trigger", "queue");
		properties.setProperty("polyfn.deploy.processOrder.source", "orders");
		properties.setProperty("polyfn.deploy.processOrder.messaging", "order-results");
		properties.setProperty("polyfn.deploy.temperatureAlert.trigger", "pubsub");
		properties.setProperty("polyfn.deploy.temperatureAlert.source", "telemetry");
		properties.setProperty("polyfn.deploy.temperatureAlert.messaging", "alerts");
		properties.setProperty("polyfn.messaging.alerts.kind", "topic");
		properties.setProperty("polyfn.messaging.alerts.destination", "device-alerts");
		Path jar = Files.write(dir.resolve("app.jar"), new byte[] { 'P', 'K' });
		Path staging = dir.resolve("app").toAbsolutePath();
		AzurePackager.Packaged packaged = AzurePackager.write(DeploymentPlan.from(properties, "app"), new AppSettings(null), jar, staging);
		Path zip = Files.write(dir.resolve("app-azure.zip"), new byte[] { 'P', 'K' });
		deploy = AzureDeploySummary.of(packaged, zip, staging, dir.toAbsolutePath(), null, null).render();
	}

	@Test
	void a_pubsub_function_is_a_storage_queue_function_on_its_topics_queue() throws IOException {
		JsonNode binding = JsonEvents.parse(Files.readAllBytes(dir.resolve("app/temperatureAlert/function.json"))).get("bindings").get(0);

		assertThat(JsonEvents.text(binding, "type")).isEqualTo("queueTrigger");
		assertThat(JsonEvents.text(binding, "queueName")).isEqualTo("telemetry");
		assertThat(deploy).contains("temperatureAlert (Storage queue trigger, queue 'telemetry' (its pubsub topic")
			.contains("az storage queue create --name telemetry --account-name $STORAGE").doesNotContain("Not deployed on Azure");
	}

	@Test
	void each_published_queue_is_created_once_before_the_deploy() {
		assertThat(deploy).containsOnlyOnce("az storage queue create --name order-results --account-name $STORAGE")
			.containsOnlyOnce("az storage queue create --name device-alerts --account-name $STORAGE");
		assertThat(deploy.indexOf("az storage queue create --name order-results"))
			.isLessThan(deploy.indexOf("az functionapp deployment source config-zip"));
	}

	@Test
	void the_destinations_are_set_as_app_settings_in_one_command() {
		assertThat(deploy).contains("az functionapp config appsettings set --resource-group $RG --name $APP --settings "
				+ "POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION=order-results POLYFN_MESSAGING_ALERTS_DESTINATION=device-alerts");
	}

	@Test
	void the_messaging_section_names_the_encoding_the_topic_as_a_queue_and_the_senders_role() {
		assertThat(deploy).contains("processOrder publishes to the Storage queue 'order-results' (messaging 'order-results')",
				"temperatureAlert publishes to the Storage queue 'device-alerts' (messaging 'alerts', a topic elsewhere: on Azure a"
						+ " Storage queue, one reader per message",
				"POLYFN_MESSAGING_ORDER_RESULTS_MESSAGE_ENCODING=none",
				"--role 'Storage Queue Data Message Sender'");
	}
}
