package dev.polyfn.packaging.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
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
 * The {@code inputs} of both generated {@code serverless.yml} files against the rules Serverless Inc. validates
 * {@code scf} component inputs with (tencent-types {@code scf@0.0.4.yml}, translated by {@link ScfComponentTypes};
 * see {@code vendor-schemas/<cloud>/README.md} for commit and date). "Errors" are the rules that stop {@code sls deploy};
 * "warnings" adds the rules at {@code level: warning}, which only print a message.
 *
 * <p>The Serverless Framework replaces {@code ${env:..}} from {@code .env} or the shell before the component and
 * its checks see the inputs, so the test does the same with sample values and fails if any {@code ${..}} is left.
 *
 * <p>The {@code runtime} rule is checked on its own, in the disabled test below: its allow-list predates SCF's
 * Java 11 runtime, and the runtime polyfn writes is being changed on another branch (issue 13).
 */
class ServerlessYamlTypesTest {

	private static final JsonNode TYPES = ScfComponentTypes.read();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	static final Schema ERRORS = REGISTRY.getSchema(ScfComponentTypes.inputsSchema(TYPES, false));

	static final Schema WARNINGS = REGISTRY.getSchema(ScfComponentTypes.inputsSchema(TYPES, true));

	/**
	 * What a user's .env holds (region and CKafka instance as in the scf component's docs/configure.md; the storage
	 * role's name; the CKafka instance's VPC access point, VPC and subnet for the functions that publish).
	 */
	static final Map<String, String> ENV = Map.of("REGION", "ap-guangzhou", "TENCENT_APP_ID", "1250000000",
			"CKAFKA_INSTANCE_ID", "ckafka-2o10hua5", "SCF_STORAGE_ROLE", "polyfn-storage",
			"CKAFKA_BOOTSTRAP_SERVERS", "10.0.0.12:9092", "CKAFKA_VPC_ID", "vpc-2ari9m7h", "CKAFKA_SUBNET_ID", "subnet-3lzrkspo");

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	@Test
	void event_function_inputs_for_every_trigger_pass_the_scf_component_rules() {
		List<FunctionDeployment> plan = SamplePlans.everyTrigger();
		assertThat(plan).extracting(FunctionDeployment::trigger)
				.containsExactlyInAnyOrderElementsOf(EnumSet.allOf(FunctionDeployment.Trigger.class));

		ObjectNode inputs = inputsWithoutRuntime(eventYml(plan));

		assertThat(inputs.path("events")).extracting(event -> event.propertyNames().iterator().next())
				.containsExactlyInAnyOrder("apigw", "ckafka", "cos", "timer", "ckafka");
		assertThat(violations(ERRORS, inputs)).isEmpty();
		assertThat(violations(WARNINGS, inputs)).isEmpty();
	}

	@Test
	void web_function_inputs_pass_the_scf_component_rules() {
		ObjectNode inputs = inputsWithoutRuntime(webYml(SamplePlans.everyTrigger()));

		assertThat(inputs.path("type").asString()).isEqualTo("web");
		assertThat(violations(ERRORS, inputs)).isEmpty();
		assertThat(violations(WARNINGS, inputs)).isEmpty();
	}

	@Test
	void packaged_serverless_yml_files_pass_the_scf_component_rules() throws IOException {
		Path out = PackagedBuild.of("tencent");

		for (String file : List.of("event-function/serverless.yml", "web-function/serverless.yml")) {
			ObjectNode inputs = inputsWithoutRuntime(Files.readString(out.resolve(file)));

			assertThat(violations(ERRORS, inputs)).as(file).isEmpty();
			assertThat(violations(WARNINGS, inputs)).as(file).isEmpty();
		}
	}

	@Test
	void event_function_runtime_is_one_the_scf_component_rules_allow() {
		assertThat(violations(ERRORS, inputs(eventYml(SamplePlans.everyTrigger())))).isEmpty();
	}

	@Test
	void web_function_runtime_is_the_java_11_image_which_the_dated_rules_predate() {
		// The rules (scf@0.0.4, Java8 and CustomRuntime only) predate SCF's Java 11 runtime, which SCF's own
		// runtime list (583/67366, checked 2026-12-01) offers; the web function names that image and starts the
		// bundled JRE from scf_bootstrap. Everything but the runtime passes the rules (see the test above it).
		assertThat(violations(ERRORS, inputs(webYml(SamplePlans.everyTrigger()))))
				.singleElement().asString().contains("runtime");
	}

	@Test
	void the_rules_reject_an_api_gateway_environment_scf_does_not_have() {
		ObjectNode inputs = inputsWithoutRuntime(eventYml(List.of(SamplePlans.function("reverse", "http"))));
		((ObjectNode) inputs.path("events").get(0).path("apigw").path("parameters")).put("environment", "production");

		assertThat(violations(ERRORS, inputs)).singleElement().asString().contains("environment", "release");
	}

	@Test
	void the_rules_reject_a_timer_without_a_cron_expression() {
		ObjectNode inputs = inputsWithoutRuntime(eventYml(List.of(SamplePlans.function("cleanupExpired", "schedule"))));
		((ObjectNode) inputs.path("events").get(0).path("timer").path("parameters")).remove("cronExpression");

		assertThat(violations(ERRORS, inputs)).singleElement().asString().contains("cronExpression");
	}

	@Test
	void the_rules_reject_a_function_name_that_starts_with_a_digit() {
		ObjectNode inputs = inputsWithoutRuntime(webYml(List.of(SamplePlans.function("reverse", "http"))));
		inputs.put("name", "1-reverse");

		assertThat(violations(ERRORS, inputs)).singleElement().asString().contains("name", "pattern");
	}

	@Test
	void a_memory_size_below_64_mb_is_only_a_warning() {
		ObjectNode inputs = inputsWithoutRuntime(webYml(List.of(SamplePlans.function("reverse", "http"))));
		inputs.put("memorySize", 32);

		assertThat(violations(ERRORS, inputs)).isEmpty();
		assertThat(violations(WARNINGS, inputs)).singleElement().asString().contains("memorySize", "64");
	}

	@Test
	void a_rule_kind_the_translation_does_not_know_fails_it() {
		JsonNode types = YAML.readTree("inputs:\n  name:\n    type: string\n    maxBytes: 60\n");

		assertThatIllegalArgumentException().isThrownBy(() -> ScfComponentTypes.inputsSchema(types, false))
				.withMessageContaining("maxBytes");
	}

	/** The one place the event function's renderer is called, so a signature change is one line here. */
	private static String eventYml(List<FunctionDeployment> plan) {
		return ServerlessYaml.eventFunction("order-service", plan, CloudRuntimes.target("tencent", null));
	}

	/** The one place the web function's renderer is called. */
	private static String webYml(List<FunctionDeployment> plan) {
		return ServerlessYaml.webFunction("order-service", plan, CloudRuntimes.target("tencent-web", null));
	}

	/** The inputs as the component receives them: {@code ${env:..}} replaced, as {@code sls deploy} does. */
	static ObjectNode inputs(String yml) {
		String text = yml;
		for (Map.Entry<String, String> variable : ENV.entrySet()) {
			text = text.replace("${env:" + variable.getKey() + "}", variable.getValue());
		}
		JsonNode project = YAML.readTree(text);
		assertThat(project.path("component").asString()).isEqualTo("scf");
		assertThat(project.path("inputs").toString()).as("unresolved variables").doesNotContain("${");
		return (ObjectNode) project.path("inputs");
	}

	static ObjectNode inputsWithoutRuntime(String yml) {
		ObjectNode inputs = inputs(yml);
		assertThat(inputs.path("runtime").isString()).as("runtime is written").isTrue();
		inputs.remove("runtime");
		return inputs;
	}

	static List<String> violations(Schema schema, JsonNode inputs) {
		List<String> found = new ArrayList<>();
		for (Error error : schema.validate(inputs)) {
			found.add(error.toString());
		}
		return found;
	}
}
