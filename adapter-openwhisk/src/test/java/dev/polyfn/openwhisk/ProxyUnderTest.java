package dev.polyfn.openwhisk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.local.openwhisk.ActionProxy;
import dev.polyfn.local.openwhisk.ControllerResponse;
import dev.polyfn.local.openwhisk.LocalActionRuntime;
import tools.jackson.databind.JsonNode;

/**
 * An action container as the invoker drives it: polyfn-local's emulated proxy ({@link ActionProxy}) in a Java 17
 * JVM of its own on 127.0.0.1 ({@link LocalActionRuntime}), given the action jar with {@code POST /init}, then
 * activations with {@code POST /run}. The {@code /run} bodies are test resources under {@code openwhisk/run/}, in
 * the shape of the runtime's own test payloads (apache/openwhisk-runtime-java
 * core/java8/proxy/profiles/base/tests/helloworldwithparams/ payload-openwhisk-run.http and
 * openwhisk-data-init.json.tmpl, read 2026-12-03).
 */
final class ProxyUnderTest implements AutoCloseable {

	private final LocalActionRuntime runtime;

	/** The proxy's answer: its status and JSON body (null for "OK"), and the body's text. */
	record Answer(int status, JsonNode body, String text) {

		/** What the controller answers the caller for this web action result. */
		ControllerResponse http() {
			return ControllerResponse.of(text);
		}
	}

	private ProxyUnderTest(LocalActionRuntime runtime) {
		this.runtime = runtime;
	}

	/** Starts a container (JVM options such as {@code -Dname=value} stand in for its image's settings) and inits it. */
	static ProxyUnderTest started(String name, List<String> jvmOptions) throws Exception {
		return started(name, jvmOptions, OpenWhiskAction.MAIN);
	}

	/** As above, with the {@code main} of {@code /init} ({@code --main}: a class, or {@code class#method}). */
	static ProxyUnderTest started(String name, List<String> jvmOptions, String main) throws Exception {
		List<Path> proxyClassPath = List.of(codeSource(ActionProxy.class), Path.of(System.getProperty("polyfn.openwhisk.gson.jar")));
		return new ProxyUnderTest(LocalActionRuntime.start(proxyClassPath, jvmOptions, ActionJars.action(), name, main,
				Path.of("target", "openwhisk", name + ".log")));
	}

	/** One activation with the /run body in {@code openwhisk/run/<fixture>}. */
	Answer run(String fixture) throws IOException, InterruptedException {
		try (InputStream in = ProxyUnderTest.class.getResourceAsStream("/openwhisk/run/" + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture openwhisk/run/" + fixture);
			}
			LocalActionRuntime.Answer answer = runtime.run(in.readAllBytes());
			JsonNode json = "OK".equals(answer.body()) ? null : JsonEvents.readTree(answer.body().getBytes(StandardCharsets.UTF_8));
			return new Answer(answer.status(), json, answer.body());
		}
	}

	String log() {
		return runtime.log();
	}

	private static Path codeSource(Class<?> type) throws URISyntaxException {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	@Override
	public void close() {
		runtime.close();
	}
}
