package dev.polyfn.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.google.cloud.functions.HttpFunction;

/**
 * In-process cost of one call of a GCP {@code HttpFunction} as shipped: a plain-text request through the function's
 * {@code service} method, as the Functions Framework invoker calls it after Jetty has parsed the request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GcpHttpFunctionBench {

	@Param({ "gcp-plain:http-text", "gcp-scf:http-text", "gcp-polyfn:http-text" })
	public String target_event;

	private HttpFunction function;
	private ClassLoader loader;
	private String method = "POST";
	private String path = "/";
	private Map<String, List<String>> headers;
	private byte[] body;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		String[] parts = target_event.split(":");
		Properties config = IsolatedTarget.config();
		String target = parts[0];
		String classpath = config.getProperty(target + ".classpath");
		String entry = config.getProperty(target + ".entry." + parts[1], config.getProperty(target + ".entry"));
		if (classpath == null || entry == null) {
			throw new IllegalStateException(target + " is not built (no " + target + ".classpath/.entry)");
		}
		loader = IsolatedTarget.loader(classpath);
		function = (HttpFunction) IsolatedTarget.instantiate(loader, entry);
		body = "polyfn-bench".getBytes(StandardCharsets.UTF_8);
		headers = FakeHttpExchange.headers("Content-Type", "text/plain");
		FakeHttpExchange.Response response = invoke();
		System.out.println("[answer " + target_event + "] " + response.describe().replaceAll("\\s+", " "));
	}

	@Benchmark
	public FakeHttpExchange.Response invoke() throws Exception {
		FakeHttpExchange.Request request = new FakeHttpExchange.Request(method, path, headers, body);
		FakeHttpExchange.Response response = new FakeHttpExchange.Response();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			function.service(request, response);
			response.flush();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		return response;
	}
}
