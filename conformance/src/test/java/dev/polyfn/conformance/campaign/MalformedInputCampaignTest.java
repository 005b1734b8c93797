package dev.polyfn.conformance.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import dev.polyfn.conformance.aliyun.FcServer;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * The malformed-input campaign: every vendor fixture under {@code ../shared/fixtures}, mutated {@value #MUTATIONS}
 * times by {@link JsonMutator} (seeded from {@value #SEED} and the fixture's path, so a failure found once is found
 * again), is fed to the adapter entry point that owns its shape, called in process as the cloud calls it, with
 * {@code campaignSink} (takes any bytes) deployed as the function so that every mutation that gets through the
 * adapter reaches the pipeline.
 *
 * <p>What counts as a well-formed end, per cloud (each owner class says the same):
 * <ul>
 * <li>AWS ({@link AwsOwner}): HTTP shapes answer their response JSON with a numeric {@code statusCode}, never a
 * failed invocation; event shapes answer JSON (SQS: with {@code batchItemFailures}) or throw
 * {@code LambdaFunctionException}, which Lambda reports as the invocation's error.</li>
 * <li>Azure ({@link AzureOwner}): the HTTP trigger returns an {@code HttpResponseMessage} with a status; queue, blob
 * and timer triggers return or throw {@code AzureEventFailure}.</li>
 * <li>GCP ({@link GcpOwner}): {@code GcpHttpFunction.service} sets a status; an error status comes with a JSON
 * {@code {"error":...}} body.</li>
 * <li>Alibaba ({@link AliyunOwner}): {@code POST /invoke} answers 200 with {@code x-fc-status: 200}, or an error
 * status with {@code x-fc-status: 404} and a JSON error body (413 for an event over the body limit).</li>
 * <li>Tencent ({@link TencentOwner}): mutations that are not a JSON object are refused by SCF's own binder and never
 * reach polyfn; the rest return a string (API Gateway: its response JSON) or throw {@code ScfInvocationFailure}.</li>
 * </ul>
 * Anything else that escapes fails the campaign, listed with fixture, mutation and exception, unless it matches a
 * {@link KnownDefect}: a defect found here and reported to the adapter's owner, counted and listed in
 * {@code campaign.md} under its id until it is fixed. After each fixture's
 * mutations the original fixture is delivered again and must end as it did before the campaign (nothing left
 * broken: context, thread, MDC). No log event at ERROR may contain a credential found in the fixtures (values of
 * {@code Authorization}, {@code x-api-key}, {@code x-amz-security-token}, FC's {@code x-fc-access-key-*} and
 * {@code x-fc-security-token}) or one the FC server sends. Malformed inputs that end in a documented error with a 5xx
 * status (the contract says 4xx for unreadable input) do not fail the campaign; {@code campaign.md} lists them.
 */
class MalformedInputCampaignTest {

	static final String DEFINITION = "campaignSink";
	static final long SEED = 20261122L;
	static final int MUTATIONS = 200;

	private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key",
			"x-amz-security-token", "x-fc-access-key-id", "x-fc-access-key-secret", "x-fc-security-token");

	private static final Map<String, FixtureOwner> OWNERS = Map.of("aws", new AwsOwner(), "azure", new AzureOwner(),
			"gcp", new GcpOwner(), "aliyun", new AliyunOwner(), "tencent", new TencentOwner());

	@Test
	void every_fixture_mutation_ends_in_the_clouds_shape_or_a_documented_error() throws Exception {
		long started = System.nanoTime();
		List<String> fixtures = Fixtures.all("");
		Set<String> credentials = credentials(fixtures);
		FcServer.FC_HEADERS.forEach((name, value) -> {
			if (CREDENTIAL_HEADERS.contains(name)) {
				credentials.add(value);
			}
		});

		// Every original first: it starts every runtime the campaign uses before the log capture begins.
		Map<String, Outcome> before = new LinkedHashMap<>();
		for (String fixture : fixtures) {
			before.put(fixture, owner(fixture).deliver(fixture, Fixtures.bytes(fixture)));
		}

		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		logs.start();
		root.addAppender(logs);
		List<String> escaped = new ArrayList<>();
		Map<KnownDefect, List<String>> known = new LinkedHashMap<>();
		KnownDefect.ALL.forEach(defect -> known.put(defect, new ArrayList<>()));
		List<String> brokenAfter = new ArrayList<>();
		List<String> serverErrors = new ArrayList<>();
		Map<String, Map<String, Integer>> tally = new TreeMap<>();
		int delivered = 0;
		try {
			for (String fixture : fixtures) {
				FixtureOwner owner = owner(fixture);
				JsonMutator mutator = new JsonMutator(Fixtures.bytes(fixture), SEED ^ fixture.hashCode());
				Map<String, Integer> outcomes = tally.computeIfAbsent(fixture, k -> new TreeMap<>());
				for (JsonMutator.Mutation mutation : mutator.mutations(MUTATIONS)) {
					delivered++;
					try {
						Outcome outcome = owner.deliver(fixture, mutation.body());
						outcomes.merge(outcome.label(), 1, Integer::sum);
						if (outcome.serverError()) {
							serverErrors.add(fixture + " → " + owner.entryPoint(fixture) + " / " + mutation.kind() + ": "
									+ outcome.label());
						}
					}
					catch (Throwable failure) {
						String line = fixture + " → " + owner.entryPoint(fixture) + " / " + mutation.kind() + ": "
								+ describe(failure);
						KnownDefect defect = KnownDefect.matching(new KnownDefect.Escape(fixture, mutation.kind(), failure));
						if (defect == null) {
							outcomes.merge("ESCAPED", 1, Integer::sum);
							escaped.add(line);
						}
						else {
							outcomes.merge("ESCAPED (known defect " + defect.id() + ")", 1, Integer::sum);
							known.get(defect).add(line);
						}
					}
				}
				Outcome after = owner.deliver(fixture, Fixtures.bytes(fixture));
				if (!after.equals(before.get(fixture))) {
					brokenAfter.add(fixture + ": before the campaign " + before.get(fixture) + ", after " + after);
				}
			}
		}
		finally {
			root.detachAppender(logs);
		}
		List<String> leaks = new ArrayList<>();
		int warnLeaks = 0;
		for (ILoggingEvent event : logs.list) {
			String text = event.getFormattedMessage() + " " + throwableText(event.getThrowableProxy());
			for (String secret : credentials) {
				if (text.contains(secret)) {
					if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
						leaks.add(event.getLoggerName() + ": " + mask(secret));
					}
					else {
						warnLeaks++;
					}
				}
			}
		}
		long seconds = (System.nanoTime() - started) / 1_000_000_000L;
		int knownHits = known.values().stream().mapToInt(List::size).sum();
		String summary = "Malformed-input campaign: " + fixtures.size() + " fixtures × " + MUTATIONS + " mutations = "
				+ delivered + " deliveries in " + seconds + " s; " + escaped.size() + " escaped, " + knownHits
				+ " escaped through " + known.values().stream().filter(hits -> !hits.isEmpty()).count()
				+ " known, reported defects, " + brokenAfter.size() + " originals broken afterwards, "
				+ serverErrors.size() + " answered 5xx, " + leaks.size() + " of " + credentials.size()
				+ " known credential values logged at ERROR (" + warnLeaks + " below ERROR) in " + logs.list.size()
				+ " log events captured";
		writeReport(summary, before, tally, escaped, known, brokenAfter, serverErrors, leaks);
		System.out.println(summary);
		known.forEach((defect, hits) -> {
			if (hits.isEmpty()) {
				System.out.println("Known defect " + defect.id() + " no longer seen: delete it from KnownDefect.ALL");
			}
		});

		assertThat(escaped).as("exceptions that escaped an adapter").isEmpty();
		assertThat(brokenAfter).as("originals that no longer end as before").isEmpty();
		assertThat(leaks).as("credentials logged at ERROR").isEmpty();
		assertThat(fixtures).hasSizeGreaterThan(50);
		// The leak check looks for something and sees the logs: it can fail.
		assertThat(credentials).as("credential values found in the fixtures").hasSizeGreaterThan(3);
		assertThat(logs.list).as("log events captured during the campaign").isNotEmpty();
	}

	private static FixtureOwner owner(String fixture) {
		FixtureOwner owner = OWNERS.get(fixture.substring(0, fixture.indexOf('/')));
		if (owner == null) {
			throw new IllegalStateException("No adapter owns " + fixture);
		}
		return owner;
	}

	/** Values of credential headers anywhere in the fixtures, and their long parts (a signature, a key id). */
	private static Set<String> credentials(List<String> fixtures) {
		Set<String> found = new LinkedHashSet<>();
		for (String fixture : fixtures) {
			collect(JsonEvents.parse(Fixtures.bytes(fixture)), found);
		}
		return found;
	}

	private static void collect(JsonNode node, Set<String> found) {
		if (node.isObject()) {
			node.properties().forEach(e -> {
				if (CREDENTIAL_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT)) && e.getValue().isString()) {
					String value = e.getValue().asString();
					found.add(value);
					for (String part : value.split("[\\s,;&]+")) {
						String secret = part.contains("=") ? part.substring(part.indexOf('=') + 1) : part;
						if (secret.length() >= 16) {
							found.add(secret);
						}
					}
				}
				collect(e.getValue(), found);
			});
		}
		else if (node.isArray()) {
			node.forEach(child -> collect(child, found));
		}
	}

	private static String throwableText(IThrowableProxy proxy) {
		StringBuilder text = new StringBuilder();
		for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
			text.append(p.getClassName()).append(": ").append(p.getMessage()).append(' ');
		}
		return text.toString();
	}

	/** The exception and where it came from: the deepest-first polyfn frame outside this kit, as well as the top. */
	private static String describe(Throwable failure) {
		StackTraceElement[] stack = failure.getStackTrace();
		String at = stack.length == 0 ? "" : " at " + stack[0];
		for (StackTraceElement frame : stack) {
			if (frame.getClassName().startsWith("dev.polyfn.") && !frame.getClassName().startsWith("dev.polyfn.conformance.")) {
				at += " via " + frame;
				break;
			}
		}
		String message = String.valueOf(failure.getMessage());
		return failure.getClass().getName() + ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message) + at;
	}

	private static String mask(String secret) {
		return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "…(" + secret.length() + " chars)";
	}

	private static void writeReport(String summary, Map<String, Outcome> before, Map<String, Map<String, Integer>> tally,
			List<String> escaped, Map<KnownDefect, List<String>> known, List<String> brokenAfter, List<String> serverErrors,
			List<String> leaks)
			throws IOException {
		Path report = Paths.get(System.getProperty("polyfn.conformance.report", "target/conformance/report.md"))
			.resolveSibling("campaign.md");
		StringBuilder md = new StringBuilder("# Malformed-input campaign\n\n").append(summary).append(".\n\n");
		md.append("Seed ").append(SEED).append(" (xor the fixture path's hash); mutations by `JsonMutator`.\n\n");
		md.append("| fixture | entry point | original | mutations ended as |\n|---|---|---|---|\n");
		tally.forEach((fixture, outcomes) -> md.append("| `").append(fixture).append("` | ")
			.append(owner(fixture).entryPoint(fixture)).append(" | ").append(before.get(fixture).label()).append(" | ")
			.append(outcomes.toString().replace("{", "").replace("}", "")).append(" |\n"));
		appendList(md, "Escaped exceptions", escaped);
		md.append("\n## Known defects (reported to their owners; tolerated until fixed)\n");
		known.forEach((defect, hits) -> {
			md.append("\n### `").append(defect.id()).append("`: ").append(defect.component()).append(" (")
				.append(hits.size()).append(" hits)\n\n").append(defect.description()).append(".\n\n");
			if (hits.isEmpty()) {
				md.append("No longer seen: the defect looks fixed; delete this entry from `KnownDefect.ALL`.\n");
			}
			hits.stream().limit(20).forEach(hit -> md.append("- ").append(hit.replaceAll("x{40,}", "x…")).append('\n'));
		});
		appendList(md, "Originals broken afterwards", brokenAfter);
		md.append("\nNot failures, but worth a look: a malformed input should end in a 4xx; these ended in a documented "
				+ "error with a 5xx status.\n");
		appendList(md, "Malformed inputs answered with a server error", serverErrors);
		appendList(md, "Credentials logged at ERROR", leaks);
		Files.createDirectories(report.toAbsolutePath().getParent());
		Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
	}

	private static void appendList(StringBuilder md, String title, List<String> items) {
		md.append("\n## ").append(title).append(" (").append(items.size()).append(")\n\n");
		items.stream().limit(200).forEach(item -> md.append("- ").append(item.replace("\n", " ")).append('\n'));
	}
}
