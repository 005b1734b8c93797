package dev.polyfn.packaging.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.CloudRuntimes;

class GcpPackagerTest {

	private static List<String> commandsFor(String... properties) {
		Properties p = new Properties();
		for (int i = 0; i < properties.length; i += 2) {
			p.setProperty(properties[i], properties[i + 1]);
		}
		List<FunctionDeployment> plan = DeploymentPlan.from(p, "app");
		return GcpPackager.commands(plan, "target/polyfn/gcp/source", CloudRuntimes.target("gcp", null));
	}

	@Test
	void an_http_function_deploys_the_http_entry_point_with_its_definition() {
		assertThat(commandsFor("polyfn.deploy.reverse.trigger", "http", "polyfn.deploy.memory", "512"))
				.contains("gcloud run deploy reverse --source=target/polyfn/gcp/source"
						+ " --function=dev.polyfn.gcp.GcpHttpFunction --base-image=java25 --region=$REGION"
						+ " --no-allow-unauthenticated --memory=512Mi --timeout=30s"
						+ " --set-env-vars=SPRING_CLOUD_FUNCTION_DEFINITION=reverse");
	}

	@Test
	void a_queue_function_listens_to_its_pubsub_topic_through_the_cloud_events_entry_point() {
		List<String> commands = commandsFor("polyfn.deploy.processOrder.trigger", "queue",
				"polyfn.deploy.processOrder.source", "orders");

		assertThat(commands).anyMatch(c -> c.startsWith("gcloud run deploy process-order ")
				&& c.contains(" --function=dev.polyfn.gcp.GcpCloudEventsFunction ")
				&& c.endsWith("SPRING_CLOUD_FUNCTION_DEFINITION=processOrder"));
		assertThat(commands).contains("gcloud eventarc triggers create process-order-trigger --location=$REGION"
				+ " --destination-run-service=process-order --destination-run-region=$REGION"
				+ " --event-filters=type=google.cloud.pubsub.topic.v1.messagePublished"
				+ " --transport-topic=projects/$PROJECT/topics/orders --service-account=$TRIGGER_SA");
		assertThat(commands).contains("gcloud pubsub topics describe orders >/dev/null 2>&1"
				+ " || gcloud pubsub topics create orders");
	}

	@Test
	void a_storage_function_filters_finalized_objects_of_its_bucket() {
		assertThat(commandsFor("polyfn.deploy.planThumbnail.trigger", "storage", "polyfn.deploy.planThumbnail.source",
				"uploads")).anyMatch(c -> c.contains(
						" --event-filters=type=google.cloud.storage.object.v1.finalized"
								+ " --event-filters=bucket=uploads "));
	}

	@Test
	void a_scheduled_function_gets_a_topic_and_a_cloud_scheduler_job_marking_its_ticks() {
		List<String> commands = commandsFor("polyfn.deploy.cleanupExpired.trigger", "schedule",
				"polyfn.deploy.cleanupExpired.every", "1h");

		assertThat(commands).anyMatch(c -> c.contains("triggers create cleanup-expired-trigger ")
				&& c.contains("--transport-topic=projects/$PROJECT/topics/cleanup-expired-tick"));
		assertThat(commands).contains("gcloud scheduler jobs create pubsub cleanup-expired-schedule --location=$REGION"
				+ " --schedule=\"0 * * * *\" --topic=cleanup-expired-tick --message-body=tick"
				+ " --attributes=polyfn-schedule=cleanup-expired");
	}

	@Test
	void a_composed_definition_is_quoted_for_the_shell_and_uses_pipes() {
		assertThat(commandsFor("polyfn.deploy.shout.definition", "uppercase,reverse"))
				.anyMatch(c -> c.endsWith("--set-env-vars=SPRING_CLOUD_FUNCTION_DEFINITION='uppercase|reverse'"));
	}
}
