package dev.polyfn.azure.customhandler;

import org.springframework.core.env.Environment;

import dev.polyfn.core.http.HttpEndpoint;
import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.model.QueryString;

/**
 * The requests the Functions host forwards to a custom handler with {@code enableForwardingHttpRequest}: the
 * client's request as it came (method, headers, body byte for byte), sent to {@code http://127.0.0.1:<port>} at
 * the original absolute path, {@code /api/<route>} (azure-functions-host
 * {@code src/WebJobs.Script/Workers/Http/DefaultHttpWorkerService.cs}, {@code GetPathValue} and
 * {@code ProcessHttpInAndOutInvocationRequest}), plus {@code x-azure-functions-invocationid}. The function runs as
 * on the Java worker: a deployed Azure function ({@code polyfn.deploy.<name>.trigger}, route {@code /api/<name>})
 * runs the bean of its name or {@code polyfn.deploy.<name>.definition}; the catch-all {@code polyfn} function of an
 * app without deploy entries runs {@code SPRING_CLOUD_FUNCTION_DEFINITION} for every path when set, else the bean
 * the route names. The host's readiness probe is a {@code GET /}: it is answered without running a function.
 */
public final class ForwardedHttpEndpoint implements HttpEndpoint {

	static final String ROUTE_PREFIX = "/api";
	static final String INVOCATION_ID_HEADER = "x-azure-functions-invocationid";

	private final HttpFunctionHandler handler;
	private final Environment environment;

	public ForwardedHttpEndpoint(HttpFunctionHandler handler, Environment environment) {
		this.handler = handler;
		this.environment = environment;
	}

	@Override
	public boolean matches(String method, String path) {
		return path.equals("/") || path.equals(ROUTE_PREFIX) || path.startsWith(ROUTE_PREFIX + "/");
	}

	@Override
	public PortableHttpResponse handle(PortableHttpRequest request) {
		if (request.path().equals("/")) {
			return PortableHttpResponse.of(200, MediaTypes.JSON, "{\"status\":\"UP\"}".getBytes());
		}
		InvocationContext context = InvocationContext.of("azure", request.headers().first(INVOCATION_ID_HEADER), null);
		return handler.handle(request, definitionFor(nameInRoute(request.path())), context);
	}

	private String definitionFor(String name) {
		if (name != null && environment.getProperty("polyfn.deploy." + name + ".trigger") != null) {
			String configured = environment.getProperty("polyfn.deploy." + name + ".definition");
			return configured == null || configured.isBlank() ? name : configured;
		}
		return handler.invoker().isConfigured() ? handler.invoker().defaultDefinition() : name;
	}

	/** {@code /api/reverse} → reverse; {@code /api} → null, the only function. */
	static String nameInRoute(String path) {
		String rest = path.substring(ROUTE_PREFIX.length()).replaceAll("^/+|/+$", "");
		return rest.isEmpty() ? null : QueryString.decode(rest);
	}
}
