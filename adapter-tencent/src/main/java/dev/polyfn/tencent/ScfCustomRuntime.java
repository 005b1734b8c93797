package dev.polyfn.tencent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.LoggerFactory;

import com.qcloud.scf.runtime.Context;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;

/**
 * The event function on SCF's Custom Runtime, started by the package's {@code bootstrap}: SCF's Java runtimes are
 * Java 8 and 11 only, so the package brings its JRE and speaks SCF's runtime API itself
 * (https://cloud.tencent.com/document/product/583/47274, checked 2026-12-01): start the application, report
 * {@code POST /runtime/init/ready}, then for ever take {@code GET /runtime/invocation/next} (the event as the body;
 * {@code request_id}, {@code memory_limit_in_mb}, {@code time_limit_in_ms} headers, as Tencent's own runtime
 * clients read them) and answer {@code POST /runtime/invocation/response} with what {@link TencentEventFunction}
 * returns, or {@code POST /runtime/invocation/error} with the failure's message (never a stack trace).
 */
public final class ScfCustomRuntime {

	/**
	 * The execution method the event function is created with. SCF hands it to {@code bootstrap} as
	 * {@code _HANDLER} and, outside its Java runtimes, accepts only "file.function" (letters, digits, {@code _} and
	 * {@code -}, 2-60 characters each, https://www.tencentcloud.com/document/product/583/18581): a Java
	 * {@code pkg.Class::method} string would be refused. This loop sends every event to {@link TencentEventFunction}
	 * and does not read it.
	 */
	public static final String HANDLER = "polyfn.handle";

	private final String api;
	private TencentEventFunction function;

	ScfCustomRuntime(String host, String port) {
		this.api = "http://" + host + ":" + port;
	}

	public static void main(String[] args) {
		String host = System.getenv("SCF_RUNTIME_API");
		String port = System.getenv("SCF_RUNTIME_API_PORT");
		if (host == null || port == null) {
			System.err.println("ScfCustomRuntime: SCF_RUNTIME_API and SCF_RUNTIME_API_PORT are not set; this is SCF's"
					+ " Custom Runtime entry (bootstrap). For HTTP, deploy the ZIP as a web function (scf_bootstrap).");
			System.exit(2);
		}
		new ScfCustomRuntime(host, port).run();
	}

	void run() {
		// The cold start belongs to SCF's initialisation phase, before ready, not to the first invocation. It comes
		// before the first logger too (this class has no static one): SLF4J binds once, and polyfn's runtime picks
		// the binding; a logger made earlier would bind Logback and print its start-up status on every cold start.
		PolyfnRuntime.shared(TencentEventFunction.CLOUD);
		function = new TencentEventFunction();
		post("/runtime/init/ready", " ".getBytes(StandardCharsets.US_ASCII));
		while (true) {
			invokeNext();
		}
	}

	void invokeNext() {
		HttpURLConnection next = open("/runtime/invocation/next", "GET");
		byte[] event;
		Context context;
		try {
			event = read(next);
			context = new InvocationHeaders(next.getHeaderField("request_id"), next.getHeaderField("time_limit_in_ms"),
					next.getHeaderField("memory_limit_in_mb"));
		}
		finally {
			next.disconnect();
		}
		String result;
		try {
			result = function.handle(eventMap(event), context);
		}
		catch (RuntimeException failure) {
			LoggerFactory.getLogger(ScfCustomRuntime.class).warn("SCF invocation failed [requestId={}]: {}", context.getRequestId(), failure.getMessage());
			post("/runtime/invocation/error", String.valueOf(failure.getMessage()).getBytes(StandardCharsets.UTF_8));
			return;
		}
		post("/runtime/invocation/response", result.getBytes(StandardCharsets.UTF_8));
	}

	/** SCF events are JSON objects; anything else reaches the function as the JSON value under no key. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> eventMap(byte[] event) {
		if (event.length == 0) {
			return Map.of();
		}
		try {
			return JsonEvents.mapper().readValue(event, LinkedHashMap.class);
		}
		catch (RuntimeException notAnObject) {
			throw new ScfInvocationFailure("The event is not a JSON object: " + notAnObject.getMessage());
		}
	}

	private void post(String path, byte[] body) {
		HttpURLConnection post = open(path, "POST");
		try {
			post.setDoOutput(true);
			post.setFixedLengthStreamingMode(body.length);
			post.setRequestProperty("Content-Type", "application/json");
			try (OutputStream out = post.getOutputStream()) {
				out.write(body);
			}
			read(post);
		}
		catch (IOException e) {
			throw new UncheckedIOException("SCF's runtime API did not take " + path, e);
		}
		finally {
			post.disconnect();
		}
	}

	private HttpURLConnection open(String path, String method) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(api + path).toURL().openConnection();
			connection.setRequestMethod(method);
			// next is a long poll: SCF holds it until an event arrives, so no read time-out.
			connection.setReadTimeout(0);
			return connection;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not reach SCF's runtime API at " + api, e);
		}
	}

	private static byte[] read(HttpURLConnection connection) {
		try {
			int status = connection.getResponseCode();
			InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
			byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
			if (status >= 400) {
				throw new IllegalStateException("SCF's runtime API answered " + connection.getURL().getPath() + " with "
						+ status);
			}
			return bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException("SCF's runtime API failed on " + connection.getURL().getPath(), e);
		}
	}

	/** The invocation's {@link Context}, from the headers of {@code /runtime/invocation/next}. */
	record InvocationHeaders(String requestId, String timeLimitMs, String memoryLimitMb) implements Context {

		@Override
		public String getRequestId() {
			return requestId;
		}

		@Override
		public int getTimeLimitInMs() {
			return number(timeLimitMs);
		}

		@Override
		public int getMemoryLimitInMb() {
			return number(memoryLimitMb);
		}

		private static int number(String header) {
			try {
				return header == null ? 0 : Integer.parseInt(header.trim());
			}
			catch (NumberFormatException notANumber) {
				return 0;
			}
		}
	}
}
