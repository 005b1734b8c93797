package dev.polyfn.packaging.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.packaging.SamplePlans;

/**
 * The {@code props} of every {@code fc3} resource in the generated {@code s.yaml}, checked against the JSON schema
 * the fc3 component publishes (devsapp/fc3 {@code src/schema.json}, stored under {@code vendor-schemas/<cloud>/}; see the
 * README there for commit and date).
 *
 * <p>Serverless Devs replaces {@code ${vars.*}} and {@code ${config('AccountID')}} before the component sees the
 * props, so the test does the same (the region from the file's own {@code vars}, a made-up account id) and fails if
 * any {@code ${...}} is left. The schema's {@code triggerConfig} is an {@code anyOf} that includes the bare
 * {@code IOtsConfig} ({@code "type": "object"}), so any object passes it; each trigger's config is therefore also
 * checked against the schema's own definition for its {@code triggerType}.
 */
class ServerlessDevsSchemaTest {

	private static final String SCHEMA = "classpath:vendor-schemas/aliyun/fc3-props.schema.json";

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	private static final Schema PROPS = REGISTRY.getSchema(SchemaLocation.of(SCHEMA));

	/** The schema definition for each trigger type (ITrigger.triggerConfig's anyOf, matched by name). */
	private static final Map<String, String> TRIGGER_CONFIG = Map.of("http", "IHttpTriggerConfig", "oss",
			"IOssTriggerConfig", "timer", "ITimerTriggerConfig", "mns_topic", "IMnsTriggerConfig", "log",
			"ILogTriggerConfig", "cdn_events", "ICdnTriggerConfig", "eventbridge", "IEventBridge", "tablestore",
			"IOtsConfig");

	private static final String ACCOUNT_ID = "1234567890123456";

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	@Test
	void every_trigger_s_plan_renders_props_the_fc3_schema_accepts() {
		List<FunctionDeployment> plan = SamplePlans.everyTrigger();
		assertThat(plan).extracting(FunctionDeployment::trigger)
				.containsExactlyInAnyOrderElementsOf(EnumSet.allOf(FunctionDeployment.Trigger.class));

		JsonNode project = resolved(render(plan));

		assertThat(resources(project)).hasSize(plan.size());
		assertThat(violations(project)).isEmpty();
	}

	@Test
	void every_trigger_config_matches_the_schema_definition_for_its_trigger_type() {
		JsonNode project = resolved(render(SamplePlans.everyTrigger()));

		List<String> types = new ArrayList<>();
		for (JsonNode props : resources(project)) {
			for (JsonNode trigger : props.path("triggers")) {
				types.add(trigger.path("triggerType").asString());
			}
		}

		assertThat(types).containsExactlyInAnyOrder("http", "oss", "timer", "mns_topic", "mns_topic");
		assertThat(triggerConfigViolations(project)).isEmpty();
	}

	@Test
	void functions_that_publish_render_props_the_fc3_schema_accepts() {
		java.util.Properties properties = new java.util.Properties();
		properties.setProperty("polyfn.deploy.processOrder.trigger", "queue");
		properties.setProperty("polyfn.deploy.processOrder.source", "orders");
		properties.setProperty("polyfn.deploy.processOrder.messaging", "order-results");
		properties.setProperty("polyfn.deploy.temperatureAlert.trigger", "pubsub");
		properties.setProperty("polyfn.deploy.temperatureAlert.source", "telemetry");
		properties.setProperty("polyfn.deploy.temperatureAlert.messaging", "alerts");
		properties.setProperty("polyfn.messaging.alerts.kind", "topic");

		JsonNode project = resolved(render(dev.polyfn.core.deploy.DeploymentPlan.from(properties, "order-service")));

		assertThat(resources(project)).hasSize(2).allSatisfy(props -> assertThat(props.path("role").asString()).endsWith(":role/order-service-messaging"));
		assertThat(violations(project)).isEmpty();
	}

	@Test
	void packaged_s_yaml_props_conform_to_the_fc3_schema() throws IOException {
		Path sYaml = PackagedBuild.of("aliyun").resolve("s.yaml");

		JsonNode project = resolved(Files.readString(sYaml));

		assertThat(resources(project)).isNotEmpty();
		assertThat(violations(project)).isEmpty();
		assertThat(triggerConfigViolations(project)).isEmpty();
	}

	@Test
	void the_schema_rejects_an_http_trigger_with_an_unknown_auth_type() {
		JsonNode project = resolved(render(List.of(SamplePlans.function("reverse", "http"))));
		ObjectNode config = (ObjectNode) resources(project).get(0).path("triggers").get(0).path("triggerConfig");
		config.put("authType", "public");

		assertThat(triggerConfigViolations(project)).singleElement().asString().contains("authType", "anonymous");
	}

	@Test
	void the_schema_rejects_a_memory_size_that_is_not_a_number_of_megabytes() {
		JsonNode project = resolved(render(List.of(SamplePlans.function("reverse", "http"))));
		((ObjectNode) resources(project).get(0)).put("memorySize", "1GB");

		assertThat(violations(project)).singleElement().asString().contains("memorySize", "integer");
	}

	@Test
	void the_schema_rejects_a_runtime_fc_does_not_offer() {
		JsonNode project = resolved(render(List.of(SamplePlans.function("reverse", "http"))));
		((ObjectNode) resources(project).get(0)).put("runtime", "java17");

		assertThat(violations(project)).singleElement().asString().contains("runtime");
	}

	/** The one place the renderer is called, so a change of its signature is a one-line change here. */
	private static String render(List<FunctionDeployment> plan) {
		return ServerlessDevsYaml.render("order-service", "order-service-aliyun.zip", CloudRuntimes.target("aliyun", null), plan);
	}

	/** The project as fc3 receives it: magic variables replaced, as {@code s deploy} does before calling it. */
	private static JsonNode resolved(String sYaml) {
		JsonNode vars = YAML.readTree(sYaml).path("vars");
		String text = sYaml.replace("${config('AccountID')}", ACCOUNT_ID);
		for (Map.Entry<String, JsonNode> var : vars.properties()) {
			text = text.replace("${vars." + var.getKey() + "}", var.getValue().asString());
		}
		JsonNode project = YAML.readTree(text);
		assertThat(project.path("resources").toString()).as("unresolved variables").doesNotContain("${");
		return project;
	}

	private static List<JsonNode> resources(JsonNode project) {
		List<JsonNode> props = new ArrayList<>();
		for (Map.Entry<String, JsonNode> resource : project.path("resources").properties()) {
			assertThat(resource.getValue().path("component").asString()).isEqualTo("fc3");
			props.add(resource.getValue().path("props"));
		}
		return props;
	}

	private static List<String> violations(JsonNode project) {
		List<String> found = new ArrayList<>();
		for (JsonNode props : resources(project)) {
			for (Error error : PROPS.validate(props)) {
				found.add(props.path("functionName").asString() + ": " + error);
			}
		}
		return found;
	}

	private static List<String> triggerConfigViolations(JsonNode project) {
		List<String> found = new ArrayList<>();
		for (JsonNode props : resources(project)) {
			for (JsonNode trigger : props.path("triggers")) {
				String type = trigger.path("triggerType").asString();
				assertThat(TRIGGER_CONFIG).as("trigger types the schema defines").containsKey(type);
				Schema config = REGISTRY.getSchema(SchemaLocation.of(SCHEMA + "#/definitions/" + TRIGGER_CONFIG.get(type)));
				for (Error error : config.validate(trigger.path("triggerConfig"))) {
					found.add(props.path("functionName").asString() + " " + type + " trigger: " + error);
				}
			}
		}
		return found;
	}
}
