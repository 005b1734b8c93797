package dev.polyfn.openwhisk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.local.LocalJvms;
import dev.polyfn.local.LocalProcess;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.Ports;
import dev.polyfn.openwhisk.proxy.ActionProxy;
import dev.polyfn.openwhisk.proxy.ControllerResponse;
import tools.jackson.databind.JsonNode;

/**
 * An action container as the invoker drives it: the emulated proxy ({@link ActionProxy}) in a Java 17 JVM of its
 * own on 127.0.0.1, given the action jar with {@code POST /init}, then activations with {@code POST /run}. The
 * {@code /run} bodies are test resources under {@code openwhisk/run/}, in the shape of the runtime's own test
 * payloads (apache/openwhisk-runtime-java core/java8/proxy/profiles/base/tests/helloworldwithparams/
 * payload-openwhisk-run.http and openwhisk-data-init.json.tmpl, read 2026-12-03).
 */
final class ProxyUnderTest implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final LocalServer server;

	/** The proxy's answer: its status and JSON body (null for "OK"), and the body's text. */
	record Answer(int status, JsonNode body, String text) {

		/** What the controller answers the caller for this web action result. */
		ControllerResponse http() {
			return ControllerResponse.of(text);
		}
	}

	private ProxyUnderTest(LocalServer server) {
		this.server = server;
	}

	/** Starts a container (JVM options such as {@code -Dname=value} stand in for its image's settings) and inits it. */
	static ProxyUnderTest started(String name, List<String> jvmOptions) throws Exception {
		return started(name, jvmOptions, OpenWhiskAction.MAIN);
	}

	/** As above, with the {@code main} of {@code /init} ({@code --main}: a class, or {@code class#method}). */
	static ProxyUnderTest started(String name, List<String> jvmOptions, String main) throws Exception {
		int port = Ports.free();
		List<String> command = new ArrayList<>();
		command.add(LocalJvms.java(17).toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", ActionJars.proxy().toAbsolutePath() + java.io.File.pathSeparator
				+ System.getProperty("polyfn.openwhisk.gson.jar"), ActionProxy.class.getName(), String.valueOf(port)));
		Path log = Path.of("target", "openwhisk", name + ".log");
		LocalServer server = new LocalServer(LocalProcess.start(command, null, Map.of(), log), port);
		ProxyUnderTest proxy = new ProxyUnderTest(server);
		if (!server.awaitListening(Duration.ofSeconds(30))) {
			proxy.close();
			throw new IllegalStateException("The action proxy did not start: " + server.process().log());
		}
		String init = "{\"value\":{\"name\":\"" + name + "\",\"main\":\"" + main
				+ "\",\"binary\":true,\"code\":\"" + Base64.getEncoder().encodeToString(Files.readAllBytes(ActionJars.action()))
				+ "\"}}";
		Answer initialised = proxy.post("/init", init.getBytes(StandardCharsets.UTF_8));
		if (initialised.status() != 200) {
			proxy.close();
			throw new IllegalStateException("/init answered " + initialised + ": " + server.process().log());
		}
		return proxy;
	}

	/** One activation with the /run body in {@code openwhisk/run/<fixture>}. */
	Answer run(String fixture) throws IOException, InterruptedException {
		try (InputStream in = ProxyUnderTest.class.getResourceAsStream("/openwhisk/run/" + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture openwhisk/run/" + fixture);
			}
			return post("/run", in.readAllBytes());
		}
	}

	String log() {
		return server.process().log();
	}

	private Answer post(String path, byte[] body) throws IOException, InterruptedException {
		var response = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url(path)))
				.timeout(Duration.ofSeconds(90))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());
		String text = new String(response.body(), StandardCharsets.UTF_8);
		JsonNode json = "OK".equals(text) ? null : JsonEvents.readTree(response.body());
		return new Answer(response.statusCode(), json, text);
	}

	@Override
	public void close() {
		server.close();
	}
}
