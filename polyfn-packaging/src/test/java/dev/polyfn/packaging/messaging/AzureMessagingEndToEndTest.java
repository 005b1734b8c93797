package dev.polyfn.packaging.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.models.QueueMessageItem;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.AzureFunctionCall;
import dev.polyfn.local.azure.AzuriteServer;

/**
 * {@code processOrder} and {@code temperatureAlert} in the examples' Azure package ({@code mvn -Pazure package}),
 * each called with the Storage queue trigger's invocation (Microsoft's custom-handler queue request, its message
 * replaced in memory; Azure delivers one message per invocation), with the app's storage account
 * ({@code AzureWebJobsStorage}) Azurite's queue service on loopback and the destinations set as the deploy plan sets
 * them ({@code POLYFN_MESSAGING_<ALIAS>_DESTINATION}). What they publish is read back with the Azure SDK's own queue
 * client, base64-decoding as a queue-triggered function does by default.
 *
 * <p>A call is what the Java worker does for the host ({@link AzureFunctionCall}, what {@code polyfn:invoke} runs), a
 * JVM per call. The redelivery case needs the worker's JVM to stay up between two deliveries, as it does on Azure, so
 * it loads the package once in a class loader of its own (as PackagedAppTest does) and calls the entry point twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureMessagingEndToEndTest {

	private static final String FIXTURE = "azure/queue/docs-custom-handler-queue-invoke-request.json";

	private AzuriteServer azurite;
	private Path staging;
	private Path work;
	private int calls;

	@BeforeAll
	void startTheAccount() throws Exception {
		Path packaged = PackagedBuild.of("azure");
		staging = packaged.resolve("polyfn-examples");
		work = Files.createDirectories(packaged.getParent().getParent().resolve("azure-messaging-e2e"));
		azurite = AzuriteServer.start(work.resolve("azurite.log"), AzuriteServer.Service.QUEUE);
	}

	@AfterAll
	void stop() {
		azurite.close();
	}

	@Test
	void two_orders_from_the_orders_queue_publish_a_confirmed_and_a_rejected_result() throws Exception {
		QueueClient results = queue("order-results");

		Call apples = call("processOrder", order("o-apple", "apple", 2), 1, Map.of("POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION", "order-results"));
		Call pears = call("processOrder", order("o-pear", "pear", 9), 1, Map.of("POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION", "order-results"));

		assertThat(apples.exit()).as(apples.log()).isZero();
		assertThat(pears.exit()).as(pears.log()).isZero();
		assertThat(received(results)).extracting(r -> JsonEvents.text(r, "orderId") + " " + JsonEvents.text(r, "status") + " "
				+ JsonEvents.text(r, "remainingStock")).containsExactlyInAnyOrder("o-apple CONFIRMED 8", "o-pear REJECTED 5");
	}

	@Test
	void a_reading_above_the_threshold_publishes_one_alert() throws Exception {
		QueueClient alerts = queue("alerts-hot");

		Call hot = call("temperatureAlert", "{\"deviceId\":\"sensor-7\",\"temperature\":35}", 1,
				Map.of("POLYFN_MESSAGING_ALERTS_DESTINATION", "alerts-hot"));

		assertThat(hot.exit()).as(hot.log()).isZero();
		assertThat(received(alerts)).singleElement().satisfies(alert -> {
			assertThat(JsonEvents.text(alert, "deviceId")).isEqualTo("sensor-7");
			assertThat(alert.get("temperature").asDouble()).isEqualTo(35.0);
		});
	}

	@Test
	void a_reading_below_the_threshold_publishes_nothing() throws Exception {
		QueueClient alerts = queue("alerts-cool");

		Call cool = call("temperatureAlert", "{\"deviceId\":\"sensor-7\",\"temperature\":20}", 1,
				Map.of("POLYFN_MESSAGING_ALERTS_DESTINATION", "alerts-cool"));

		assertThat(cool.exit()).as(cool.log()).isZero();
		assertThat(received(alerts)).isEmpty();
	}

	/**
	 * The first delivery's publish fails (its queue is not there yet), so the invocation fails: the host then makes the
	 * message visible again and delivers it again, up to maxDequeueCount (5) times before it moves it to
	 * {@code <queue>-poison} ("Poison messages", https://learn.microsoft.com/en-us/azure/azure-functions/functions-bindings-storage-queue-trigger#poison-messages,
	 * read 2026-12-06). The second delivery, DequeueCount 2, publishes the result once, with the stock of the first
	 * reservation; a later order shows the stock was taken once.
	 */
	@Test
	void a_failed_publish_fails_the_invocation_and_the_redelivery_publishes_once_without_reserving_again() throws Exception {
		String destination = "redelivered-results";
		try (PackagedWorker worker = PackagedWorker.load(staging, Map.of("AzureWebJobsStorage", azurite.connectionString(),
				"polyfn.messaging.order-results.destination", destination))) {
			String order = order("o-again", "apple", 2);

			Throwable first = worker.failureOf("processOrder", order, 1);
			QueueClient results = queue(destination);
			Throwable second = worker.failureOf("processOrder", order, 2);
			Throwable later = worker.failureOf("processOrder", order("o-later", "apple", 2), 1);

			assertThat(first).isNotNull();
			assertThat(first.getClass().getName()).isEqualTo("dev.polyfn.azure.AzureEventFailure");
			assertThat(first.getMessage()).contains("500", "Messaging destination 'order-results' does not exist");
			assertThat(second).isNull();
			assertThat(later).isNull();
			assertThat(received(results)).extracting(r -> JsonEvents.text(r, "orderId") + " " + JsonEvents.text(r, "remainingStock"))
				.containsExactlyInAnyOrder("o-again 8", "o-later 6");
		}
	}

	private QueueClient queue(String name) {
		QueueClient queue = new QueueClientBuilder().connectionString(azurite.connectionString()).queueName(name)
			.messageEncoding(QueueMessageEncoding.BASE64).buildClient();
		queue.create();
		return queue;
	}

	private static List<JsonNode> received(QueueClient queue) {
		return queue.receiveMessages(32).stream().map(QueueMessageItem::getBody).map(body -> JsonEvents.parse(body.toBytes())).toList();
	}

	private static String order(String id, String sku, int quantity) {
		return "{\"orderId\":\"" + id + "\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
	}

	/** Microsoft's queue invocation request with this message as the trigger's data and its own id and dequeue count. */
	static String invocation(String message, int dequeueCount, String id) {
		ObjectNode request = (ObjectNode) JsonEvents.parse(Fixtures.bytes(FIXTURE));
		((ObjectNode) request.get("Data")).removeAll().put("message", message);
		((ObjectNode) request.get("Metadata")).put("Id", id).put("DequeueCount", dequeueCount);
		return request.toString();
	}

	private record Call(int exit, String log) {
	}

	private Call call(String function, String message, int dequeueCount, Map<String, String> settings) throws Exception {
		int n = ++calls;
		Path request = Files.writeString(work.resolve("request-" + n + ".json"), invocation(message, dequeueCount, "msg-" + n));
		Path result = work.resolve("result-" + n + ".json");
		Path log = work.resolve("call-" + n + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", String.join(File.pathSeparator, AzureFunctionCall.classPath(functionsLibrary(), staging).stream()
					.map(Path::toString).toList()), AzureFunctionCall.class.getName(), staging.toString(), function,
				request.toString(), result.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("FUNCTIONS_WORKER_RUNTIME", "java");
		builder.environment().put("AzureWebJobsStorage", azurite.connectionString());
		builder.environment().putAll(settings);
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("The call took over 120 s:\n" + Files.readString(log));
		}
		return new Call(process.exitValue(), Files.readString(log) + (Files.exists(result) ? Files.readString(result) : ""));
	}

	/** What the Java worker provides to the functions it loads: the annotations and ExecutionContext. */
	private static List<Path> functionsLibrary() throws Exception {
		return List.of(codeSource(FunctionName.class), codeSource(ExecutionContext.class));
	}

	private static Path codeSource(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	/**
	 * The package loaded once, as the worker loads it, for several deliveries in one JVM: a class loader over the
	 * staging folder's jar and lib/ and the worker's library only, the queue entry point made with its no-argument
	 * constructor. The app settings are system properties, which the app reads as it reads the environment; they are
	 * removed again on close.
	 */
	static final class PackagedWorker implements AutoCloseable {

		private final URLClassLoader loader;
		private final ClassLoader previous;
		private final Map<String, String> settings;
		private final Object handler;
		private final Method run;
		private int invocations;

		private PackagedWorker(URLClassLoader loader, Map<String, String> settings) throws Exception {
			this.loader = loader;
			this.settings = settings;
			this.previous = Thread.currentThread().getContextClassLoader();
			settings.forEach(System::setProperty);
			// The worker sets its class loader as the context class loader while a function runs.
			Thread.currentThread().setContextClassLoader(loader);
			Class<?> type = loader.loadClass("dev.polyfn.azure.QueueTriggerHandler");
			this.run = type.getMethod("run", String.class, String.class, long.class, loader.loadClass(ExecutionContext.class.getName()));
			this.handler = type.getConstructor().newInstance();
		}

		static PackagedWorker load(Path staging, Map<String, String> settings) throws Exception {
			List<URL> urls = new ArrayList<>();
			urls.add(staging.resolve("polyfn-examples.jar").toUri().toURL());
			try (Stream<Path> lib = Files.list(staging.resolve("lib"))) {
				for (Path jar : lib.sorted().toList()) {
					urls.add(jar.toUri().toURL());
				}
			}
			urls.add(FunctionName.class.getProtectionDomain().getCodeSource().getLocation());
			urls.add(ExecutionContext.class.getProtectionDomain().getCodeSource().getLocation());
			return new PackagedWorker(new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()), settings);
		}

		/** One delivery of the fixture's message with this body; what the entry point threw, or null when it returned. */
		Throwable failureOf(String function, String message, long dequeueCount) throws Exception {
			String invocationId = "e2e-" + ++invocations;
			JsonNode request = JsonEvents.parse(invocation(message, (int) dequeueCount, "msg-" + function).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			Object context = Proxy.newProxyInstance(loader, new Class<?>[] { loader.loadClass(ExecutionContext.class.getName()) },
					(proxy, method, args) -> switch (method.getName()) {
						case "getFunctionName" -> function;
						case "getInvocationId" -> invocationId;
						case "getLogger" -> Logger.getLogger("azure-messaging-e2e");
						default -> null;
					});
			try {
				run.invoke(handler, JsonEvents.text(request, "Data", "message"), JsonEvents.text(request, "Metadata", "Id"),
						request.get("Metadata").get("DequeueCount").asLong(), context);
				return null;
			}
			catch (InvocationTargetException thrown) {
				return thrown.getCause();
			}
		}

		@Override
		public void close() throws Exception {
			try {
				loader.loadClass("dev.polyfn.core.boot.PolyfnRuntime").getMethod("closeShared").invoke(null);
			}
			finally {
				settings.keySet().forEach(System::clearProperty);
				Thread.currentThread().setContextClassLoader(previous);
				loader.close();
			}
		}
	}
}
