package dev.polyfn.azure.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.polyfn.azure.packaging.AzurePackager.Packaged;
import dev.polyfn.core.deploy.DeploySummary;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.deploy.FunctionDeployment.Trigger;

/** The text printed at the end of {@code mvn -Pazure package} and written to DEPLOY.md. */
final class AzureDeploySummary {

	private AzureDeploySummary() {
	}

	static DeploySummary of(Packaged packaged, Path zip, Path staging, Path base) {
		String zipPath = base.relativize(zip.toAbsolutePath()).toString();
		String stagingPath = base.relativize(staging.toAbsolutePath()).toString();
		DeploySummary summary = DeploySummary.titled("Azure Functions package: " + packaged.appName())
				.fact("Module", base.getFileName() + "/ (the paths below are relative to it)")
				.artifact("ZIP (zip deploy)", zip, base)
				.fact("Staging folder", stagingPath + "/ (host.json, one folder per function, "
						+ packaged.jarName() + ", lib/)")
				.fact("Runtime", "Java 17 on Functions runtime 4 (FUNCTIONS_WORKER_RUNTIME=java), Linux or Windows")
				.fact("Functions", functions(packaged.deployed(), packaged.app()));
		if (!packaged.skipped().isEmpty()) {
			summary.fact("Not deployed on Azure", String.join("; ", packaged.skipped()));
		}
		List<String> queues = sources(packaged.deployed(), Trigger.QUEUE);
		List<String> containers = sources(packaged.deployed(), Trigger.STORAGE);
		FunctionDeployment firstHttp = packaged.deployed().stream().filter(f -> f.trigger() == Trigger.HTTP)
				.findFirst().orElse(null);

		List<String> cli = new ArrayList<>();
		cli.add("RG=polyfn-rg LOCATION=westeurope STORAGE=polyfn$RANDOM APP=" + packaged.appName() + "-$RANDOM");
		cli.add("az group create --name $RG --location $LOCATION");
		cli.add("az storage account create --name $STORAGE --resource-group $RG --location $LOCATION --sku Standard_LRS");
		cli.add("az functionapp create --name $APP --resource-group $RG --storage-account $STORAGE"
				+ " --consumption-plan-location $LOCATION --os-type Linux --runtime java --runtime-version 17"
				+ " --functions-version 4");
		queues.forEach(q -> cli.add("az storage queue create --name " + q + " --account-name $STORAGE"));
		containers.forEach(c -> cli.add("az storage container create --name " + c + " --account-name $STORAGE"));
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
		summary.commands("Deploy with the Azure CLI (zip deploy)", cli);
		summary.commands("Or publish the staging folder with Azure Functions Core Tools",
				List.of("cd " + stagingPath, "func azure functionapp publish $APP"));

		List<String> console = new ArrayList<>();
		console.add("Portal → Create a resource → Function App → Consumption: Runtime stack Java, Version 17,"
				+ " Operating system Linux, a new storage account → Review + create.");
		if (!queues.isEmpty() || !containers.isEmpty()) {
			console.add("Storage account → Data storage → Queues → + Queue: " + String.join(", ", queues)
					+ (containers.isEmpty() ? "" : "; Containers → + Container: " + String.join(", ", containers))
					+ ".");
		}
		console.add("Upload the ZIP: Storage account → Containers → + Container 'deployments' → Upload " + zipPath
				+ " → the blob's … menu → Generate SAS (Read, a far expiry) → copy the Blob SAS URL.");
		console.add("Function App → Settings → Environment variables → + Add: WEBSITE_RUN_FROM_PACKAGE = the SAS URL"
				+ " → Apply → Overview → Restart. (Windows plans: Advanced Tools → Go → Tools → Zip Push Deploy,"
				+ " drop the ZIP instead.)");
		console.add("Function App → Overview → Functions: " + names(packaged.deployed())
				+ " appear; an HTTP function → Get function URL (default function key) → call it with curl.");
		summary.steps("Deploy in the Azure portal", console);

		summary.notes("App settings", List.of(
				"FUNCTIONS_WORKER_RUNTIME=java and FUNCTIONS_EXTENSION_VERSION=~4: set by az functionapp create"
						+ " --runtime java --functions-version 4 (and by the portal).",
				"AzureWebJobsStorage: set on creation; the queue and blob triggers connect with it.",
				"SPRING_CLOUD_FUNCTION_DEFINITION: not needed, each Azure function runs the bean of its name"
						+ " (polyfn.deploy.<name>.definition overrides); the generic 'polyfn' HTTP function"
						+ " (no polyfn.deploy entries) runs it for /api with no name.",
				"MAIN_CLASS: not needed, the jar's manifest names the application class (Start-Class); set it"
						+ " to override.",
				"HTTP functions use authLevel '" + packaged.app().authLevel() + "' (polyfn.azure.auth-level in"
						+ " application.properties: function, anonymous or admin); with 'function' pass"
						+ " ?code=<function key> or the x-functions-key header.",
				"Queue messages are read as plain text (host.json extensions.queues.messageEncoding=none); a"
						+ " failed message is retried 5 times, then moved to <queue>-poison."));
		return summary;
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
