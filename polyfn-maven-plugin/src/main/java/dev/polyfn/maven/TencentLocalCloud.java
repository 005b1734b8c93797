package dev.polyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.polyfn.local.BootstrapScripts;
import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.LocalProcess;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.MiniJson;
import dev.polyfn.local.ScfEventFunction;
import dev.polyfn.local.ScfRuntimeApi;
import dev.polyfn.local.events.Trigger;

/**
 * Tencent SCF: the upload ZIP unpacked with its modes. An invocation goes to the event function as SCF runs it: on
 * the Custom Runtime (the generated event-function/serverless.yml's {@code runtime: CustomRuntime}), the package's
 * own {@code bootstrap} started against a local SCF runtime API ({@link ScfRuntimeApi}), which hands it the event
 * and takes back what its loop posts; a Java handler ({@code pkg.Class::method}, SCF's Java runtimes) is called as
 * that runtime calls it ({@link ScfEventFunction}). {@code run} starts the web function's {@code scf_bootstrap}.
 */
final class TencentLocalCloud implements LocalCloud {

	private static final Duration LIMIT = Duration.ofMinutes(5);

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		Path code = unpack(invocation);
		Map<String, String> env = new HashMap<>();
		if (invocation.definitionForEvents() != null) {
			env.put("SPRING_CLOUD_FUNCTION_DEFINITION", invocation.definitionForEvents());
		}
		env.put("SCF_FUNCTIONNAME", invocation.function());
		env.put("TZ", "UTC");
		String handler = handler(invocation.artifact());
		return handler.contains("::") ? javaRuntime(invocation, code, handler, env) : customRuntime(invocation, code, handler, env);
	}

	/** The package's bootstrap: init, ready, then one event through next / response (or error). */
	private static InvocationOutcome customRuntime(Invocation invocation, Path code, String handler, Map<String, String> env)
			throws Exception {
		try (ScfRuntimeApi api = new ScfRuntimeApi();
				LocalProcess bootstrap = BootstrapScripts.startScfCustomRuntime(code, api, handler, env,
						invocation.workDir().resolve("bootstrap.log"))) {
			CompletableFuture<Object> exited = bootstrap.process().onExit().thenApply(p -> null);
			if (CompletableFuture.anyOf(api.ready(), exited).get(LIMIT.toMinutes(), TimeUnit.MINUTES) == null) {
				return new InvocationOutcome("(bootstrap exited with " + bootstrap.process().exitValue()
						+ " before it reported /runtime/init/ready)", null, true, bootstrap.log(), 0, 0);
			}
			CompletableFuture<ScfRuntimeApi.Outcome> answer = api.invoke(invocation.event());
			if (!(CompletableFuture.anyOf(answer, exited).get(LIMIT.toMinutes(), TimeUnit.MINUTES)
					instanceof ScfRuntimeApi.Outcome outcome)) {
				return new InvocationOutcome("(bootstrap exited with " + bootstrap.process().exitValue()
						+ " before it answered the event)", null, true, bootstrap.log(), 0, 0);
			}
			// SCF's invocation result for a runtime error: the function failed, with what the runtime posted.
			String response = outcome.error() ? "SCF invocation error (/runtime/invocation/error):\n" + outcome.body()
					: outcome.body();
			return outcome(invocation, response, outcome.error() ? null : outcome.body(), outcome.error(), bootstrap.log(),
					(outcome.receivedAtNanos() - bootstrap.startedAtNanos()) / 1e6,
					(outcome.receivedAtNanos() - outcome.deliveredAtNanos()) / 1e6);
		}
	}

	/** SCF's Java runtime: the handler string's class and method called with the event, in a JVM of its own. */
	private static InvocationOutcome javaRuntime(Invocation invocation, Path code, String handler, Map<String, String> env)
			throws Exception {
		ChildJvmCall.Result result = ChildJvmCall.run(List.of(ChildJvmCall.codeOf(ScfEventFunction.class)),
				ScfEventFunction.class.getName(), List.of(code.toString(), handler), invocation.event(),
				invocation.workDir().resolve("call"), env);
		String answer = result.answer() == null ? "(no result: the handler did not run)" : result.answer();
		return outcome(invocation, answer, result.answer(), result.threw(), result.log(), result.coldStartMillis(),
				result.invocationMillis());
	}

	/** An API Gateway event is answered with an integration response: its body is the function's answer. */
	private static InvocationOutcome outcome(Invocation invocation, String response, String answer, boolean failed,
			String log, double coldStartMillis, double invocationMillis) {
		String body = null;
		int status = 200;
		if (invocation.trigger() == Trigger.HTTP && answer != null && MiniJson.parse(answer) instanceof Map<?, ?> map) {
			body = map.get("body") == null ? null : String.valueOf(map.get("body"));
			status = map.get("statusCode") instanceof Number n ? n.intValue() : 200;
		}
		return new InvocationOutcome(response, body, failed || status >= 400, log, coldStartMillis, invocationMillis);
	}

	@Override
	public Serving serve(Invocation invocation, int port) throws Exception {
		Path code = unpack(invocation);
		LocalServer server = BootstrapScripts.startScfBootstrap(code, Map.of("PORT", Integer.toString(port)),
				invocation.workDir().resolve("scf_bootstrap.log"));
		return new Serving(server.url(""), server.process(), server);
	}

	private static Path unpack(Invocation invocation) throws IOException {
		Path code = invocation.workDir().resolve("code");
		CodeFolders.deleteTree(code);
		CodeFolders.unzipKeepingModes(invocation.artifact(), code);
		return code;
	}

	/**
	 * The event function's execution method, from the generated event-function/serverless.yml: a Java
	 * {@code pkg.Class::method}, or on the Custom Runtime the {@code file.function} SCF hands bootstrap as
	 * {@code _HANDLER} (polyfn's {@code polyfn.handle}, which its loop does not read).
	 */
	static String handler(Path zip) throws IOException {
		Path yml = zip.resolveSibling("event-function").resolve("serverless.yml");
		String declared = Files.readAllLines(yml).stream().map(String::strip).filter(l -> l.startsWith("handler:"))
			.map(l -> l.substring("handler:".length()).strip()).findFirst()
			.orElseThrow(() -> new IOException("No 'handler:' in " + yml));
		return declared;
	}
}
