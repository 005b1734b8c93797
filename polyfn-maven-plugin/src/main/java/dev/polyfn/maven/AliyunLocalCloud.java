package dev.polyfn.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.polyfn.local.BootstrapScripts;
import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.FcRequestHeaders;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.events.Trigger;

/**
 * Alibaba Cloud FC 3.0 custom runtime: the upload ZIP unpacked with its modes and its {@code bootstrap} started; an
 * HTTP trigger's request is passed through as it is (FC adds its {@code x-fc-*} headers), an event trigger's event is
 * posted to {@code /invoke}, as FC does.
 */
final class AliyunLocalCloud implements LocalCloud {

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		try (LocalServer server = start(invocation, null)) {
			Map<String, String> headers = fcHeaders(invocation);
			boolean http = invocation.trigger() == Trigger.HTTP;
			if (!http) {
				headers.put("Content-Type", "application/octet-stream");
			}
			else if (invocation.contentType() != null) {
				headers.put("Content-Type", invocation.contentType());
			}
			// FC reports a function error of /invoke in x-fc-status, whatever the HTTP status
			return ServerCall.post(server, "bootstrap", http ? invocation.path() : "/invoke", invocation.event(), headers,
					response -> response.status() >= 400 || !response.headers().getOrDefault("x-fc-status", "200").equals("200"));
		}
	}

	@Override
	public Serving serve(Invocation invocation, int port) throws Exception {
		LocalServer server = start(invocation, port);
		return new Serving(server.url(""), server.process(), server);
	}

	private static LocalServer start(Invocation invocation, Integer port) throws Exception {
		Path code = invocation.workDir().resolve("code");
		CodeFolders.deleteTree(code);
		CodeFolders.unzipKeepingModes(invocation.artifact(), code);
		Map<String, String> env = new HashMap<>();
		if (invocation.definitionForEvents() != null) {
			env.put("SPRING_CLOUD_FUNCTION_DEFINITION", invocation.definitionForEvents());
		}
		if (port != null) {
			env.put("PORT", port.toString());
			env.put("FC_SERVER_PORT", port.toString());
			env.put("FC_CUSTOM_LISTEN_PORT", port.toString());
		}
		return BootstrapScripts.startFcBootstrap(code, env, invocation.workDir().resolve("bootstrap.log"));
	}

	/** What FC adds to every request it forwards (test credentials, never real ones). */
	private static Map<String, String> fcHeaders(Invocation invocation) {
		Map<String, String> headers = new LinkedHashMap<>(FcRequestHeaders.of(invocation.function()));
		headers.put("x-fc-request-id", UUID.randomUUID().toString());
		return headers;
	}
}
