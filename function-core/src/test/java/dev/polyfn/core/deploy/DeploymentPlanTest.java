package dev.polyfn.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.messaging.MessagingSettings;

class DeploymentPlanTest {

	@Test
	void reads_one_deployment_per_function_with_its_trigger() {
		Properties p = new Properties();
		p.setProperty("polyfn.deploy.memory", "512");
		p.setProperty("polyfn.deploy.processOrder.trigger", "queue");
		p.setProperty("polyfn.deploy.processOrder.source", "orders");
		p.setProperty("polyfn.deploy.cleanupExpired.trigger", "schedule");
		p.setProperty("polyfn.deploy.cleanupExpired.every", "15m");
		p.setProperty("polyfn.deploy.reverse.trigger", "http");
		p.setProperty("polyfn.deploy.reverse.timeout", "10");
		List<FunctionDeployment> plan = DeploymentPlan.from(p, "app");
		assertThat(plan).extracting(FunctionDeployment::name).containsExactly("cleanupExpired", "processOrder", "reverse");
		assertThat(plan.get(0).every()).isEqualTo(Duration.ofMinutes(15));
		assertThat(plan.get(1).source()).isEqualTo("orders");
		assertThat(plan.get(1).memoryMb()).isEqualTo(512);
		assertThat(plan.get(2).timeoutSeconds()).isEqualTo(10);
	}

	@Test
	void without_entries_the_plan_is_one_http_function_running_the_default() {
		List<FunctionDeployment> plan = DeploymentPlan.from(new Properties(), "app");
		assertThat(plan).singleElement().satisfies(d -> {
			assertThat(d.trigger()).isEqualTo(FunctionDeployment.Trigger.HTTP);
			assertThat(d.definition()).isNull();
		});
	}

	@Test
	void an_unknown_trigger_names_the_property() {
		Properties p = new Properties();
		p.setProperty("polyfn.deploy.x.trigger", "carrier-pigeon");
		assertThatThrownBy(() -> DeploymentPlan.from(p, "app")).hasMessageContaining("polyfn.deploy.x.trigger");
	}

	@Test
	void a_functions_messaging_aliases_carry_the_destination_their_setting_names_else_the_alias() {
		Properties p = new Properties();
		p.setProperty("polyfn.deploy.processOrder.trigger", "queue");
		p.setProperty("polyfn.deploy.processOrder.messaging", "order-results, audit");
		p.setProperty("polyfn.messaging.order-results.destination", "results-prod");
		p.setProperty("polyfn.messaging.audit.kind", "topic");

		assertThat(DeploymentPlan.from(p, "app").get(0).messaging()).containsExactly(
				new FunctionDeployment.MessagingUse("order-results", "results-prod", MessagingSettings.Kind.QUEUE),
				new FunctionDeployment.MessagingUse("audit", "audit", MessagingSettings.Kind.TOPIC));
	}

	@Test
	void a_messaging_alias_that_is_no_name_names_the_property() {
		Properties p = new Properties();
		p.setProperty("polyfn.deploy.x.messaging", "Order Results");
		assertThatThrownBy(() -> DeploymentPlan.from(p, "app")).hasMessageContaining("polyfn.deploy.x.messaging");
	}
}
