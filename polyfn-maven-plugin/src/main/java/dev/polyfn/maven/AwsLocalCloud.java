package dev.polyfn.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.polyfn.local.LambdaRuntimeApi;
import dev.polyfn.local.LocalLambda;
import dev.polyfn.local.MiniJson;
import dev.polyfn.local.events.Trigger;

/**
 * Lambda: the upload jar under the real runtime interface client with the handler polyfn's SAM template gives the
 * trigger, the event posted through the local Runtime API. The response is the document the runtime client posted,
 * as Lambda returns it to its caller.
 */
final class AwsLocalCloud implements LocalCloud {

	private final List<Path> runtimeClient;

	AwsLocalCloud(List<Path> runtimeClient) {
		this.runtimeClient = runtimeClient;
	}

	/** The handler of each trigger, as in the template.yaml AwsPackager writes. */
	static String handler(Trigger trigger) {
		return "dev.polyfn.aws." + switch (trigger) {
			case HTTP -> "ApiGatewayHttpHandler";
			case QUEUE -> "SqsHandler";
			case STORAGE -> "S3Handler";
			case SCHEDULE -> "EventBridgeHandler";
			case PUBSUB -> "SnsHandler";
		} + "::handleRequest";
	}

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		try (LocalLambda lambda = start(invocation)) {
			CompletableFuture<LambdaRuntimeApi.Outcome> answer = lambda.api().invoke(invocation.event());
			LambdaRuntimeApi.Outcome outcome = (LambdaRuntimeApi.Outcome) CompletableFuture
				.anyOf(answer, lambda.api().initError(), exited(lambda)).get(5, TimeUnit.MINUTES);
			long started = lambda.process().startedAtNanos();
			if (outcome == null) {
				return new InvocationOutcome("(the runtime exited before it answered)", null, true, lambda.process().log(), 0, 0);
			}
			String functionAnswer = outcome.isError() ? null : httpBody(outcome.body(), invocation.trigger());
			boolean failed = outcome.isError() || (invocation.trigger() == Trigger.HTTP && httpStatus(outcome.body()) >= 400);
			String response = (outcome.isError() ? "Lambda " + outcome.kind() + ":\n" : "") + outcome.body();
			double invocationMillis = outcome.deliveredAtNanos() == 0 ? 0 : (outcome.receivedAtNanos() - outcome.deliveredAtNanos()) / 1e6;
			return new InvocationOutcome(response, functionAnswer, failed, lambda.process().log(),
					(outcome.receivedAtNanos() - started) / 1e6, invocationMillis);
		}
	}

	private static CompletableFuture<LambdaRuntimeApi.Outcome> exited(LocalLambda lambda) {
		return lambda.process().process().onExit().thenApply(p -> null);
	}

	/** The Java version of the runtime the package's template.yaml names ({@code Runtime: java25}). */
	static int targetJava(java.nio.file.Path artifact) throws java.io.IOException {
		java.nio.file.Path template = artifact.resolveSibling("template.yaml");
		if (java.nio.file.Files.isRegularFile(template)) {
			java.util.regex.Matcher runtime = java.util.regex.Pattern.compile("(?m)^\\s*Runtime:\\s*java(\\d+)")
					.matcher(java.nio.file.Files.readString(template));
			if (runtime.find()) {
				return Integer.parseInt(runtime.group(1));
			}
		}
		return Runtime.version().feature();
	}

	private LocalLambda start(Invocation invocation) throws Exception {
		Map<String, String> env = new HashMap<>();
		if (invocation.definitionForEvents() != null) {
			env.put("SPRING_CLOUD_FUNCTION_DEFINITION", invocation.definitionForEvents());
		}
		LocalLambda.Settings settings = LocalLambda.Settings.of(invocation.artifact(), handler(invocation.trigger()), runtimeClient)
			.withFunctionName(invocation.function())
			.withEnvironment(env)
			// as Lambda's managed runtime would: the Java version template.yaml names, when installed here
			.withJavaVersion(targetJava(invocation.artifact()));
		return LocalLambda.start(settings, invocation.workDir().resolve("lambda.log"));
	}

	/** An HTTP API's answer is a payload 2.0 response: the function's answer is its body. */
	private static String httpBody(String response, Trigger trigger) {
		if (trigger != Trigger.HTTP) {
			return null;
		}
		Object json = MiniJson.parse(response);
		return json instanceof Map<?, ?> map && map.get("body") != null ? String.valueOf(map.get("body")) : null;
	}

	private static int httpStatus(String response) {
		Object json = MiniJson.parse(response);
		return json instanceof Map<?, ?> map && map.get("statusCode") instanceof Number n ? n.intValue() : 200;
	}

	@Override
	public Serving serve(Invocation invocation, int port) throws Exception {
		LocalLambda lambda = start(invocation);
		return LambdaHttpBridge.start(lambda, port);
	}
}
