package dev.polyfn.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment.Trigger;
import dev.polyfn.tencent.events.NormalisedEvent.EventBatch;

class TriggerRoutesTest {

	private final TriggerRoutes routes = new TriggerRoutes(DeploymentPlan.from(plan(), "app"));

	@Test
	void timer_trigger_runs_the_function_it_is_named_after() {
		assertThat(routes.definitionFor(batch(Trigger.SCHEDULE, "cleanupExpired"))).isEqualTo("cleanupExpired");
	}

	@Test
	void cos_bucket_runs_the_function_whose_source_it_is() {
		assertThat(routes.definitionFor(batch(Trigger.STORAGE, "uploads"))).isEqualTo("planThumbnail");
	}

	@Test
	void ckafka_topic_runs_the_function_whose_source_it_is() {
		assertThat(routes.definitionFor(batch(Trigger.QUEUE, "orders"))).isEqualTo("processOrder");
	}

	@Test
	void ckafka_topic_runs_the_pubsub_function_whose_source_it_is_as_the_packaging_now_deploys_pubsub_on_ckafka() {
		assertThat(routes.definitionFor(batch(Trigger.QUEUE, "telemetry"))).isEqualTo("temperatureAlert");
	}

	@Test
	void cmq_topic_runs_the_pubsub_function_whose_source_it_is() {
		assertThat(routes.definitionFor(batch(Trigger.PUBSUB, "telemetry"))).isEqualTo("temperatureAlert");
	}

	@Test
	void unknown_source_has_no_route() {
		assertThat(routes.definitionFor(batch(Trigger.STORAGE, "testpic"))).isNull();
	}

	private static EventBatch batch(Trigger trigger, String source) {
		return new EventBatch(trigger, source, "record", List.of());
	}

	private static Properties plan() {
		Properties p = new Properties();
		p.setProperty("polyfn.deploy.reverse.trigger", "http");
		p.setProperty("polyfn.deploy.processOrder.trigger", "queue");
		p.setProperty("polyfn.deploy.processOrder.source", "orders");
		p.setProperty("polyfn.deploy.planThumbnail.trigger", "storage");
		p.setProperty("polyfn.deploy.planThumbnail.source", "uploads");
		p.setProperty("polyfn.deploy.cleanupExpired.trigger", "schedule");
		p.setProperty("polyfn.deploy.temperatureAlert.trigger", "pubsub");
		p.setProperty("polyfn.deploy.temperatureAlert.source", "telemetry");
		return p;
	}
}
