package dev.polyfn.azure;

import java.util.Optional;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;

import dev.polyfn.azure.http.AzureHttpMessages;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.model.QueryString;

/**
 * HTTP trigger. Each HTTP function the build deploys ({@code polyfn.deploy.<name>.trigger=http}) is an Azure
 * function of that name whose route is its name ({@code /api/<name>}) and whose function.json points here; it
 * runs the bean of that name (or {@code polyfn.deploy.<name>.definition}).
 *
 * <p>The annotations describe the generic function the packager writes when the application lists no
 * functions: route {@code {*function}}, so {@code /api/<bean>} runs that bean, {@code /api} the configured or
 * only one, and an unknown name answers 404. {@link AuthorizationLevel#FUNCTION}: callers need a function key
 * ({@code ?code=} or {@code x-functions-key}); the packager copies the level into every HTTP function.
 */
public class HttpTriggerHandler {

	/** The route prefix the packaged host.json keeps (Azure's default). */
	static final String ROUTE_PREFIX = "/api";

	private final AzureFunctionRuntime functions;

	/** The Java worker's constructor: the shared runtime, started on first invocation. */
	public HttpTriggerHandler() {
		this(AzureFunctionRuntime.shared());
	}

	public HttpTriggerHandler(AzureFunctionRuntime functions) {
		this.functions = functions;
	}

	@FunctionName("polyfn")
	public HttpResponseMessage run(
			@HttpTrigger(name = "request", dataType = "binary", route = "{*function}",
					authLevel = AuthorizationLevel.FUNCTION,
					methods = { HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE })
			HttpRequestMessage<Optional<byte[]>> request,
			ExecutionContext context) {
		PortableHttpRequest portable = AzureHttpMessages.toPortable(request);
		InvocationContext invocation = AzureFunctionRuntime.invocationContext(context);
		String definition = functions.definitionFor(context.getFunctionName());
		if (definition == null) {
			definition = nameInRoute(portable.path());
		}
		PortableHttpResponse response = functions.runtime().http().handle(portable, definition, invocation);
		return AzureHttpMessages.toAzure(response, request);
	}

	/** {@code /api/reverse} → reverse; {@code /api} → null, the configured or only function. */
	static String nameInRoute(String path) {
		String rest = path.startsWith(ROUTE_PREFIX + "/") || path.equals(ROUTE_PREFIX)
				? path.substring(ROUTE_PREFIX.length()) : path;
		rest = rest.replaceAll("^/+|/+$", "");
		return rest.isEmpty() ? null : QueryString.decode(rest);
	}
}
