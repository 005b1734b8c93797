package dev.polyfn.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.polyfn.core.deploy.FunctionDeployment;

/**
 * Which clouds the package can give a bucket, a queue or a topic to: a function whose deploy entry names storage
 * aliases ({@code polyfn.deploy.<name>.storage}) or messaging aliases ({@code polyfn.deploy.<name>.messaging}) is
 * deployed only where its package holds that feature's provider module for the cloud, since without one it would
 * fail on its first event. polyfn's provider modules, by the clouds they serve by default.
 */
final class ProviderModules {

	/** One optional feature: its provider module per cloud, as the artifact id and the class that proves it is packaged. */
	private record Feature(String name, Map<String, Module> byCloud, Function<FunctionDeployment, List<String>> aliases) {
	}

	private record Module(String artifactId, String providerClass) {
	}

	private static final Module S3 = new Module("polyfn-storage-s3", "dev.polyfn.storage.s3.S3StorageProvider");

	private static final Feature STORAGE = new Feature("storage", Map.of("aws", S3, "aliyun", S3, "tencent", S3,
			"azure", new Module("polyfn-storage-azure", "dev.polyfn.storage.azure.AzureBlobStorageProvider"),
			"gcp", new Module("polyfn-storage-gcs", "dev.polyfn.storage.gcs.GcsStorageProvider")),
			f -> f.storage().stream().map(FunctionDeployment.StorageUse::alias).toList());

	private static final Feature MESSAGING = new Feature("messaging", Map.of(
			"aws", new Module("polyfn-messaging-aws", "dev.polyfn.messaging.aws.SqsMessagingProvider"),
			"azure", new Module("polyfn-messaging-azure", "dev.polyfn.messaging.azure.StorageQueueMessagingProvider"),
			"gcp", new Module("polyfn-messaging-pubsub", "dev.polyfn.messaging.pubsub.PubSubMessagingProvider"),
			"aliyun", new Module("polyfn-messaging-mns", "dev.polyfn.messaging.mns.MnsMessagingProvider"),
			"tencent", new Module("polyfn-messaging-kafka", "dev.polyfn.messaging.kafka.KafkaMessagingProvider")),
			f -> f.messaging().stream().map(FunctionDeployment.MessagingUse::alias).toList());

	private ProviderModules() {
	}

	/** The plan without the functions that use a feature the package cannot serve on {@code cloud}, each left out said once. */
	static List<FunctionDeployment> servable(List<FunctionDeployment> plan, String cloud, ClassLoader loader) {
		if (cloud == null) {
			return plan;
		}
		List<FunctionDeployment> servable = new ArrayList<>();
		for (FunctionDeployment function : plan) {
			String missing = missing(function, STORAGE, cloud, loader);
			if (missing == null) {
				missing = missing(function, MESSAGING, cloud, loader);
			}
			if (missing == null) {
				servable.add(function);
			}
			else {
				System.out.println("[WARNING] polyfn: " + function.name() + " is left out of the " + cloud + " deployment: " + missing);
			}
		}
		return servable;
	}

	/** Why the package cannot serve the function's use of the feature on the cloud, or null when it can. */
	private static String missing(FunctionDeployment function, Feature feature, String cloud, ClassLoader loader) {
		List<String> aliases = feature.aliases().apply(function);
		Module module = feature.byCloud().get(cloud);
		if (aliases.isEmpty() || (module != null && loader.getResource(module.providerClass().replace('.', '/') + ".class") != null)) {
			return null;
		}
		return "it uses " + feature.name() + " " + aliases + " and the package has no " + feature.name() + " provider for " + cloud
				+ (module != null ? " (add dev.polyfn:" + module.artifactId() + ")" : " (polyfn has none for it yet)");
	}
}
