package dev.polyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.polyfn.local.AzureFunctionCall;
import dev.polyfn.local.MiniJson;

/**
 * Azure Functions: the staging folder's function (its function.json) called the way the Java worker calls it for the
 * host, with the inputs the host sends (see {@link AzureFunctionCall}). The Functions host itself is .NET and does not
 * run here; {@code polyfn:run} is not offered for Azure for that reason.
 */
final class AzureLocalCloud implements LocalCloud {

	private final List<Path> functionsLibrary;

	AzureLocalCloud(List<Path> functionsLibrary) {
		this.functionsLibrary = functionsLibrary;
	}

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		Path staging = invocation.artifact().getParent();
		if (!Files.isRegularFile(staging.resolve(invocation.function()).resolve("function.json"))) {
			return new InvocationOutcome("HTTP 404 (the host has no function '" + invocation.function()
					+ "'; the app's functions are " + functions(staging) + ")", null, true, "", 0, 0);
		}
		List<Path> classPath = new ArrayList<>(List.of(ChildJvmCall.codeOf(AzureFunctionCall.class)));
		classPath.addAll(functionsLibrary);
		try (Stream<Path> jars = Stream.concat(Files.list(staging), Files.list(staging.resolve("lib")))) {
			jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(classPath::add);
		}
		ChildJvmCall.Result result = ChildJvmCall.run(classPath, AzureFunctionCall.class.getName(),
				List.of(staging.toString(), invocation.function()), invocation.event(), invocation.workDir().resolve("call"),
				Map.of("FUNCTIONS_WORKER_RUNTIME", "java", "WEBSITE_SITE_NAME", "polyfn-local"));
		String answer = result.answer() == null ? "(no result: the function did not run)" : result.answer();
		String body = null;
		boolean failed = result.threw();
		if (result.answer() != null && MiniJson.parse(answer) instanceof Map<?, ?> outcome
				&& outcome.get("http") instanceof Map<?, ?> http) {
			body = http.get("body") == null ? null : String.valueOf(http.get("body"));
			failed |= http.get("statusCode") instanceof Number n && n.intValue() >= 400;
		}
		return new InvocationOutcome(answer, body, failed, result.log(), result.coldStartMillis(), result.invocationMillis());
	}

	@Override
	public Serving serve(Invocation invocation, int port) {
		throw new UnsupportedOperationException("polyfn:run does not serve Azure: the Functions host (.NET) does not run "
				+ "here; use polyfn:invoke -Dpolyfn.cloud=azure, or func start of Azure Functions Core Tools on the staging folder");
	}

	private static List<String> functions(Path staging) throws IOException {
		try (Stream<Path> dirs = Files.list(staging)) {
			return dirs.filter(d -> Files.isRegularFile(d.resolve("function.json"))).map(d -> d.getFileName().toString())
				.sorted().toList();
		}
	}
}
