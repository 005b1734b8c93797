package dev.polyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.polyfn.local.AzureFunctionCall;
import dev.polyfn.local.LocalProcess;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.MiniJson;
import dev.polyfn.local.Ports;
import dev.polyfn.local.events.Trigger;

/**
 * Azure Functions. {@code invoke}: the Java-worker staging folder's function (its function.json) called the way the
 * Java worker calls it for the host, with the inputs the host sends (see {@link AzureFunctionCall}); the .NET host
 * itself does not run here. {@code run}: the custom-handler package, which is polyfn's own HTTP server, started by
 * its {@code polyfn-handler.sh} on the port the host forwards to ({@code FUNCTIONS_CUSTOMHANDLER_PORT}), behind
 * {@link AzureHostFront}, which forwards the routes the package's function.json files declare as the host does.
 *
 * <p>An unknown function: the host routes {@code /api/<name>} only to a function whose function.json declares that
 * route, and answers any other with 404 and an empty body before a function runs (azure-functions-host, its HTTP
 * routing; no polyfn code sees the request). {@code invoke} prints that response as the host sends it, then
 * polyfn's 404 contract ({@code function_not_found}, naming the app's functions) marked as polyfn:invoke's own
 * explanation, and fails, as on every other cloud.
 */
final class AzureLocalCloud implements LocalCloud {

	static final String CUSTOM_HANDLER_SUFFIX = "-custom-handler";

	static final String HOST_404 = "HTTP 404 Not Found (empty body: the Functions host answers a route that no function"
			+ " of the app declares, before any function runs)";

	private final List<Path> functionsLibrary;

	AzureLocalCloud(List<Path> functionsLibrary) {
		this.functionsLibrary = functionsLibrary;
	}

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		Path staging = javaWorkerStaging(invocation.artifact());
		if (!Files.isRegularFile(staging.resolve(invocation.function()).resolve("function.json"))) {
			return unknownFunction(invocation.function(), staging);
		}
		List<Path> classPath = AzureFunctionCall.classPath(functionsLibrary, staging);
		Map<String, String> env = new LinkedHashMap<>(Map.of("FUNCTIONS_WORKER_RUNTIME", "java", "WEBSITE_SITE_NAME", "polyfn-local"));
		boolean http = invocation.trigger() == Trigger.HTTP;
		if (!http) {
			env.putAll(LoggedAnswers.ENVIRONMENT);
		}
		ChildJvmCall.Result result = ChildJvmCall.run(classPath, AzureFunctionCall.class.getName(),
				List.of(staging.toString(), invocation.function()), invocation.event(), invocation.workDir().resolve("call"), env);
		String answer = result.answer() == null ? "(no result: the function did not run)" : result.answer();
		String body = null;
		boolean failed = result.threw();
		if (result.answer() != null && MiniJson.parse(answer) instanceof Map<?, ?> outcome
				&& outcome.get("http") instanceof Map<?, ?> response) {
			body = response.get("body") == null ? null : String.valueOf(response.get("body"));
			failed |= response.get("statusCode") instanceof Number n && n.intValue() >= 400;
		}
		InvocationOutcome outcome = new InvocationOutcome(answer, body, failed, result.log(), result.coldStartMillis(),
				result.invocationMillis());
		// A blob, queue or timer function returns nothing to the host: what the function answered is in its log.
		return http || failed ? outcome : outcome.withLoggedAnswer(invocation.function());
	}

	/** The host's 404 for a route no function declares, and polyfn's contract explaining it. */
	static InvocationOutcome unknownFunction(String function, Path staging) throws IOException {
		Map<String, Object> contract = new LinkedHashMap<>();
		contract.put("error", "function_not_found");
		contract.put("message", "No function named '" + function + "' in the Azure app " + staging.getFileName()
				+ "; its functions are " + functions(staging));
		return new InvocationOutcome(HOST_404, MiniJson.write(contract), true, "(no function ran)", 0, 0,
				"polyfn:invoke (no function of that name: the host answered before any function ran)");
	}

	@Override
	public Serving serve(Invocation invocation, int port) throws Exception {
		Path staging = javaWorkerStaging(invocation.artifact());
		Path handler = customHandler(invocation.artifact()).orElseThrow(() -> new UnsupportedOperationException(
				"polyfn:run serves Azure's custom-handler package (" + staging.getFileName() + CUSTOM_HANDLER_SUFFIX
						+ "/), which this build did not write (it holds the HTTP functions only); "
						+ "use polyfn:invoke -Dpolyfn.cloud=azure for the Java-worker functions"));
		Map<String, String> env = new LinkedHashMap<>();
		env.put("FUNCTIONS_WORKER_RUNTIME", "custom");
		env.put("WEBSITE_SITE_NAME", "polyfn-local");
		env.put("SPRING_CLOUD_FUNCTION_DEFINITION", null);
		env.put("PORT", null);
		env.put("TZ", "UTC");
		// host.json's customHandler.description: /bin/bash polyfn-handler.sh, in the app's folder, on a port of its own
		int handlerPort = Ports.free();
		env.put("FUNCTIONS_CUSTOMHANDLER_PORT", Integer.toString(handlerPort));
		LocalProcess process = LocalProcess.start(List.of("/bin/bash", "polyfn-handler.sh"), handler, env,
				invocation.workDir().resolve("custom-handler.log"));
		return AzureHostFront.start(AzureHostFront.routes(handler), new LocalServer(process, handlerPort), port);
	}

	/** The staging folder of the Java-worker package: the folder beside the custom handler's whose host.json names no custom handler. */
	static Path javaWorkerStaging(Path artifact) throws IOException {
		Path folder = Files.isDirectory(artifact) ? artifact : artifact.getParent();
		if (!isCustomHandler(folder)) {
			return folder;
		}
		Path sibling = folder.resolveSibling(folder.getFileName().toString().replace(CUSTOM_HANDLER_SUFFIX, ""));
		return Files.isRegularFile(sibling.resolve("host.json")) ? sibling : folder;
	}

	/** The custom-handler package beside the Java-worker staging folder, when the build wrote one. */
	static Optional<Path> customHandler(Path artifact) throws IOException {
		Path staging = javaWorkerStaging(artifact);
		Path handler = staging.resolveSibling(staging.getFileName() + CUSTOM_HANDLER_SUFFIX);
		return Files.isRegularFile(handler.resolve("host.json")) && isCustomHandler(handler) ? Optional.of(handler)
				: Optional.empty();
	}

	private static boolean isCustomHandler(Path folder) throws IOException {
		Path host = folder.resolve("host.json");
		return Files.isRegularFile(host) && MiniJson.parse(Files.readString(host)) instanceof Map<?, ?> json
				&& json.containsKey("customHandler");
	}

	private static List<String> functions(Path staging) throws IOException {
		try (Stream<Path> dirs = Files.list(staging)) {
			return dirs.filter(d -> Files.isRegularFile(d.resolve("function.json"))).map(d -> d.getFileName().toString())
				.sorted().toList();
		}
	}
}
