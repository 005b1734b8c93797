package dev.polyfn.maven;

import org.apache.maven.plugin.MojoExecutionException;

import dev.polyfn.local.events.Cloud;
import dev.polyfn.local.events.Trigger;

/** Which local runtime runs each cloud, with the runtime artifacts it needs fetched on first use. */
final class LocalClouds {

	private final AbstractPolyfnMojo mojo;

	LocalClouds(AbstractPolyfnMojo mojo) {
		this.mojo = mojo;
	}

	LocalCloud of(Cloud cloud) throws MojoExecutionException {
		return switch (cloud) {
			case WEB, CONTAINER -> new WebLocalCloud(mojo.runtimeClassPath(), StartClass.of(mojo.startClass, mojo.layout().classesDir()));
			case AWS -> new AwsLocalCloud(mojo.runtimes().lambdaRuntimeClient());
			case AZURE -> new AzureLocalCloud(mojo.runtimes().azureFunctionsLibrary());
			case GCP -> new GcpLocalCloud(mojo.runtimes().functionsFrameworkInvoker());
			case ALIYUN -> new AliyunLocalCloud();
			case TENCENT -> new TencentLocalCloud();
			case OPENWHISK -> throw new MojoExecutionException("polyfn:invoke has no local OpenWhisk runtime: run the"
					+ " package's jar in the action runtime's image (target/polyfn/openwhisk/DEPLOY.md)");
		};
	}

	String describe(Cloud cloud, Trigger trigger) {
		return switch (cloud) {
			case WEB -> "polyfn's web server on the project's class path";
			case CONTAINER -> "polyfn's web server on the project's class path (what the container image serves)";
			case AWS -> "Lambda runtime interface client, handler " + AwsLocalCloud.handler(trigger);
			case AZURE -> "the Azure Java worker's call of the staging folder's function (host inputs, no .NET host)";
			case GCP -> "Functions Framework invoker, target "
					+ (trigger == Trigger.HTTP ? GcpLocalCloud.HTTP_TARGET : GcpLocalCloud.EVENTS_TARGET);
			case ALIYUN -> "FC 3.0 custom runtime bootstrap" + (trigger == Trigger.HTTP ? " (HTTP trigger)" : " (POST /invoke)");
			case TENCENT -> "SCF Custom Runtime: the package's bootstrap against a local SCF runtime API";
			case OPENWHISK -> "none (no local OpenWhisk runtime)";
		};
	}
}
