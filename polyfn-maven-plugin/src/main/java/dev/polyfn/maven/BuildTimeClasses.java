package dev.polyfn.maven;

import java.util.List;

/**
 * polyfn's build-time code, which runs while packaging and never in a cloud: the adapters' packagers and descriptor
 * writers, the deploy summary and upload writers, the ahead-of-time step. Left out of every artifact the plugin
 * writes, so that the jars users upload contain only what runs. (They still live in the adapters and function-core
 * jars for now; moving them into a build-time module is the next step of issue 16, and this list then goes.)
 * The deployment plan itself stays: Tencent's event function routes its triggers with it at run time.
 */
final class BuildTimeClasses {

	private static final List<String> PREFIXES = List.of("dev/polyfn/aws/packaging/", "dev/polyfn/azure/packaging/",
			"dev/polyfn/gcp/deploy/", "dev/polyfn/aliyun/packaging/", "dev/polyfn/tencent/packaging/",
			"dev/polyfn/core/deploy/DeploySummary", "dev/polyfn/core/deploy/UploadZip", "dev/polyfn/core/deploy/FileTrees",
			"dev/polyfn/core/deploy/CloudRuntime", "dev/polyfn/core/boot/AheadOfTime",
			"dev/polyfn/core/boot/PackageTimeFunctions");

	private BuildTimeClasses() {
	}

	static boolean isBuildTime(String entryName) {
		return PREFIXES.stream().anyMatch(entryName::startsWith);
	}
}
