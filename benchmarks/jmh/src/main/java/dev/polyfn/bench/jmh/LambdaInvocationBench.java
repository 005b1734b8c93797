package dev.polyfn.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import dev.polyfn.local.aws.FakeLambdaContext;

/**
 * In-process cost of one Lambda invocation through a handler as shipped: event bytes in, response bytes out,
 * exactly the call the runtime interface client makes. The case is {@code <target>:<event>}; the harness passes
 * the cases whose artifacts exist with {@code -p target_event=...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LambdaInvocationBench {

	@Param({ "aws-plain:direct-string", "aws-jackson:direct-string", "aws-jackson:apigw-http-v2",
			"aws-jackson:sqs-batch", "aws-scf:direct-string", "aws-scf:apigw-http-v2", "aws-scf:sqs-batch",
			"aws-polyfn:direct-string", "aws-polyfn:apigw-http-v2", "aws-polyfn:sqs-batch" })
	public String target_event;

	private RequestStreamHandler handler;
	private byte[] event;
	private final Context context = new FakeLambdaContext("bench", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
	private ClassLoader loader;

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
		handler = (RequestStreamHandler) IsolatedTarget.instantiate(loader, entry.split("::")[0]);
		event = IsolatedTarget.event(parts[1] + ".json");
		String answer = new String(invoke().toByteArray(), StandardCharsets.UTF_8);
		// printed once per trial: the harness copies it next to the figures so a wrong answer is visible
		System.out.println("[answer " + target_event + "] " + answer.replaceAll("\\s+", " "));
	}

	@Benchmark
	public ByteArrayOutputStream invoke() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(512);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			handler.handleRequest(new ByteArrayInputStream(event), out, context);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		return out;
	}
}
