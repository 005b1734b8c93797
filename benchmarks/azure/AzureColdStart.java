import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Cold start of the two Azure packages, from process start to the first answer of {@code reverse}:
 *
 * <ul>
 * <li>{@code custom-handler <unpacked folder> <runs>}: host.json's command ({@code /bin/bash polyfn-handler.sh})
 * with FUNCTIONS_CUSTOMHANDLER_PORT, probed with {@code GET /} every 10 ms as the host's IsWorkerReady does, then
 * {@code POST /api/reverse} as the host forwards it. The bundled jre/ runs it; no java on PATH.</li>
 * <li>{@code java-worker <staging folder> <runs>}: a fresh JVM that loads the staging folder's jar and lib/ in its
 * own class loader (with the Java library the worker provides), makes {@code HttpTriggerHandler} with its
 * no-argument constructor and calls it once with a text request as the worker binds it. The Azure Java worker
 * itself (its JVM start, gRPC channel, function load) is not part of the figure: it is not published as a Maven
 * artifact and cannot run here.</li>
 * </ul>
 * Not a test: it prints figures.
 */
public class AzureColdStart {

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "worker-invoke" -> workerInvoke(Path.of(args[1]));
			case "custom-handler" -> report("custom handler", customHandler(Path.of(args[1]), Integer.parseInt(args[2])));
			case "java-worker" -> report("Java worker (polyfn's part)", javaWorker(Path.of(args[1]), Integer.parseInt(args[2])));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static List<Long> customHandler(Path folder, int runs) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		List<Long> millis = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			int port;
			try (ServerSocket free = new ServerSocket(0)) {
				port = free.getLocalPort();
			}
			ProcessBuilder builder = new ProcessBuilder("/bin/bash", "polyfn-handler.sh").directory(folder.toFile())
					.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
			builder.environment().remove("JAVA_HOME");
			builder.environment().put("PATH", "/usr/bin:/bin");
			builder.environment().put("FUNCTIONS_CUSTOMHANDLER_PORT", Integer.toString(port));
			long started = System.nanoTime();
			Process handler = builder.start();
			try {
				while (true) {
					try {
						client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
								HttpResponse.BodyHandlers.discarding());
						break;
					}
					catch (java.io.IOException notYet) {
						Thread.sleep(10);
					}
				}
				HttpResponse<String> answer = client.send(HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reverse"))
						.header("Content-Type", "text/plain").header("x-azure-functions-invocationid", "bench-" + run)
						.POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
				long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				check(answer.body());
				millis.add(elapsed);
			}
			finally {
				handler.destroy();
				handler.waitFor(10, TimeUnit.SECONDS);
			}
		}
		return millis;
	}

	static List<Long> javaWorker(Path staging, int runs) throws Exception {
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String self = Path.of(AzureColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		List<Long> millis = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			long started = System.nanoTime();
			Process child = new ProcessBuilder(javaBin, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
					self + java.io.File.pathSeparator + System.getProperty("azure.library"), "AzureColdStart",
					"worker-invoke", staging.toString()).redirectErrorStream(true).start();
			String output = new String(child.getInputStream().readAllBytes());
			child.waitFor();
			long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			String answer = output.lines().filter(l -> l.startsWith("answer: ")).findFirst().orElse(output);
			check(answer.substring(answer.indexOf(' ') + 1));
			millis.add(elapsed);
		}
		return millis;
	}

	/** The child JVM: the package's own class loader, the entry point called once as the worker calls it. */
	static void workerInvoke(Path staging) throws Exception {
		List<URL> urls = new ArrayList<>();
		try (Stream<Path> files = Files.list(staging)) {
			for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
				urls.add(jar.toUri().toURL());
			}
		}
		try (Stream<Path> lib = Files.list(staging.resolve("lib"))) {
			for (Path jar : lib.sorted().toList()) {
				urls.add(jar.toUri().toURL());
			}
		}
		for (String library : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			if (library.contains("azure-functions-java")) {
				urls.add(Path.of(library).toUri().toURL());
			}
		}
		URLClassLoader packaged = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
		Thread.currentThread().setContextClassLoader(packaged);
		Class<?> handler = packaged.loadClass("dev.polyfn.azure.HttpTriggerHandler");
		Class<?> requestType = packaged.loadClass("com.microsoft.azure.functions.HttpRequestMessage");
		Class<?> contextType = packaged.loadClass("com.microsoft.azure.functions.ExecutionContext");
		StringBuilder body = new StringBuilder();
		Object request = proxy(packaged, requestType, (name, a) -> switch (name) {
			case "getUri" -> URI.create("https://app.azurewebsites.net/api/reverse");
			case "getHttpMethod" -> enumValue(packaged, "com.microsoft.azure.functions.HttpMethod", "POST");
			case "getHeaders" -> Map.of("content-type", "text/plain", "content-length", "5");
			case "getQueryParameters" -> Map.of();
			case "getBody" -> Optional.of("hello");
			case "createResponseBuilder" -> builder(packaged, body);
			default -> null;
		});
		Object context = proxy(packaged, contextType, (name, a) -> switch (name) {
			case "getFunctionName" -> "reverse";
			case "getInvocationId" -> "bench";
			case "getLogger" -> Logger.getLogger("bench");
			default -> null;
		});
		Object instance = handler.getConstructor().newInstance();
		handler.getMethod("run", requestType, contextType).invoke(instance, request, context);
		System.out.println("answer: " + body);
		System.exit(0);
	}

	private static Object builder(ClassLoader loader, StringBuilder body) throws Exception {
		Class<?> type = Class.forName("com.microsoft.azure.functions.HttpResponseMessage$Builder", false, loader);
		Object[] self = new Object[1];
		self[0] = proxy(loader, type, (name, a) -> {
			if (name.equals("body")) {
				body.append(new String((byte[]) a[0]));
			}
			if (name.equals("build")) {
				return proxy(loader, Class.forName("com.microsoft.azure.functions.HttpResponseMessage", false, loader),
						(n, x) -> null);
			}
			return self[0];
		});
		return self[0];
	}

	interface Answer {
		Object answer(String method, Object[] args) throws Exception;
	}

	private static Object proxy(ClassLoader loader, Class<?> type, Answer answer) {
		return Proxy.newProxyInstance(loader, new Class<?>[] { type }, (p, m, a) -> answer.answer(m.getName(), a));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object enumValue(ClassLoader loader, String type, String name) throws Exception {
		return Enum.valueOf((Class<? extends Enum>) Class.forName(type, false, loader), name);
	}

	private static void check(String answer) {
		if (!answer.strip().equals("olleh")) {
			throw new IllegalStateException("reverse answered " + answer);
		}
	}

	private static void report(String what, List<Long> millis) {
		long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%s: median %d ms, min %d ms, max %d ms over %d cold starts %s%n", what,
				sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length, Arrays.toString(sorted));
	}
}
