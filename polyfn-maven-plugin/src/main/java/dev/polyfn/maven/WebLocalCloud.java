package dev.polyfn.maven;

import java.io.File;
import java.nio.file.Path;
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
			return ServerCall.post(server, "the web server", invocation.path(), invocation.event(),
					Map.of("Content-Type", invocation.contentType() == null ? "application/json" : invocation.contentType()),
					response -> response.status() >= 400);
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
