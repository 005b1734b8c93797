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
import dev.polyfn.azure.http.HostDecodedBody;
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
 * functions: route {@code {*function}}, so {@code /api/<bean>} runs that bean, {@code /api} the only one, and an
 * unknown name answers 404; with {@code SPRING_CLOUD_FUNCTION_DEFINITION} set, that function answers every path.
 *
 * <p>The request arrives as {@code HttpRequestMessage<Optional<String>>}, the one type the Java worker binds every
 * text and JSON body to; why binary bodies cannot come this way is in {@link HostDecodedBody}. {@link AuthorizationLevel#FUNCTION}: callers need a function key
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
			@HttpTrigger(name = "request", route = "{*function}",
					authLevel = AuthorizationLevel.FUNCTION,
					methods = { HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE })
			HttpRequestMessage<Optional<String>> request,
			ExecutionContext context) {
		PortableHttpRequest portable;
		try {
			portable = AzureHttpMessages.toPortable(request);
		}
		catch (HostDecodedBody.HostDecodingFailure lossy) {
			context.getLogger().warning(lossy.getMessage());
			return AzureHttpMessages.toAzure(lossy.error().toHttpResponse(), request);
		}
		InvocationContext invocation = AzureFunctionRuntime.invocationContext(context);
		PortableHttpResponse response = functions.runtime().http().handle(portable,
				definitionFor(context.getFunctionName(), portable.path()), invocation);
		return AzureHttpMessages.toAzure(response, request);
	}

	/**
	 * Which bean answers: the Azure function's own ({@link AzureFunctionRuntime#definitionFor}); for the generic
	 * {@code polyfn} function, {@code SPRING_CLOUD_FUNCTION_DEFINITION} when the app sets it (it then answers every
	 * path, as on the other clouds' HTTP triggers), else the bean the route names.
	 */
	String definitionFor(String azureFunctionName, String path) {
		String definition = functions.definitionFor(azureFunctionName);
		if (definition != null) {
			return definition;
		}
		if (functions.runtime().invoker().isConfigured()) {
			return functions.runtime().invoker().defaultDefinition();
		}
		return nameInRoute(path);
	}

	/** {@code /api/reverse} → reverse; {@code /api} → null, the configured or only function. */
	static String nameInRoute(String path) {
		String rest = path.startsWith(ROUTE_PREFIX + "/") || path.equals(ROUTE_PREFIX)
				? path.substring(ROUTE_PREFIX.length()) : path;
		rest = rest.replaceAll("^/+|/+$", "");
		return rest.isEmpty() ? null : QueryString.decode(rest);
	}
}
