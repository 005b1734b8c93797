package dev.polyfn.packaging.azure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.packaging.AheadOfTime;
import dev.polyfn.packaging.DeploySummary;
import dev.polyfn.packaging.FileTrees;
import dev.polyfn.packaging.PlanFromBeans;

/**
 * {@code mvn -Pazure package}: turns the application's jar and its runtime dependencies into an Azure Functions
 * (Java) app, the layout azure-functions-maven-plugin produces, without the network or an Azure login:
 *
 * <pre>
 * target/polyfn/azure/
 *   &lt;app&gt;/                    the staging folder: func azure functionapp publish runs here
 *     host.json                 version 2.0 + extension bundle [4.*, 5.0.0)
 *     &lt;function&gt;/function.json  one per deployed function (polyfn.deploy.* in application.properties)
 *     &lt;app&gt;.jar                 the application (scriptFile)
 *     lib/                      its runtime dependencies, polyfn's adapter with the entry points among them
 *     local.settings.json       for func start / func publish only; not in the ZIP
 *   &lt;app&gt;-azure.zip           the staging folder for zip deploy (Java worker: text and JSON over HTTP, events)
 *   &lt;app&gt;-custom-handler/     the HTTP functions as a custom handler (binary bodies byte for byte)
 *   &lt;app&gt;-azure-custom-handler.zip  that folder for zip deploy
 *   DEPLOY.md                   what was built and how to deploy it (also printed)
 * </pre>
 *
 * The official plugin is not used: it only scans the project's own classes for {@code @FunctionName}, so it
 * cannot see the entry points this adapter ships, and it needs azure-functions-java-library in compile scope.
 *
 * <p>Arguments: the classes folder, the application jar, the staging folder (lib/ already filled), the output
 * folder, and the module folder (paths in the summary are relative to it, as {@code cd} there shows them).
 */
public final class AzurePackager {

	static final String EXTENSION_BUNDLE = "Microsoft.Azure.Functions.ExtensionBundle";
	static final String EXTENSION_BUNDLE_VERSION = "[4.*, 5.0.0)";
	static final String FALLBACK_FUNCTION = "polyfn";

	private AzurePackager() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length != 5) {
			throw new IllegalArgumentException(
					"Usage: AzurePackager <classes dir> <application jar> <staging dir> <output dir> <module dir>");
		}
		Path classes = Paths.get(args[0]);
		Path jar = Paths.get(args[1]);
		Path staging = Paths.get(args[2]);
		Path output = Paths.get(args[3]);
		Path base = Paths.get(args[4]).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The application jar " + jar + " is missing; run the package phase");
		}
		List<FunctionDeployment> plan = PlanFromBeans.fromClassesDir(classes, FALLBACK_FUNCTION);
		Packaged packaged = write(plan, AppSettings.fromClassesDir(classes), jar, staging);
		// Added to the staged copy: the module's own jar stays a plain jar (a dependency of other modules).
		String startUp = AheadOfTime.addToPackage(staging.resolve(packaged.jarName()), "azure",
				jar.resolveSibling("polyfn-aot/azure"));
		Path zip = zip(staging, output.resolve(staging.getFileName() + "-azure.zip"));
		CustomHandlerPackage.Written customHandler = null;
		Path customHandlerZip = null;
		if (CustomHandlerPackage.hasHttp(plan)) {
			customHandler = CustomHandlerPackage.write(plan, packaged.app(), staging.resolve(packaged.jarName()),
					staging.resolve("lib"), output.resolve(staging.getFileName() + CustomHandlerPackage.SUFFIX),
					packaged.app().bundleJre(),
					!"false".equalsIgnoreCase(System.getProperty("polyfn.azure.cds", "true").trim()));
			customHandlerZip = CustomHandlerPackage.zip(customHandler,
					output.resolve(staging.getFileName() + "-azure" + CustomHandlerPackage.SUFFIX + ".zip"));
		}
		AzureDeploySummary.of(packaged, zip, staging, base, customHandler, customHandlerZip).fact("Start-up", startUp)
				.writeAndPrint(output);
	}

	/** What the staging folder holds: deployed functions and those left out (with the reason). */
	record Packaged(String appName, String jarName, AppSettings app, List<FunctionDeployment> deployed,
			List<String> skipped) {
	}

	static Packaged write(List<FunctionDeployment> plan, AppSettings app, Path jar, Path staging) throws IOException {
		Files.createDirectories(staging);
		removeOldFunctions(staging);
		String jarName = jar.getFileName().toString();
		Files.copy(jar, staging.resolve(jarName), StandardCopyOption.REPLACE_EXISTING);
		writeJson(staging.resolve("host.json"), hostJson(plan));
		writeJson(staging.resolve("local.settings.json"), localSettings());
		List<FunctionDeployment> deployed = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (FunctionDeployment function : plan) {
			if (!AzureTriggers.supports(function.trigger())) {
				skipped.add(function.name() + " (" + function.trigger().name().toLowerCase(java.util.Locale.ROOT)
						+ " trigger: no Azure Storage equivalent; use trigger=queue for Azure)");
				continue;
			}
			AzureTriggers trigger = AzureTriggers.of(function.trigger());
			ObjectNode json = FunctionJsonFactory.functionJson("../" + jarName, trigger.entryPointName(),
					trigger.entryPoint(), trigger.attributes(function, app));
			Path folder = staging.resolve(function.name());
			Files.createDirectories(folder);
			writeJson(folder.resolve("function.json"), json);
			deployed.add(function);
		}
		String appName = staging.getFileName().toString();
		return new Packaged(appName, jarName, app, deployed, skipped);
	}

	static ObjectNode hostJson(List<FunctionDeployment> plan) {
		ObjectNode host = JsonEvents.object();
		host.put("version", "2.0");
		ObjectNode bundle = host.putObject("extensionBundle");
		bundle.put("id", EXTENSION_BUNDLE);
		bundle.put("version", EXTENSION_BUNDLE_VERSION);
		int timeout = plan.stream().mapToInt(FunctionDeployment::timeoutSeconds).max()
				.orElse(DeploymentPlan.DEFAULT_TIMEOUT_SECONDS);
		// One timeout for the whole app: the longest any function asks for.
		host.put("functionTimeout", String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", timeout / 3600,
				(timeout % 3600) / 60, timeout % 60));
		ObjectNode extensions = host.putObject("extensions");
		extensions.putObject("http").put("routePrefix", "api");
		// Plain-text messages (az storage message put, the portal, most producers) instead of the default base64.
		extensions.putObject("queues").put("messageEncoding", "none");
		return host;
	}

	private static ObjectNode localSettings() {
		ObjectNode settings = JsonEvents.object();
		settings.put("IsEncrypted", false);
		ObjectNode values = settings.putObject("Values");
		values.put("FUNCTIONS_WORKER_RUNTIME", "java");
		values.put("AzureWebJobsStorage", "UseDevelopmentStorage=true");
		return settings;
	}

	/** A function dropped from application.properties must not linger in the staging folder. */
	private static void removeOldFunctions(Path staging) throws IOException {
		try (Stream<Path> entries = Files.list(staging)) {
			for (Path folder : entries.filter(p -> Files.isRegularFile(p.resolve("function.json"))).toList()) {
				FileTrees.delete(folder);
			}
		}
	}


	static void writeJson(Path file, ObjectNode json) throws IOException {
		Files.writeString(file, JsonEvents.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
	}

	/** The staging folder's contents at the archive root, as zip deploy expects; local.settings.json stays out. */
	static Path zip(Path staging, Path zip) throws IOException {
		Files.createDirectories(zip.getParent());
		Set<Path> files = new TreeSet<>();
		try (Stream<Path> tree = Files.walk(staging)) {
			tree.filter(Files::isRegularFile)
					.filter(p -> !p.getFileName().toString().equals("local.settings.json"))
					.forEach(files::add);
		}
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			for (Path file : files) {
				ZipEntry entry = new ZipEntry(staging.relativize(file).toString().replace('\\', '/'));
				entry.setTime(Files.getLastModifiedTime(file).toMillis());
				archive.putNextEntry(entry);
				Files.copy(file, archive);
				archive.closeEntry();
			}
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		return zip;
	}
}
