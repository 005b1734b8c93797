package dev.polyfn.packaging.azure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.deploy.FunctionDeployment.MessagingUse;
import dev.polyfn.core.messaging.MessagingSettings;

/**
 * What the deploy plan adds for the functions that publish ({@code polyfn.deploy.<name>.messaging}): on Azure every
 * alias, queue or topic, is a Storage queue in the app's own account (polyfn-messaging-azure's
 * StorageQueueMessagingProvider), so each needs that queue, the app setting that names it, and, with an
 * identity-based {@code AzureWebJobsStorage}, the role that lets the app's managed identity put messages
 * ("Storage Queue Data Message Sender: add messages to a queue", Authorize access to queues using Microsoft Entra ID,
 * https://learn.microsoft.com/en-us/azure/storage/queues/authorize-access-azure-active-directory, read 2026-12-06).
 * App settings are set with {@code az functionapp config appsettings set}
 * (https://learn.microsoft.com/en-us/cli/azure/functionapp/config/appsettings, read 2026-12-06).
 */
final class AzureMessagingPlan {

	static final String SENDER_ROLE = "Storage Queue Data Message Sender";

	private AzureMessagingPlan() {
	}

	/** The aliases the deployed functions publish to, each once (an alias has one destination in an app). */
	static List<MessagingUse> uses(List<FunctionDeployment> deployed) {
		Map<String, MessagingUse> byAlias = new LinkedHashMap<>();
		deployed.forEach(f -> f.messaging().forEach(use -> byAlias.putIfAbsent(use.alias(), use)));
		return List.copyOf(byAlias.values());
	}

	/** One command that sets every alias's destination as an app setting. */
	static String appSettingsCommand(List<MessagingUse> uses) {
		return "az functionapp config appsettings set --resource-group $RG --name $APP --settings " + uses.stream()
			.map(use -> use.environmentVariable() + "=" + use.destination()).collect(Collectors.joining(" "));
	}

	/** One line per function and alias, for DEPLOY.md's messaging section. */
	static List<String> steps(List<FunctionDeployment> deployed) {
		List<String> steps = new ArrayList<>();
		for (FunctionDeployment function : deployed) {
			for (MessagingUse use : function.messaging()) {
				steps.add(function.name() + " publishes to the Storage queue '" + use.destination() + "' (messaging '" + use.alias()
						+ "'" + (use.kind() == MessagingSettings.Kind.TOPIC ? ", a topic elsewhere: on Azure a Storage queue, one reader"
								+ " per message, as Queue Storage has no topics" : "")
						+ ") in the account of AzureWebJobsStorage: create it (az storage queue create --name " + use.destination()
						+ ") and set the app setting " + use.environmentVariable() + "=" + use.destination() + ". The body is written"
						+ " base64-encoded, as a queue-triggered function reads it by default; a consumer whose host.json says"
						+ " extensions.queues.messageEncoding=none (a polyfn Azure app does) needs the app setting "
						+ MessagingSettings.environmentVariable(use.alias(), "message-encoding") + "=none. With an identity-based"
						+ " AzureWebJobsStorage (AzureWebJobsStorage__accountName), give the app's managed identity the role "
						+ SENDER_ROLE + " on the account: az role assignment create --assignee $(az functionapp identity show"
						+ " --resource-group $RG --name $APP --query principalId -o tsv) --role '" + SENDER_ROLE + "' --scope"
						+ " $(az storage account show --resource-group $RG --name $STORAGE --query id -o tsv).");
			}
		}
		return steps;
	}
}
