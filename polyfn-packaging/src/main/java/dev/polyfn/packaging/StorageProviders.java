package dev.polyfn.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.polyfn.core.deploy.FunctionDeployment;

/**
 * Which clouds the package can give a bucket to: a function whose deploy entry names storage aliases
 * ({@code polyfn.deploy.<name>.storage}) is deployed only where its package holds a storage provider for that cloud,
 * since without one it would fail on its first event. polyfn's provider modules, by the clouds they serve by default.
 */
final class StorageProviders {

	/** The provider class of each cloud that has one; the others have none yet. */
	private static final Map<String, String> BY_CLOUD = Map.of("aws", "dev.polyfn.storage.s3.S3StorageProvider",
			"aliyun", "dev.polyfn.storage.s3.S3StorageProvider", "tencent", "dev.polyfn.storage.s3.S3StorageProvider",
			"azure", "dev.polyfn.storage.azure.AzureBlobStorageProvider", "gcp", "dev.polyfn.storage.gcs.GcsStorageProvider");

	private StorageProviders() {
	}

	/** The plan without the functions that use storage the package cannot serve on {@code cloud}, each left out said once. */
	static List<FunctionDeployment> servable(List<FunctionDeployment> plan, String cloud, ClassLoader loader) {
		if (cloud == null || plan.stream().allMatch(f -> f.storage().isEmpty()) || hasProvider(cloud, loader)) {
			return plan;
		}
		List<FunctionDeployment> servable = new ArrayList<>();
		for (FunctionDeployment function : plan) {
			if (function.storage().isEmpty()) {
				servable.add(function);
			}
			else {
				System.out.println("[WARNING] polyfn: " + function.name() + " is left out of the " + cloud + " deployment: it uses storage "
						+ function.storage().stream().map(FunctionDeployment.StorageUse::alias).toList() + " and the package has no "
						+ "storage provider for " + cloud + (BY_CLOUD.containsKey(cloud) ? " (add dev.polyfn:" + (cloud.equals("azure") ? "polyfn-storage-azure" : cloud.equals("gcp") ? "polyfn-storage-gcs" : "polyfn-storage-s3") + ")"
								: " (polyfn has none yet; so far " + String.join(", ", new java.util.TreeSet<>(BY_CLOUD.keySet())) + ")"));
			}
		}
		return servable;
	}

	private static boolean hasProvider(String cloud, ClassLoader loader) {
		String provider = BY_CLOUD.get(cloud);
		return provider != null && loader.getResource(provider.replace('.', '/') + ".class") != null;
	}
}
