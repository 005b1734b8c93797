package dev.polyfn.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.maven.plugin.MojoExecutionException;

import dev.polyfn.local.MiniJson;
import dev.polyfn.local.events.Trigger;
import dev.polyfn.local.openwhisk.ControllerResponse;
import dev.polyfn.local.openwhisk.LocalActionRuntime;
import dev.polyfn.local.openwhisk.WebActionArguments;

/**
 * An OpenWhisk action container on this machine ({@link LocalActionRuntime}: the Java runtime's proxy, emulated from
 * its source, in a Java 17 JVM with the runtime's Gson): {@code POST /init} with the package's action jar and its
 * {@code main} (from manifest.yaml, what {@code wsk action create --main} gets), then one {@code POST /run}. An HTTP
 * trigger is a raw web action: the request becomes the controller's {@code __ow_*} arguments, the function chosen
 * by {@code __ow_path}, and the result is answered as the controller answers the caller ({@link ControllerResponse}).
 * Any other trigger is a plain action: the event file is its parameters (a JSON object) with the
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION} parameter the package sets, and the result is the activation's JSON.
 */
final class OpenWhiskLocalCloud implements LocalCloud {

	static final String DEFINITION_PARAMETER = "SPRING_CLOUD_FUNCTION_DEFINITION";

	private final List<Path> proxyClassPath;

	OpenWhiskLocalCloud(List<Path> proxyClassPath) {
		this.proxyClassPath = proxyClassPath;
	}

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		Path jar = invocation.artifact();
		String action = "/guest/local/" + invocation.function();
		boolean web = invocation.trigger() == Trigger.HTTP;
		byte[] run = (web ? webRun(invocation, action) : plainRun(invocation, action)).getBytes(StandardCharsets.UTF_8);
		try (LocalActionRuntime runtime = LocalActionRuntime.start(proxyClassPath, List.of(), jar, invocation.function(),
				main(jar.resolveSibling("manifest.yaml")), invocation.workDir().resolve("openwhisk.log"))) {
			long sent = System.nanoTime();
			LocalActionRuntime.Answer answer = runtime.run(run);
			long received = System.nanoTime();
			double coldStart = (received - runtime.process().startedAtNanos()) / 1e6;
			double invocationTime = (received - sent) / 1e6;
			if (answer.status() != 200) {
				// the action failed in the runtime: the controller answers 502 (web) or records a failed activation
				return new InvocationOutcome("/run " + answer.status() + "\n" + answer.body(), null, true, runtime.log(),
						coldStart, invocationTime);
			}
			if (!web) {
				boolean failed = MiniJson.parse(answer.body()) instanceof Map<?, ?> result && result.containsKey("error");
				return new InvocationOutcome("/run 200\n" + answer.body(), answer.body(), failed, runtime.log(), coldStart,
						invocationTime);
			}
			ControllerResponse http = ControllerResponse.of(answer.body());
			Map<String, String> headers = new TreeMap<>();
			http.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
			String body = new String(http.body(), StandardCharsets.UTF_8);
			return new InvocationOutcome(new Http.Response(http.status(), headers, body).asText(), body, http.status() >= 400,
					runtime.log(), coldStart, invocationTime);
		}
	}

	/** The action jar in one action container, behind what the controller does for a raw web action ({@link OpenWhiskWebFront}). */
	@Override
	public Serving serve(Invocation invocation, int port) throws Exception {
		Path jar = invocation.artifact();
		LocalActionRuntime runtime = LocalActionRuntime.start(proxyClassPath, List.of(), jar, "local",
				main(jar.resolveSibling("manifest.yaml")), invocation.workDir().resolve("openwhisk.log"));
		com.sun.net.httpserver.HttpServer front;
		try {
			front = OpenWhiskWebFront.start(runtime::run, port);
		}
		catch (IOException portTaken) {
			runtime.close();
			throw portTaken;
		}
		return new Serving("http://127.0.0.1:" + port, runtime.process(), () -> {
			front.stop(0);
			runtime.close();
		});
	}

	private static String webRun(Invocation invocation, String action) {
		String contentType = invocation.contentType() == null ? "application/json" : invocation.contentType();
		return WebActionArguments.of("POST", Map.of("Content-Type", List.of(contentType)), contentType, invocation.path(), "",
				invocation.event(), action);
	}

	private static String plainRun(Invocation invocation, String action) throws MojoExecutionException {
		String text = new String(invocation.event(), StandardCharsets.UTF_8);
		Object parsed;
		try {
			parsed = text.isBlank() ? Map.of() : MiniJson.parse(text);
		}
		catch (IllegalArgumentException notJson) {
			parsed = null;
		}
		if (!(parsed instanceof Map<?, ?> given)) {
			throw new MojoExecutionException("A plain OpenWhisk action's input is its parameters, a JSON object"
					+ " (wsk action invoke NAME --param key value); polyfn.event holds " + (text.length() > 80 ? text.substring(0, 80) + "..." : text));
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		given.forEach((name, value) -> parameters.put(String.valueOf(name), value));
		parameters.put(DEFINITION_PARAMETER, invocation.function()); // what the package's --param sets
		return WebActionArguments.plain(parameters, action);
	}

	/** The {@code main} the package's manifest.yaml gives the actions ({@code wsk action create --main}). */
	static String main(Path manifest) throws IOException, MojoExecutionException {
		if (Files.isRegularFile(manifest)) {
			for (String line : Files.readAllLines(manifest)) {
				String trimmed = line.trim();
				if (trimmed.startsWith("main:")) {
					String value = trimmed.substring("main:".length()).trim();
					return value.startsWith("\"") ? (String) MiniJson.parse(value) : value;
				}
			}
		}
		throw new MojoExecutionException("No main in " + manifest + ": package with mvn -Popenwhisk package first");
	}
}
