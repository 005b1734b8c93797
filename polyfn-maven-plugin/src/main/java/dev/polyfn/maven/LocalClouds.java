package dev.polyfn.maven;

import java.util.List;

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
			case WEB -> new WebLocalCloud(mojo.runtimeClassPath(), StartClass.of(mojo.startClass, mojo.layout().classesDir()));
			case CONTAINER -> new ContainerLocalCloud();
			case AWS -> new AwsLocalCloud(mojo.runtimes().lambdaRuntimeClient());
			case AZURE -> new AzureLocalCloud(mojo.runtimes().azureFunctionsLibrary());
			case GCP -> new GcpLocalCloud(mojo.runtimes().functionsFrameworkInvoker());
			case ALIYUN -> new AliyunLocalCloud();
			case TENCENT -> new TencentLocalCloud();
			case OPENWHISK -> new OpenWhiskLocalCloud(List.of(mojo.pluginDependency("polyfn-local"), mojo.runtimes().openWhiskGson()));
		};
	}

	String describe(Cloud cloud, Trigger trigger) {
		return switch (cloud) {
			case WEB -> "polyfn's web server on the project's class path";
			case CONTAINER -> "the image's ENTRYPOINT from the package's Dockerfile, /app being its image/app/"
					+ (trigger == Trigger.HTTP ? "" : " (a CloudEvent in binary mode, as Knative delivers it)")
					+ "; the AOT cache is trained by docker build, so here the JVM says it has none and starts without it";
			case AWS -> "Lambda runtime interface client, handler " + AwsLocalCloud.handler(trigger);
			case AZURE -> "the Azure Java worker's call of the staging folder's function (host inputs, no .NET host)";
			case GCP -> "Functions Framework invoker, target "
					+ (trigger == Trigger.HTTP ? GcpLocalCloud.HTTP_TARGET : GcpLocalCloud.EVENTS_TARGET);
			case ALIYUN -> "FC 3.0 custom runtime bootstrap" + (trigger == Trigger.HTTP ? " (HTTP trigger)" : " (POST /invoke)");
			case TENCENT -> "SCF Custom Runtime: the package's bootstrap against a local SCF runtime API";
			case OPENWHISK -> "the Java action runtime's /init and /run (its proxy, emulated), "
					+ (trigger == Trigger.HTTP ? "a raw web action" : "a plain action with the event as its parameters");
		};
	}
}
