package dev.polyfn.conformance;

import java.util.List;

import dev.polyfn.conformance.aliyun.FcEventsTarget;
import dev.polyfn.conformance.aliyun.FcHttpTriggerEventTarget;
import dev.polyfn.conformance.aliyun.FcPassThroughTarget;
import dev.polyfn.conformance.aws.AlbTarget;
import dev.polyfn.conformance.aws.ApiGatewayRestTarget;
import dev.polyfn.conformance.aws.AwsEventsTarget;
import dev.polyfn.conformance.aws.FunctionUrlTarget;
import dev.polyfn.conformance.aws.HttpApiTarget;
import dev.polyfn.conformance.azure.AzureCustomHandlerTarget;
import dev.polyfn.conformance.azure.AzureEventsTarget;
import dev.polyfn.conformance.azure.AzureHttpTarget;
import dev.polyfn.conformance.gcp.GcpCloudEventsTarget;
import dev.polyfn.conformance.gcp.GcpHttpTarget;
import dev.polyfn.conformance.knative.KnativeTarget;
import dev.polyfn.conformance.openwhisk.OpenWhiskWebActionTarget;
import dev.polyfn.conformance.tencent.ScfApiGatewayTarget;
import dev.polyfn.conformance.tencent.ScfEventsTarget;
import dev.polyfn.conformance.tencent.ScfFunctionUrlTarget;
import dev.polyfn.conformance.tencent.ScfWebFunctionTarget;
import dev.polyfn.conformance.web.WebAppTarget;

/**
 * Every target the kit runs on. A new target is one line here; a new case needs no line here at all. HTTP targets
 * come first: they share one runtime with no function configured, and the event targets that re-deploy it with a
 * definition per case come after them.
 */
final class Targets {

	private Targets() {
	}

	static List<Target> all() {
		return List.of(
				new WebAppTarget(),
				new ApiGatewayRestTarget(),
				new HttpApiTarget(),
				new FunctionUrlTarget(),
				new AlbTarget(),
				new AzureHttpTarget(),
				new AzureCustomHandlerTarget(),
				new GcpHttpTarget(),
				new FcPassThroughTarget(),
				new FcHttpTriggerEventTarget(),
				new ScfApiGatewayTarget(),
				new ScfFunctionUrlTarget(),
				new ScfWebFunctionTarget(),
				new OpenWhiskWebActionTarget(),
				new AwsEventsTarget(),
				new AzureEventsTarget(),
				new GcpCloudEventsTarget(),
				new FcEventsTarget(),
				new ScfEventsTarget(),
				// HTTP and events on one running web app: no re-deployment, so last does not matter
				new KnativeTarget());
	}
}
