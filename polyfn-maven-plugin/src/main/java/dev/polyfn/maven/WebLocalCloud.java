package dev.polyfn.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.local.LocalProcess;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.Ports;

/**
 * polyfn's own web server: the project's classes and runtime class path served by {@code dev.polyfn.core.boot.PolyfnServer}
 * (what the FC and SCF web packages start too), every function at {@code POST /<name>}.
 */
final class WebLocalCloud implements LocalCloud {

	private final List<Path> classPath;
	private final String startClass;

	WebLocalCloud(List<Path> classPath, String startClass) {
		this.classPath = classPath;
		this.startClass = startClass;
	}

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		try (LocalServer server = start(invocation, Ports.free())) {
			if (!server.awaitListening(Duration.ofMinutes(2))) {
				return new InvocationOutcome("(the web server did not listen)", null, true, server.process().log(), 0, 0);
			}
			long sent = System.nanoTime();
			Http.Response response = Http.post(server.url(invocation.path()), invocation.event(),
					Map.of("Content-Type", invocation.contentType() == null ? "application/json" : invocation.contentType()));
			long received = System.nanoTime();
			return new InvocationOutcome(response.asText(), response.body(), response.status() >= 400, server.process().log(),
					(received - server.process().startedAtNanos()) / 1e6, (received - sent) / 1e6);
		}
	}

	@Override
	public Serving serve(Invocation invocation, int port) throws Exception {
		LocalServer server = start(invocation, port);
		return new Serving(server.url(""), server.process(), server);
	}

	private LocalServer start(Invocation invocation, int port) throws Exception {
		List<String> command = List.of(LocalProcess.java(), "-Dpolyfn.main-class=" + startClass, "-cp",
				String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
				"dev.polyfn.core.boot.PolyfnServer");
		Map<String, String> env = new HashMap<>();
		env.put("PORT", Integer.toString(port));
		env.put("SPRING_CLOUD_FUNCTION_DEFINITION", null); // every function, by path
		LocalProcess process = LocalProcess.start(command, invocation.workDir(), env, invocation.workDir().resolve("web.log"));
		return new LocalServer(process, port);
	}
}
