package dev.polyfn.packaging.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.microsoft.azure.functions.annotation.FunctionName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.PackagedBuild;

/**
 * What {@code mvn -Pazure package} builds for the examples, checked the way the Functions host and the Java
 * worker read it: host.json, and for every function.json a scriptFile that exists and an entryPoint whose class
 * and method are in the packaged jars, with a parameter (or return value) for every binding.
 */
class AzurePackageTest {

	/** function.json binding type → the parameter annotation the worker matches it to by name. */
	private static final Map<String, String> TRIGGER_ANNOTATIONS = Map.of(
			"httpTrigger", "com.microsoft.azure.functions.annotation.HttpTrigger",
			"queueTrigger", "com.microsoft.azure.functions.annotation.QueueTrigger",
			"blobTrigger", "com.microsoft.azure.functions.annotation.BlobTrigger",
			"timerTrigger", "com.microsoft.azure.functions.annotation.TimerTrigger");

	private static Path output;
	private static Path staging;

	@BeforeAll
	static void build() throws IOException {
		output = PackagedBuild.of("azure");
		try (Stream<Path> entries = Files.list(output)) {
			staging = entries.filter(p -> Files.isRegularFile(p.resolve("host.json")))
					.filter(p -> !p.getFileName().toString().endsWith(CustomHandlerPackage.SUFFIX)).findFirst().orElseThrow();
		}
	}

	@Test
	void host_json_declares_version_2_and_the_extension_bundle() {
		JsonNode host = json(staging.resolve("host.json"));

		assertThat(JsonEvents.text(host, "version")).isEqualTo("2.0");
		assertThat(JsonEvents.text(host, "extensionBundle", "id")).isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
		assertThat(JsonEvents.text(host, "extensionBundle", "version")).isEqualTo("[4.*, 5.0.0)");
	}

	@Test
	void every_function_the_examples_deploy_has_its_function_json_with_its_trigger() throws IOException {
		Map<String, String> expected = Map.of("reverse", "httpTrigger", "thumbnail", "httpTrigger",
				"square", "httpTrigger", "processOrder", "queueTrigger", "logStats", "queueTrigger", "temperatureAlert", "queueTrigger",
				"storeThumbnail", "blobTrigger", "cleanupExpired", "timerTrigger");

		assertThat(functionFolders()).containsExactlyInAnyOrderElementsOf(expected.keySet());
		expected.forEach((name, trigger) -> assertThat(
				JsonEvents.text(json(staging.resolve(name).resolve("function.json")).get("bindings").get(0), "type"))
				.as(name).isEqualTo(trigger));
		assertThat(JsonEvents.text(json(staging.resolve("processOrder/function.json")).get("bindings").get(0),
				"queueName")).isEqualTo("orders");
		assertThat(JsonEvents.text(json(staging.resolve("temperatureAlert/function.json")).get("bindings").get(0),
				"queueName")).isEqualTo("telemetry");
		assertThat(JsonEvents.text(json(staging.resolve("storeThumbnail/function.json")).get("bindings").get(0),
				"path")).isEqualTo("uploads/{name}");
		assertThat(JsonEvents.text(json(staging.resolve("cleanupExpired/function.json")).get("bindings").get(0),
				"schedule")).isEqualTo("0 0 * * * *");
		JsonNode http = json(staging.resolve("reverse/function.json")).get("bindings").get(0);
		assertThat(JsonEvents.text(http, "authLevel")).isEqualTo("function");
		assertThat(JsonEvents.text(http, "route")).isEqualTo("reverse");
	}

	@Test
	void every_entry_point_is_a_method_in_the_packaged_jars_with_a_parameter_for_each_binding() throws Exception {
		try (URLClassLoader packaged = packagedClassLoader()) {
			for (String function : functionFolders()) {
				JsonNode json = json(staging.resolve(function).resolve("function.json"));
				String scriptFile = JsonEvents.text(json, "scriptFile");
				assertThat(staging.resolve(function).resolve(scriptFile).normalize()).as(function).isRegularFile();

				String entryPoint = JsonEvents.text(json, "entryPoint");
				int dot = entryPoint.lastIndexOf('.');
				Class<?> handler = Class.forName(entryPoint.substring(0, dot), false, packaged);
				assertThat(handler.getClassLoader()).as("%s comes from the package", entryPoint).isSameAs(packaged);
				Method method = Arrays.stream(handler.getMethods())
						.filter(m -> m.getName().equals(entryPoint.substring(dot + 1))).findFirst().orElseThrow();
				assertThat(method.getAnnotation(packaged.loadClass(FunctionName.class.getName())
						.asSubclass(Annotation.class))).as(entryPoint).isNotNull();

				for (JsonNode binding : json.get("bindings")) {
					String type = JsonEvents.text(binding, "type");
					String name = JsonEvents.text(binding, "name");
					String direction = JsonEvents.text(binding, "direction");
					if (name.equals("$return")) {
						assertThat(direction).isEqualTo("out");
						assertThat(type).isEqualTo("http");
						assertThat(method.getReturnType().getName())
								.isEqualTo("com.microsoft.azure.functions.HttpResponseMessage");
						continue;
					}
					assertThat(direction).as("%s %s", function, name).isEqualTo("in");
					assertThat(annotatedParameter(method, TRIGGER_ANNOTATIONS.get(type), name))
							.as("%s: a parameter annotated %s(name = \"%s\")", entryPoint, type, name).isTrue();
				}
			}
		}
	}

	@Test
	void the_package_carries_the_app_jar_with_its_start_class_and_leaves_the_worker_library_out() throws IOException {
		try (JarFile jar = new JarFile(staging.resolve("polyfn-examples.jar").toFile())) {
			assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
					.isEqualTo("dev.polyfn.examples.ExamplesApplication");
		}
		try (Stream<Path> lib = Files.list(staging.resolve("lib"))) {
			List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
			assertThat(jars).anyMatch(n -> n.startsWith("adapter-azure-")).anyMatch(n -> n.startsWith("function-core-"))
					.noneMatch(n -> n.startsWith("azure-functions-java-"));
		}
	}

	@Test
	void the_zip_holds_the_staging_folder_at_its_root_without_local_settings() throws IOException {
		Path zip = output.resolve("polyfn-examples-azure.zip");
		try (ZipFile archive = new ZipFile(zip.toFile())) {
			List<String> entries = archive.stream().map(e -> e.getName()).toList();
			assertThat(entries).contains("host.json", "polyfn-examples.jar", "reverse/function.json",
					"processOrder/function.json", "storeThumbnail/function.json", "cleanupExpired/function.json")
					.anyMatch(e -> e.startsWith("lib/adapter-azure-"))
					.doesNotContain("local.settings.json");
		}
	}

	@Test
	void deploy_md_names_the_zip_the_functions_and_the_deploy_commands() throws IOException {
		String deploy = Files.readString(output.resolve("DEPLOY.md"));

		assertThat(deploy).contains("polyfn-examples-azure.zip", "polyfn-examples-azure-custom-handler.zip",
				"az functionapp deployment source config-zip", "az storage queue create --name orders",
				"az storage container create --name uploads",
				"processOrder (Storage queue trigger, queue 'orders')", "cleanupExpired (Timer trigger",
				"temperatureAlert (Storage queue trigger, queue 'telemetry'", "az storage queue create --name order-results",
				"az storage queue create --name alerts", "POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION=order-results",
				"POLYFN_MESSAGING_ALERTS_DESTINATION=alerts", "Storage Queue Data Message Sender", AzureDeploySummary.WHICH_FUNCTION_RUNS,
				AzureDeploySummary.WHICH_PACKAGE);
	}

	@Test
	void deploy_md_creates_a_flex_consumption_app_on_a_runtime_azure_offers_and_sets_no_setting_flex_rejects()
			throws IOException {
		String deploy = Files.readString(output.resolve("DEPLOY.md"));
		String runtime = deploy.replaceFirst("(?s).*--runtime java --runtime-version (\\S+).*", "$1");

		assertThat(deploy).contains("--flexconsumption-location $LOCATION --runtime java --runtime-version",
				"--flexconsumption-location $LOCATION --runtime custom", "(checked 2026-12-01)");
		assertThat(dev.polyfn.packaging.CloudRuntimes.requireUsable("azure", runtime, "DEPLOY.md").java())
				.isGreaterThanOrEqualTo(17);
		// Flex Consumption refuses both as app settings; the plan before it is being retired.
		assertThat(deploy).doesNotContain("WEBSITE_RUN_FROM_PACKAGE", "FUNCTIONS_WORKER_RUNTIME",
				"--consumption-plan-location");
	}

	private static boolean annotatedParameter(Method method, String annotationType, String name) throws Exception {
		for (Parameter parameter : method.getParameters()) {
			for (Annotation annotation : parameter.getAnnotations()) {
				if (annotation.annotationType().getName().equals(annotationType)
						&& name.equals(annotation.annotationType().getMethod("name").invoke(annotation))) {
					return true;
				}
			}
		}
		return false;
	}

	/** The packaged jars alone, plus the library the Java worker provides; nothing from this test's class path. */
	private static URLClassLoader packagedClassLoader() throws IOException {
		List<URL> urls = new ArrayList<>();
		urls.add(staging.resolve("polyfn-examples.jar").toUri().toURL());
		try (Stream<Path> lib = Files.list(staging.resolve("lib"))) {
			for (Path jar : lib.filter(p -> p.toString().endsWith(".jar")).toList()) {
				urls.add(jar.toUri().toURL());
			}
		}
		urls.add(FunctionName.class.getProtectionDomain().getCodeSource().getLocation());
		urls.add(com.microsoft.azure.functions.ExecutionContext.class.getProtectionDomain().getCodeSource()
				.getLocation());
		return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

	private static List<String> functionFolders() throws IOException {
		try (Stream<Path> entries = Files.list(staging)) {
			return entries.filter(p -> Files.isRegularFile(p.resolve("function.json")))
					.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	private static JsonNode json(Path file) {
		try {
			return JsonEvents.parse(Files.readAllBytes(file));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
