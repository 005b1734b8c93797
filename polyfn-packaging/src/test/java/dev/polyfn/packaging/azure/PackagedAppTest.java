package dev.polyfn.packaging.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;

/**
 * Runs the packaged examples the way the Java worker does: a class loader over the staging folder's jar and lib/
 * (plus the library the worker provides, nothing from this test's class path), the entry point class made with
 * its no-argument constructor, the application found through the jar's Start-Class, and the worker's
 * interfaces implemented by plain proxies. Arguments are what the worker binds (see dev.polyfn.azure.host for the
 * rules): a text body as a string, queue metadata Id and DequeueCount.
 */
class PackagedAppTest {

	/**
	 * processOrder publishes its result; this test is about the queue trigger, not messaging (that is
	 * AzureMessagingEndToEndTest's), so the alias is bound to the in-memory provider, as an app setting would bind it.
	 */
	private static final String LOCAL_RESULTS = "polyfn.messaging.order-results.provider";

	private static URLClassLoader packaged;
	private static ClassLoader previous;

	@BeforeAll
	static void load() throws Exception {
		Path staging;
		try (Stream<Path> entries = Files.list(PackagedBuild.of("azure"))) {
			staging = entries.filter(p -> Files.isRegularFile(p.resolve("host.json")))
					.filter(p -> !p.getFileName().toString().endsWith(CustomHandlerPackage.SUFFIX)).findFirst().orElseThrow();
		}
		List<URL> urls = new ArrayList<>();
		urls.add(staging.resolve("polyfn-examples.jar").toUri().toURL());
		try (Stream<Path> lib = Files.list(staging.resolve("lib"))) {
			for (Path jar : lib.sorted().toList()) {
				urls.add(jar.toUri().toURL());
			}
		}
		urls.add(FunctionName.class.getProtectionDomain().getCodeSource().getLocation());
		urls.add(ExecutionContext.class.getProtectionDomain().getCodeSource().getLocation());
		packaged = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
		System.setProperty(LOCAL_RESULTS, "local");
		// The worker sets its class loader as the context class loader while a function runs.
		previous = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(packaged);
	}

	@AfterAll
	static void close() throws Exception {
		packaged.loadClass("dev.polyfn.core.boot.PolyfnRuntime").getMethod("closeShared").invoke(null);
		Thread.currentThread().setContextClassLoader(previous);
		System.clearProperty(LOCAL_RESULTS);
		packaged.close();
	}

	@Test
	void the_packaged_reverse_function_answers_an_http_request() throws Exception {
		Map<String, Object> response = http("reverse", "POST", "https://app.azurewebsites.net/api/reverse",
				"text/plain", "hello azure");

		assertThat(response.get("status")).isEqualTo(200);
		assertThat(new String((byte[]) response.get("body"), StandardCharsets.UTF_8)).isEqualTo("eruza olleh");
	}

	@Test
	void the_packaged_process_order_takes_a_queue_message_and_fails_loudly_on_a_bad_one() throws Exception {
		Class<?> handler = packaged.loadClass("dev.polyfn.azure.QueueTriggerHandler");
		Method run = handler.getMethod("run", String.class, String.class, long.class,
				type("com.microsoft.azure.functions.ExecutionContext"));
		Object instance = handler.getConstructor().newInstance();

		String order = new String(PackagedAppTest.class.getResourceAsStream("/messages/order-apple.json").readAllBytes(),
				StandardCharsets.UTF_8);
		run.invoke(instance, order, "m-1", 1L, context("processOrder", "e2e-q1"));
		Object local = type("dev.polyfn.core.messaging.LocalMessaging").getField("PROVIDER").get(null);
		assertThat((List<?>) local.getClass().getMethod("published", String.class).invoke(local, "order-results")).hasSize(1);

		String notJson = JsonEvents.text(
				JsonEvents.parse(Fixtures.bytes("azure/queue/docs-custom-handler-queue-invoke-request.json")), "Data",
				"myQueueItem");
		try {
			run.invoke(instance, notJson, "m-2", 2L, context("processOrder", "e2e-q2"));
			throw new AssertionError("A message that is no order must fail the invocation");
		}
		catch (InvocationTargetException failed) {
			assertThat(failed.getCause().getClass().getName()).isEqualTo("dev.polyfn.azure.AzureEventFailure");
			assertThat(failed.getCause().getMessage()).contains("400", "e2e-q2");
		}
	}

	/** A text request as the worker binds it: headers as the host sends them (lower case), the body a string. */
	private static Map<String, Object> http(String function, String method, String url, String contentType,
			String body) throws Exception {
		Class<?> handler = packaged.loadClass("dev.polyfn.azure.HttpTriggerHandler");
		Class<?> requestType = type("com.microsoft.azure.functions.HttpRequestMessage");
		Map<String, Object> captured = new LinkedHashMap<>();
		Object request = proxy(requestType, (name, args) -> switch (name) {
			case "getUri" -> URI.create(url);
			case "getHttpMethod" -> enumValue("com.microsoft.azure.functions.HttpMethod", method);
			case "getHeaders" -> Map.of("content-type", contentType);
			case "getQueryParameters" -> Map.of();
			case "getBody" -> Optional.ofNullable(body);
			case "createResponseBuilder" -> responseBuilder(captured, args[0]);
			default -> null;
		});
		Object instance = handler.getConstructor().newInstance();
		handler.getMethod("run", requestType, type("com.microsoft.azure.functions.ExecutionContext"))
				.invoke(instance, request, context(function, "e2e-" + function));
		return captured;
	}

	private static Object responseBuilder(Map<String, Object> captured, Object status) throws Exception {
		captured.put("status", type("com.microsoft.azure.functions.HttpStatusType").getMethod("value").invoke(status));
		Class<?> builderType = type("com.microsoft.azure.functions.HttpResponseMessage$Builder");
		Object[] self = new Object[1];
		self[0] = proxy(builderType, (name, args) -> {
			switch (name) {
				case "header" -> captured.put("header:" + args[0], args[1]);
				case "body" -> captured.put("body", args[0]);
				case "build" -> {
					return proxy(type("com.microsoft.azure.functions.HttpResponseMessage"), (n, a) -> null);
				}
				default -> {
				}
			}
			return self[0];
		});
		return self[0];
	}

	private static Object context(String function, String invocationId) throws Exception {
		return proxy(type("com.microsoft.azure.functions.ExecutionContext"), (name, args) -> switch (name) {
			case "getFunctionName" -> function;
			case "getInvocationId" -> invocationId;
			case "getLogger" -> Logger.getLogger("azure-e2e");
			default -> null;
		});
	}

	private interface Answer {
		Object answer(String method, Object[] args) throws Exception;
	}

	private static Object proxy(Class<?> type, Answer answer) {
		return Proxy.newProxyInstance(packaged, new Class<?>[] { type },
				(proxy, method, args) -> answer.answer(method.getName(), args));
	}

	private static Class<?> type(String name) throws ClassNotFoundException {
		return Class.forName(name, false, packaged);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object enumValue(String type, String name) throws ClassNotFoundException {
		return Enum.valueOf((Class<? extends Enum>) type(type), name);
	}
}
