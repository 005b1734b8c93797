package dev.polyfn.packaging.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.PackagedBuild;

/**
 * Every host.json and function.json the examples' Azure packages hold (Java worker and custom handler), checked
 * against the schemas SchemaStore publishes for them (src/test/resources/vendor-schemas/azure, source and date in its
 * README).
 */
class AzureSchemasTest {

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
	private static final Schema FUNCTION_JSON = REGISTRY
			.getSchema(SchemaLocation.of("classpath:vendor-schemas/azure/azure-function.schema.json"));
	private static final Schema HOST_JSON = REGISTRY
			.getSchema(SchemaLocation.of("classpath:vendor-schemas/azure/azure-host-v2-excerpt.schema.json"));

	@Test
	void every_packaged_descriptor_satisfies_schemastores_schema() throws IOException {
		List<Path> descriptors;
		try (Stream<Path> tree = Files.walk(PackagedBuild.of("azure"), 3)) {
			descriptors = tree.filter(p -> !p.toString().contains("/lib/") && !p.toString().contains("/jre/"))
					.filter(p -> p.getFileName().toString().equals("host.json")
							|| p.getFileName().toString().equals("function.json"))
					.toList();
		}
		List<String> violations = new ArrayList<>();
		for (Path descriptor : descriptors) {
			Schema schema = descriptor.getFileName().toString().equals("host.json") ? HOST_JSON : FUNCTION_JSON;
			for (Error error : schema.validate(JsonEvents.parse(Files.readAllBytes(descriptor)))) {
				violations.add(descriptor.getParent().getFileName() + "/" + descriptor.getFileName() + ": " + error);
			}
		}

		assertThat(descriptors).as("host.json of both packages and their function.json files").hasSizeGreaterThan(9);
		assertThat(violations).isEmpty();
	}

	@Test
	void the_schemas_catch_what_the_host_would_refuse() {
		ObjectNode function = CustomHandlerPackage.functionJson(
				dev.polyfn.core.deploy.DeploymentPlan.from(new java.util.Properties(), "app").get(0),
				new AppSettings(null));
		((ObjectNode) function.get("bindings").get(0)).put("authLevel", "public");
		ObjectNode host = AzurePackager.hostJson(List.of());
		host.put("version", "3.0");

		assertThat(FUNCTION_JSON.validate(function)).isNotEmpty();
		assertThat(HOST_JSON.validate(host)).isNotEmpty();
	}
}
