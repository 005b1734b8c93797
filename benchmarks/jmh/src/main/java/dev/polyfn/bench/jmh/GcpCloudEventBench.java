package dev.polyfn.bench.jmh;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
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

import com.google.cloud.functions.CloudEventsFunction;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/**
 * In-process cost of one CloudEvent through a {@code CloudEventsFunction} as shipped: a Pub/Sub
 * messagePublished event (the shape Eventarc delivers for a topic trigger), as the invoker passes it after
 * decoding the HTTP request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GcpCloudEventBench {

	@Param({ "gcp-polyfn:pubsub-cloudevent" })
	public String target_event;

	private CloudEventsFunction function;
	private ClassLoader loader;
	private CloudEvent event;

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
		function = (CloudEventsFunction) IsolatedTarget.instantiate(loader, entry);
		event = CloudEventBuilder.v1()
				.withId("bench-1")
				.withSource(URI.create("//pubsub.googleapis.com/projects/bench/topics/telemetry"))
				.withType("google.cloud.pubsub.topic.v1.messagePublished")
				.withTime(OffsetDateTime.parse("2026-01-01T00:00:00Z"))
				.withDataContentType("application/json")
				.withData(IsolatedTarget.event(parts[1] + ".json"))
				.build();
		invoke();
		System.out.println("[answer " + target_event + "] accepted (event functions return nothing) with data "
				+ new String(event.getData().toBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " "));
	}

	@Benchmark
	public CloudEvent invoke() throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			function.accept(event);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		return event;
	}
}
