package dev.polyfn.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.polyfn.local.FunctionsFrameworkInvoker;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.events.Trigger;

/**
 * Cloud Run functions: the Functions Framework invoker serving the packaged jar, with the HTTP entry point for an
 * HTTP trigger (the request as it is) and the CloudEvents entry point for the others (a structured-mode CloudEvent,
 * as Eventarc delivers it). Such a function answers with a status and no body, so an event invocation shows
 * the function's answer as it logged it ({@link LoggedAnswers}).
 */
final class GcpLocalCloud implements LocalCloud {

	static final String HTTP_TARGET = "dev.polyfn.gcp.GcpHttpFunction";
	static final String EVENTS_TARGET = "dev.polyfn.gcp.GcpCloudEventsFunction";

	private final Path invokerJar;

	GcpLocalCloud(Path invokerJar) {
		this.invokerJar = invokerJar;
	}

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		try (LocalServer server = start(invocation, null)) {
			boolean http = invocation.trigger() == Trigger.HTTP;
			String contentType = http ? (invocation.contentType() == null ? "application/json" : invocation.contentType())
					: "application/cloudevents+json; charset=utf-8";
			InvocationOutcome outcome = ServerCall.post(server, "the Functions Framework", http ? invocation.path() : "/",
					invocation.event(), Map.of("Content-Type", contentType), response -> response.status() >= 400);
			// A CloudEvents function answers with a status only: what the function returned is in its log.
			return http ? outcome : outcome.withLoggedAnswer(invocation.function());
		}
	}

	@Override
	public Serving serve(Invocation invocation, int port) throws Exception {
		LocalServer server = start(invocation, port);
		return new Serving(server.url(""), server.process(), server);
	}

	private LocalServer start(Invocation invocation, Integer port) throws Exception {
		Map<String, String> env = new HashMap<>();
		if (invocation.definitionForEvents() != null) {
			env.put("SPRING_CLOUD_FUNCTION_DEFINITION", invocation.definitionForEvents());
			env.putAll(LoggedAnswers.ENVIRONMENT);
		}
		String target = invocation.trigger() == Trigger.HTTP ? HTTP_TARGET : EVENTS_TARGET;
		Path log = invocation.workDir().resolve("functions-framework.log");
		return port == null ? FunctionsFrameworkInvoker.start(invokerJar, invocation.artifact(), target, env, log)
				: FunctionsFrameworkInvoker.start(invokerJar, invocation.artifact(), target, env, log, port);
	}
}
