package dev.polyfn.maven;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.polyfn.local.LocalContainer;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.Ports;
import dev.polyfn.local.events.KnativeEvents;
import dev.polyfn.local.events.Trigger;

/**
 * The container package as its image runs it, without a container engine: the Dockerfile's {@code ENTRYPOINT} (same
 * JVM flags, the image's {@code /app} being the package's {@code image/app/}, {@code PORT} set) under the JDK of the
 * base image's Java version ({@link LocalContainer}). An HTTP trigger gets the request as it is; an event trigger
 * gets its CloudEvent in binary mode, as a Knative Broker's Trigger delivers it (the attributes as {@code ce-*}
 * headers, the data as the body), and the reply event comes back the same way. Closing the server sends SIGTERM,
 * as Knative does before it stops an instance.
 */
final class ContainerLocalCloud implements LocalCloud {

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		try (LocalServer server = start(invocation, Ports.free())) {
			if (invocation.trigger() == Trigger.HTTP) {
				return ServerCall.post(server, "the image's entrypoint", invocation.path(), invocation.event(),
						Map.of("Content-Type", invocation.contentType() == null ? "application/json" : invocation.contentType()),
						response -> response.status() >= 400);
			}
			KnativeEvents.BinaryRequest event = KnativeEvents.binaryMode(new String(invocation.event(), StandardCharsets.UTF_8));
			// Knative counts anything but 2xx as not delivered (retried or dead-lettered)
			return ServerCall.post(server, "the image's entrypoint", invocation.path(), event.body(), event.headers(),
					response -> response.status() >= 300);
		}
	}

	@Override
	public Serving serve(Invocation invocation, int port) throws Exception {
		LocalServer server = start(invocation, port);
		return new Serving(server.url(""), server.process(), server);
	}

	/** {@code target/polyfn/container}: the artifact is {@code image/app/<jar>} in it. */
	static Path packageFolder(Path applicationJar) {
		return applicationJar.toAbsolutePath().getParent().getParent().getParent();
	}

	private static LocalServer start(Invocation invocation, int port) throws Exception {
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_CLOUD_FUNCTION_DEFINITION", null); // every function by its path, as service.yaml has it without one
		return LocalContainer.start(packageFolder(invocation.artifact()), port, env, invocation.workDir().resolve("container.log"));
	}
}
