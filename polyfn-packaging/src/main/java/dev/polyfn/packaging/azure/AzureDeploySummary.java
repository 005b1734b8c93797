package dev.polyfn.packaging.azure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.polyfn.core.deploy.FunctionDeployment.Trigger;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.DeploySummary;
import dev.polyfn.packaging.azure.AzurePackager.Packaged;

/**
 * The text printed at the end of {@code mvn -Pazure package} and written to DEPLOY.md: Flex Consumption, the plan
 * Microsoft gives new apps, as its pages described it on {@link #CHECKED}.
 */
final class AzureDeploySummary {

	static final String CHECKED = "2026-12-01";

	/** The vendor pages the steps follow. */
	static final List<String> PAGES = List.of(
			"https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan",
			"https://learn.microsoft.com/azure/azure-functions/flex-consumption-how-to",
			"https://learn.microsoft.com/azure/azure-functions/deployment-zip-push",
			"https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers",
			"https://learn.microsoft.com/azure/azure-functions/supported-languages?pivots=programming-language-java");

	/** Stated word for word in README.md (a test compares them). */
	static final String WHICH_FUNCTION_RUNS = "Each Azure function runs the bean of its own name"
			+ " (polyfn.deploy.<name>.definition overrides it); SPRING_CLOUD_FUNCTION_DEFINITION only matters for"
			+ " the catch-all function 'polyfn' (route /api/{*function}) that an app without polyfn.deploy entries"
			+ " gets, where it answers every path; without it, /api/<bean> runs that bean. Both Azure packages"
			+ " follow this rule.";

	/** Which package to deploy: stated word for word in README.md as well. */
	static final String WHICH_PACKAGE = "Java worker ZIP: every function, HTTP bodies as text or JSON (UTF-8);"
			+ " a binary body (image/png, ...) or another charset is answered 415, and application/octet-stream or"
			+ " multipart/* requests fail inside the Java worker before polyfn runs (the host answers 500)."
			+ " Custom-handler ZIP: the HTTP functions with their bodies byte for byte (images, any binary); queue,"
			+ " blob and timer functions are not in it.";

	private AzureDeploySummary() {
	}

	static DeploySummary of(Packaged packaged, Path zip, Path staging, Path base,
			CustomHandlerPackage.Written customHandler, Path customHandlerZip) {
		String zipPath = base.relativize(zip.toAbsolutePath()).toString();
		String stagingPath = base.relativize(staging.toAbsolutePath()).toString();
		String runtime = packaged.app().runtime().id();
		DeploySummary summary = DeploySummary.titled("Azure Functions package: " + packaged.appName())
				.fact("Module", base.getFileName() + "/ (the paths below are relative to it)")
				.artifact("ZIP, Java worker (one deploy)", zip, base);
		if (customHandlerZip != null) {
			summary.artifact("ZIP, custom handler (one deploy)", customHandlerZip, base);
		}
		summary.fact("Staging folder", stagingPath + "/ (host.json, one folder per function, " + packaged.jarName()
						+ ", lib/)")
				.fact("Plan", "Flex Consumption (Linux), the plan for new function apps")
				.fact("Runtime", "Java " + runtime + " on Functions 4.x for the Java-worker app (another: "
						+ "polyfn.azure.runtime=25 or 17 in application.properties), "
						+ packaged.app().runtime().citation())
				.fact("Which package", WHICH_PACKAGE)
				.fact("Functions", functions(packaged.deployed(), packaged.app()))
				.fact("Which function runs", WHICH_FUNCTION_RUNS);
		if (customHandler != null) {
			summary.fact("Custom handler", "functions " + names(customHandler.deployed()) + "; Java: "
					+ customHandler.jre() + (customHandler.skipped().isEmpty() ? ""
							: "; not in it: " + String.join(", ", customHandler.skipped())));
			summary.fact("JVM of the custom handler", "a custom-handler app gets no language runtime on any plan"
					+ " (Flex Consumption's stack 'custom' sets no runtime version), so it runs the jre/ in its ZIP;"
					+ " POLYFN_JAVA_HOME (app setting) names another Java 17+, else JAVA_HOME, else java on PATH");
			summary.fact("Class-data sharing (custom handler)", customHandler.classData());
		}
		if (!packaged.skipped().isEmpty()) {
			summary.fact("Not deployed on Azure", String.join("; ", packaged.skipped()));
		}
		summary.fact("Checked against", String.join(", ", PAGES) + " (checked " + CHECKED + ")");

		List<String> queues = packaged.deployed().stream().filter(AzureTriggers::readsAQueue).map(FunctionDeployment::source)
				.distinct().toList();
		List<FunctionDeployment.MessagingUse> messaging = AzureMessagingPlan.uses(packaged.deployed());
		List<String> published = messaging.stream().map(FunctionDeployment.MessagingUse::destination)
				.filter(q -> !queues.contains(q)).distinct().toList();
		List<String> containers = sources(packaged.deployed(), Trigger.STORAGE);
		FunctionDeployment firstHttp = packaged.deployed().stream().filter(f -> f.trigger() == Trigger.HTTP)
				.findFirst().orElse(null);

		List<String> cli = new ArrayList<>();
		cli.add("RG=polyfn-rg LOCATION=westeurope STORAGE=polyfn$RANDOM APP=" + packaged.appName() + "-$RANDOM");
		cli.add("az group create --name $RG --location $LOCATION");
		cli.add("az storage account create --name $STORAGE --resource-group $RG --location $LOCATION --sku Standard_LRS");
		cli.add("az functionapp create --name $APP --resource-group $RG --storage-account $STORAGE"
				+ " --flexconsumption-location $LOCATION --runtime java --runtime-version " + runtime);
		queues.forEach(q -> cli.add("az storage queue create --name " + q + " --account-name $STORAGE"));
		published.forEach(q -> cli.add("az storage queue create --name " + q + " --account-name $STORAGE"));
		containers.forEach(c -> cli.add("az storage container create --name " + c + " --account-name $STORAGE"));
		if (!messaging.isEmpty()) {
			cli.add(AzureMessagingPlan.appSettingsCommand(messaging));
		}
		cli.add("az functionapp deployment source config-zip --resource-group $RG --name $APP --src " + zipPath);
		if (firstHttp != null) {
			String route = firstHttp.definition() == null ? "<function>" : firstHttp.name();
			cli.add("KEY=$(az functionapp function keys list --resource-group $RG --name $APP --function-name "
					+ firstHttp.name() + " --query default -o tsv)");
			cli.add("curl -X POST \"https://$APP.azurewebsites.net/api/" + route
					+ "?code=$KEY\" -H 'Content-Type: text/plain' -d 'hello'");
		}
		queues.forEach(q -> cli.add("az storage message put --queue-name " + q
				+ " --account-name $STORAGE --content '<message text or JSON>'"));
		summary.commands("Deploy the Java-worker ZIP with the Azure CLI (Flex Consumption, one deploy)", cli);

		if (customHandlerZip != null) {
			String customZip = base.relativize(customHandlerZip.toAbsolutePath()).toString();
			FunctionDeployment binary = customHandler.deployed().stream().filter(f -> f.name().equals("thumbnail"))
					.findFirst().orElse(customHandler.deployed().get(0));
			String route = binary.definition() == null ? "<function>" : binary.name();
			summary.commands("Deploy the custom-handler ZIP (binary HTTP bodies) as a second app", List.of(
					"az functionapp create --name $APP-bin --resource-group $RG --storage-account $STORAGE"
							+ " --flexconsumption-location $LOCATION --runtime custom",
					"az functionapp deployment source config-zip --resource-group $RG --name $APP-bin --src "
							+ customZip,
					"KEY=$(az functionapp function keys list --resource-group $RG --name $APP-bin --function-name "
							+ binary.name() + " --query default -o tsv)",
					"curl -X POST \"https://$APP-bin.azurewebsites.net/api/" + route
							+ "?code=$KEY\" -H 'Content-Type: image/png' --data-binary @photo.png -o answer.png"));
		}

		List<String> console = new ArrayList<>();
		console.add("Portal → Create a resource → Function App → Flex Consumption → Select: Runtime stack Java,"
				+ " Version " + runtime + ", a region; Storage: a new account → Review + create. (The custom-handler"
				+ " ZIP: Runtime stack Custom Handler.)");
		List<String> allQueues = new ArrayList<>(queues);
		allQueues.addAll(published);
		if (!allQueues.isEmpty() || !containers.isEmpty()) {
			console.add("Storage account → Data storage → Queues → + Queue: " + String.join(", ", allQueues)
					+ (containers.isEmpty() ? "" : "; Containers → + Container: " + String.join(", ", containers))
					+ ".");
		}
		if (!messaging.isEmpty()) {
			console.add("Function App → Settings → Environment variables → App settings → + Add, one each: " + String.join(", ",
					messaging.stream().map(use -> use.environmentVariable() + " = " + use.destination()).toList()) + " → Apply.");
		}
		console.add("The portal has no ZIP upload for Flex Consumption apps: open Cloud Shell (Bash) from the"
				+ " portal's toolbar → Manage files → Upload " + zipPath + " → run az functionapp deployment source"
				+ " config-zip --resource-group <group> --name <app> --src " + zip.getFileName() + ".");
		console.add("Function App → Overview → Functions: " + names(packaged.deployed())
				+ " appear; an HTTP function → Get function URL (default function key) → call it with curl.");
		summary.steps("Deploy in the Azure portal", console);

		summary.notes("App settings", List.of(
				"Flex Consumption takes the runtime (java, version " + runtime + "; custom for the custom handler)"
						+ " from the app's configuration that az functionapp create or the portal writes, and runs"
						+ " the deployed package as it is: add no runtime or package app settings.",
				"AzureWebJobsStorage: set on creation; the queue and blob triggers connect with it.",
				"SPRING_CLOUD_FUNCTION_DEFINITION: " + WHICH_FUNCTION_RUNS,
				"MAIN_CLASS: not needed, the jar's manifest names the application class (Start-Class); set it"
						+ " to override.",
				"HTTP functions use authLevel '" + packaged.app().authLevel() + "' (polyfn.azure.auth-level in"
						+ " application.properties: function, anonymous or admin); with 'function' pass"
						+ " ?code=<function key> or the x-functions-key header.",
				"Queue messages are read as plain text (host.json extensions.queues.messageEncoding=none); a"
						+ " failed message is retried 5 times, then moved to <queue>-poison.",
				"Custom handler: JAVA_OPTS adds JVM flags; POLYFN_JAVA_HOME points at another Java 17+ than the"
						+ " bundled jre/."));
		List<String> storage = new ArrayList<>();
		packaged.deployed().stream().flatMap(f -> f.storage().stream().map(use -> f.name() + ": container '" + use.bucket()
				+ "' (storage '" + use.alias() + "'; app setting " + use.environmentVariable() + " for another) in the account of"
				+ " AzureWebJobsStorage, the one its trigger uses; create the container (az storage container create --name "
				+ use.bucket() + "). With an identity-based AzureWebJobsStorage (AzureWebJobsStorage__accountName), give the"
				+ " app's managed identity the role Storage Blob Data Contributor on the account.")).forEach(storage::add);
		summary.stepsIfAny("Storage (functions that read or write a bucket)", storage);
		return summary.stepsIfAny("Messaging (functions that publish)", AzureMessagingPlan.steps(packaged.deployed()));
	}

	private static String functions(List<FunctionDeployment> deployed, AppSettings app) {
		List<String> lines = new ArrayList<>();
		for (FunctionDeployment function : deployed) {
			lines.add(function.name() + " (" + AzureTriggers.of(function.trigger()).describe(function, app) + ")");
		}
		return String.join(", ", lines);
	}

	private static String names(List<FunctionDeployment> deployed) {
		return String.join(", ", deployed.stream().map(FunctionDeployment::name).toList());
	}

	private static List<String> sources(List<FunctionDeployment> deployed, Trigger trigger) {
		return deployed.stream().filter(f -> f.trigger() == trigger).map(FunctionDeployment::source).distinct()
				.toList();
	}
}
