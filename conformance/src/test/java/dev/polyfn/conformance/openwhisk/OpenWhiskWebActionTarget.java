package dev.polyfn.conformance.openwhisk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;

import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.model.Headers;
import dev.polyfn.openwhisk.OpenWhiskAction;
import dev.polyfn.local.openwhisk.ActionProxy;
import dev.polyfn.local.openwhisk.ControllerResponse;
import dev.polyfn.local.openwhisk.WebActionArguments;

/**
 * An OpenWhisk raw web action holding the whole application ({@code wsk action create conformance app.jar --main
 * dev.polyfn.openwhisk.OpenWhiskAction --web raw}, no definition parameter), called at
 * {@code https://APIHOST/api/v1/web/guest/default/conformance.http/<function>}: the path after the action name
 * ({@code __ow_path}) names the function. The action container is the emulated Java runtime proxy of
 * polyfn-local, in this JVM on 127.0.0.1: {@code POST /init} once with the adapter's jar as base64
 * {@code code} and {@code main}, {@code POST /run} per call with the controller's arguments of a raw web action and
 * the activation fields ({@link WebActionArguments}). The jar's class loader has this JVM's class path as its parent, as the runtime's has its
 * own, so the application (ConformanceApplication) and Gson resolve there.
 *
 * <p>The request side is the controller's ({@link WebActionArguments}); the answer is
 * read as the controller reads a web action's result ({@link ControllerResponse}). Not emulated: the controller's own
 * request limit (1 MB by default), which on a deployment answers an over-large request with 413 before any action runs.
 */
public final class OpenWhiskWebActionTarget implements Target.Http {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();
	private static HttpServer proxy;
	private static String base;

	@Override
	public String name() {
		return "OpenWhisk web action";
	}

	@Override
	public Map<String, String> exclusions() {
		return Map.of("multi-value", "the controller passes __ow_headers as one value per name (WebActions.scala"
				+ " Context.metadata builds a map), so a repeated X-Multi arrives once; repeated query parameters do"
				+ " arrive (__ow_query is the raw query)");
	}

	@Override
	public HttpAnswer call(HttpCall call) throws Exception {
		String url = SharedRuntime.entry(null, OpenWhiskWebActionTarget.class, OpenWhiskWebActionTarget::initialised);
		HttpResponse<String> run = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/run"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(runBody(call))).build(),
				HttpResponse.BodyHandlers.ofString());
		if (run.statusCode() != 200) {
			// the action failed in the runtime ({"error": ...} with 502): the controller answers 502 itself
			return new HttpAnswer(502, new Headers(), run.body().getBytes(StandardCharsets.UTF_8));
		}
		ControllerResponse http = ControllerResponse.of(run.body());
		return new HttpAnswer(http.status(), Headers.of(http.headers()), http.body());
	}

	/** The /run body: the controller's arguments of a raw web action under {@code value}, the activation fields beside. */
	static String runBody(HttpCall call) {
		return WebActionArguments.of(call.method(), call.headers().toMap(), call.contentType(), call.path(), call.rawQuery(),
				call.body(), "/guest/default/conformance");
	}

	/** Starts the proxy once and initialises it with the adapter's jar; the runtime is the shared one (cloud of the first). */
	private static synchronized String initialised() {
		try {
			if (proxy == null) {
				proxy = ActionProxy.start(0);
				base = "http://127.0.0.1:" + proxy.getAddress().getPort();
				JsonObject code = new JsonObject();
				code.addProperty("name", "conformance");
				code.addProperty("main", OpenWhiskAction.MAIN);
				code.addProperty("binary", true);
				code.addProperty("code", Base64.getEncoder().encodeToString(Files.readAllBytes(adapterJar())));
				JsonObject init = new JsonObject();
				init.add("value", code);
				HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/init"))
						.POST(HttpRequest.BodyPublishers.ofString(init.toString())).build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() != 200) {
					throw new IllegalStateException("/init answered " + answer.statusCode() + ": " + answer.body());
				}
			}
			return base;
		}
		catch (IOException | InterruptedException | URISyntaxException e) {
			throw new IllegalStateException("The emulated OpenWhisk action proxy did not start", e);
		}
	}

	/** adapter-openwhisk as a jar: its jar on the class path, or its classes folder (a reactor build) zipped. */
	private static Path adapterJar() throws IOException, URISyntaxException {
		Path location = Path.of(OpenWhiskAction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		if (Files.isRegularFile(location)) {
			return location;
		}
		Path jar = Files.createTempFile("adapter-openwhisk", ".jar");
		jar.toFile().deleteOnExit();
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
				Stream<Path> classes = Files.walk(location)) {
			for (Path entry : classes.filter(Files::isRegularFile).sorted().toList()) {
				out.putNextEntry(new JarEntry(location.relativize(entry).toString().replace('\\', '/')));
				Files.copy(entry, out);
				out.closeEntry();
			}
		}
		return jar;
	}

}
