package dev.polyfn.local.openwhisk;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.local.LocalJvms;
import dev.polyfn.local.LocalProcess;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.MiniJson;
import dev.polyfn.local.Ports;

/**
 * An OpenWhisk Java action container on this machine, as the invoker drives it: {@link ActionProxy} in a Java 17 JVM
 * of its own (the runtime's Java) on 127.0.0.1, with this module and the runtime's Gson as its class path, given the
 * action jar once with {@code POST /init} ({@code {"value": {"name", "main", "binary": true, "code": <base64>}}}),
 * then activations with {@code POST /run}.
 */
public final class LocalActionRuntime implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The proxy's answer to {@code /init} or {@code /run}: its status and body. */
	public record Answer(int status, String body) {
	}

	private final LocalServer server;

	private LocalActionRuntime(LocalServer server) {
		this.server = server;
	}

	/**
	 * Starts the container and initialises it with the jar; {@code jvmOptions} stand in for the image's settings.
	 * {@code proxyClassPath} is where {@link ActionProxy} loads from (this module's jar or classes) and Gson's jar.
	 */
	public static LocalActionRuntime start(List<Path> proxyClassPath, List<String> jvmOptions, Path actionJar, String name,
			String main, Path log) throws IOException, InterruptedException {
		int port = Ports.free();
		List<String> command = new ArrayList<>();
		command.add(LocalJvms.java(17).toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", String.join(File.pathSeparator, proxyClassPath.stream().map(p -> p.toAbsolutePath().toString()).toList()),
				ActionProxy.class.getName(), String.valueOf(port)));
		LocalActionRuntime runtime = new LocalActionRuntime(new LocalServer(LocalProcess.start(command, null, Map.of(), log), port));
		if (!runtime.server.awaitListening(Duration.ofSeconds(30))) {
			runtime.close();
			throw new IllegalStateException("The action proxy did not start: " + runtime.log());
		}
		Map<String, Object> code = new LinkedHashMap<>();
		code.put("name", name);
		code.put("main", main);
		code.put("binary", true);
		code.put("code", Base64.getEncoder().encodeToString(Files.readAllBytes(actionJar)));
		Answer initialised = runtime.post("/init", MiniJson.write(Map.of("value", code)).getBytes(StandardCharsets.UTF_8));
		if (initialised.status() != 200) {
			runtime.close();
			throw new IllegalStateException("/init answered " + initialised.status() + " " + initialised.body() + ": " + runtime.log());
		}
		return runtime;
	}

	/** One activation with this {@code /run} body ({@link WebActionArguments}). */
	public Answer run(byte[] body) throws IOException, InterruptedException {
		return post("/run", body);
	}

	public LocalProcess process() {
		return server.process();
	}

	public String log() {
		return server.process().log();
	}

	private Answer post(String path, byte[] body) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url(path)))
				.timeout(Duration.ofSeconds(90)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		server.close();
	}
}
