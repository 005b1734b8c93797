package dev.polyfn.packaging.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.polyfn.packaging.CloudRuntimes;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The descriptors for a build that names its image and a function definition. */
class ContainerDescriptorsTest {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final ContainerSettings SHOP = ContainerSettings.from(
			properties("polyfn.container.image", "europe-docker.pkg.dev/acme/shop/orders:1.4.0", "polyfn.container.memory", "512Mi"),
			properties("spring.cloud.function.definition", "uppercase,reverse"), "shopApp", "1.4.0");

	@Test
	void the_configured_image_and_definition_reach_service_yaml() {
		JsonNode container = YAML.readTree(KnativeService.yaml(SHOP)).at("/spec/template/spec/containers/0");
		assertThat(YAML.readTree(KnativeService.yaml(SHOP)).at("/metadata/name").asString()).isEqualTo("shop-app");
		assertThat(container.at("/image").asString()).isEqualTo("europe-docker.pkg.dev/acme/shop/orders:1.4.0");
		assertThat(container.at("/env/0/name").asString()).isEqualTo("SPRING_CLOUD_FUNCTION_DEFINITION");
		assertThat(container.at("/env/0/value").asString()).isEqualTo("uppercase,reverse");
		assertThat(container.at("/resources/limits/memory").asString()).isEqualTo("512Mi");
	}

	@Test
	void the_openfaas_image_is_a_tag_of_its_own_beside_the_configured_one() {
		assertThat(SHOP.openFaasImage()).isEqualTo("europe-docker.pkg.dev/acme/shop/orders-openfaas:1.4.0");
		ContainerImage image = new ContainerImage(CloudRuntimes.target("container", null), "shop.jar");
		JsonNode function = YAML.readTree(new OpenFaasStack(SHOP, image).yaml()).at("/functions/shop-app");
		assertThat(function.at("/image").asString()).isEqualTo(SHOP.openFaasImage());
		assertThat(function.at("/environment/SPRING_CLOUD_FUNCTION_DEFINITION").asString()).isEqualTo("uppercase,reverse");
	}

	@Test
	void the_cloud_run_line_sets_the_definition_with_pipes_since_gcloud_splits_at_commas() {
		assertThat(ContainerPackager.cloudRunCommands(SHOP).get(1))
			.isEqualTo("gcloud run deploy shop-app --image=europe-docker.pkg.dev/acme/shop/orders:1.4.0 --port=8080"
					+ " --region=$REGION --memory=512Mi --no-allow-unauthenticated"
					+ " --set-env-vars=SPRING_CLOUD_FUNCTION_DEFINITION=uppercase|reverse");
	}

	@Test
	void without_an_image_the_descriptors_name_a_placeholder_to_replace() {
		ContainerSettings unset = ContainerSettings.from(new Properties(), new Properties(), "polyfn-examples", "0.1.0-SNAPSHOT");
		assertThat(unset.image()).isEqualTo("REGISTRY/polyfn-examples:0.1.0-snapshot");
		assertThat(unset.imageConfigured()).isFalse();
		assertThat(KnativeService.yaml(unset)).contains("# Replace REGISTRY/...");
	}

	@Test
	void the_service_is_named_after_the_jar_without_the_version_maven_appends() {
		assertThat(ContainerSettings.from(new Properties(), new Properties(), "shop-1.0.0", "1.0.0").name()).isEqualTo("shop");
	}

	private static Properties properties(String... keyValues) {
		Properties properties = new Properties();
		for (int i = 0; i < keyValues.length; i += 2) {
			properties.setProperty(keyValues[i], keyValues[i + 1]);
		}
		return properties;
	}
}
