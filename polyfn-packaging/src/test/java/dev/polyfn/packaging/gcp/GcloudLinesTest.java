package dev.polyfn.packaging.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.packaging.CloudRuntime;
import dev.polyfn.packaging.CloudRuntimes;

/** Every gcloud line polyfn prints passes the installed Google Cloud CLI's own flag list. */
class GcloudLinesTest {

	private static final Properties EVERY_TRIGGER = properties(
			"polyfn.deploy.reverse.trigger", "http",
			"polyfn.deploy.processOrder.trigger", "queue", "polyfn.deploy.processOrder.source", "orders",
			"polyfn.deploy.planThumbnail.trigger", "storage", "polyfn.deploy.planThumbnail.source", "uploads",
			"polyfn.deploy.planThumbnail.storage", "uploads",
			"polyfn.deploy.cleanupExpired.trigger", "schedule", "polyfn.deploy.cleanupExpired.every", "1h",
			"polyfn.deploy.temperatureAlert.trigger", "pubsub", "polyfn.deploy.temperatureAlert.source", "readings",
			"polyfn.deploy.shout.definition", "uppercase,reverse",
			"polyfn.deploy.processOrder.messaging", "order-results",
			"polyfn.deploy.temperatureAlert.messaging", "alerts", "polyfn.messaging.alerts.kind", "topic");

	@Test
	void commands_for_every_trigger_use_only_flags_gcloud_documents() {
		List<String> commands = GcpPackager.commands(DeploymentPlan.from(EVERY_TRIGGER, "app"), "source",
				CloudRuntimes.target("gcp", null));
		assertThat(commands.stream().flatMap(c -> GcloudFlagCheck.problems(c).stream())).isEmpty();
	}

	@Test
	void a_function_that_publishes_gets_its_topic_the_publisher_role_and_the_topic_s_full_name() {
		List<String> commands = GcpPackager.commands(DeploymentPlan.from(EVERY_TRIGGER, "app"), "source",
				CloudRuntimes.target("gcp", null));

		assertThat(commands).contains(
				"gcloud pubsub topics describe order-results >/dev/null 2>&1 || gcloud pubsub topics create order-results",
				"gcloud pubsub subscriptions describe order-results-sub >/dev/null 2>&1 || gcloud pubsub subscriptions create "
						+ "order-results-sub --topic=order-results",
				"gcloud pubsub topics add-iam-policy-binding order-results --member=serviceAccount:${RUN_SA:-$TRIGGER_SA} "
						+ "--role=roles/pubsub.publisher",
				"gcloud pubsub topics add-iam-policy-binding alerts --member=serviceAccount:${RUN_SA:-$TRIGGER_SA} "
						+ "--role=roles/pubsub.publisher");
		// a topic's own subscribers consume it: the plan makes no subscription for one
		assertThat(commands).noneMatch(c -> c.contains("subscriptions create alerts"));
		assertThat(commands).filteredOn(c -> c.startsWith("gcloud run deploy process-order "))
			.singleElement().asString().contains("POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION=projects/$PROJECT/topics/order-results");
		assertThat(commands).filteredOn(c -> c.startsWith("gcloud run deploy temperature-alert "))
			.singleElement().asString().contains("POLYFN_MESSAGING_ALERTS_DESTINATION=projects/$PROJECT/topics/alerts");
	}

	@Test
	void the_check_catches_a_flag_the_command_does_not_have() {
		assertThat(GcloudFlagCheck.problems("gcloud run deploy reverse --gen2 --source=source"))
				.containsExactly("gcloud run deploy has no flag --gen2 (in: gcloud run deploy reverse --gen2 --source=source)");
	}

	@Test
	void every_gcloud_line_of_the_packaged_deploy_md_and_deploy_sh_passes_the_check() throws Exception {
		Path out = PackagedBuild.of("gcp");
		List<String> lines = gcloudLines(out.resolve("DEPLOY.md"));
		lines.addAll(gcloudLines(out.resolve("deploy.sh")));
		assertThat(lines).anyMatch(l -> l.startsWith("gcloud run deploy "));
		assertThat(lines.stream().flatMap(l -> GcloudFlagCheck.problems(l).stream())).isEmpty();
	}

	@Test
	void every_gcloud_line_of_the_readme_passes_the_check() throws Exception {
		Path readme = PackagedBuild.projectRoot().resolve("README.md");
		List<String> lines = gcloudLines(readme);
		assertThat(lines).anyMatch(l -> l.startsWith("gcloud run deploy "));
		// New functions are Cloud Run functions; gcloud functions deploy is documented for existing ones only.
		assertThat(Files.readString(readme)).doesNotContain("gcloud functions deploy");
		assertThat(lines.stream().flatMap(l -> GcloudFlagCheck.problems(l).stream())).isEmpty();
	}

	@Test
	void packaged_commands_name_a_base_image_google_offers_for_new_functions() throws Exception {
		String deploy = Files.readString(PackagedBuild.of("gcp").resolve("deploy.sh"));
		var images = java.util.regex.Pattern.compile("--base-image=(\\S+)").matcher(deploy);
		int named = 0;
		while (images.find()) {
			CloudRuntime runtime = CloudRuntimes.requireUsable("gcp", images.group(1), "deploy.sh");
			assertThat(runtime.java()).isGreaterThanOrEqualTo(CloudRuntimes.MINIMUM_JAVA);
			named++;
		}
		assertThat(named).isPositive();
		assertThat(deploy).doesNotContain("gcloud functions deploy");
	}

	/** Lines that call gcloud, with shell line continuations joined. */
	private static List<String> gcloudLines(Path file) throws Exception {
		List<String> lines = new ArrayList<>();
		String text = Files.readString(file).replace("\\\n", " ");
		for (String line : text.split("\n")) {
			String trimmed = line.trim().replaceFirst("^\\$ ", "");
			if (trimmed.startsWith("gcloud ")) {
				lines.add(trimmed);
			}
		}
		return lines;
	}

	private static Properties properties(String... keyValues) {
		Properties properties = new Properties();
		for (int i = 0; i < keyValues.length; i += 2) {
			properties.setProperty(keyValues[i], keyValues[i + 1]);
		}
		return properties;
	}
}
