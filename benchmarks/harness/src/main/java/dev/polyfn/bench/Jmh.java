package dev.polyfn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.polyfn.local.CodeFolders;

/**
 * Runs the JMH benchmarks (benchmarks/jmh) on the artifacts that exist: each case loads the shipped jar in its own
 * class loader (see IsolatedTarget there). Sample-time mode, so p50/p99 per invocation come from JMH itself.
 */
final class Jmh {

	/** One measured case: target and event, per-invocation latency in µs, and the answer it gave. */
	record Case(String targetId, String event, double meanMicros, double p50Micros, double p99Micros, String answer) {
	}

	private static final Map<String, List<String>> CASES = new LinkedHashMap<>();

	static {
		CASES.put("LambdaInvocationBench", List.of("aws-plain:direct-string", "aws-jackson:direct-string",
				"aws-scf:direct-string", "aws-polyfn:direct-string", "aws-jackson:apigw-http-v2", "aws-scf:apigw-http-v2",
				"aws-polyfn:apigw-http-v2", "aws-jackson:sqs-batch", "aws-scf:sqs-batch", "aws-polyfn:sqs-batch"));
		CASES.put("GcpHttpFunctionBench", List.of("gcp-plain:http-text", "gcp-scf:http-text", "gcp-polyfn:http-text"));
		CASES.put("GcpCloudEventBench", List.of("gcp-polyfn:pubsub-cloudevent"));
	}

	private static final Pattern ANSWER = Pattern.compile("\\[answer ([^\\]]+)\\] (.*)");

	private final Path jar;
	private final Path bench;
	private final Path logDir;
	private final int warmups;
	private final int iterations;

	Jmh(Path jar, Path bench, Path logDir, int warmups, int iterations) {
		this.jar = jar;
		this.bench = bench;
		this.logDir = logDir;
		this.warmups = warmups;
		this.iterations = iterations;
	}

	List<Case> run(List<Target> targets) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IOException("no JMH jar at " + jar);
		}
		Properties config = new Properties();
		config.setProperty("events.dir", bench.resolve("events").toString());
		for (Target t : targets) {
			// only the rows a case names: the other rows (peers, other-JDK rows) are not JMH targets
			boolean named = CASES.values().stream().flatMap(List::stream).anyMatch(c -> c.startsWith(t.id() + ":"));
			if (t.measurable() && named && t.kind() != Target.Kind.WEB_JAR && t.kind() != Target.Kind.START_SCRIPT) {
				config.setProperty(t.id() + ".classpath", classpath(t));
				config.setProperty(t.id() + ".entry", t.entry());
			}
		}
		Targets.POLYFN_ENTRY_PER_EVENT.forEach((key, entry) -> {
			if (config.containsKey(key.substring(0, key.indexOf('.')) + ".classpath")) {
				config.setProperty(key, entry);
			}
		});
		Path configFile = logDir.resolve("jmh-targets.properties");
		try (var out = Files.newOutputStream(configFile)) {
			config.store(out, "written by the harness for the JMH forks");
		}
		List<Case> results = new ArrayList<>();
		for (Map.Entry<String, List<String>> benchmark : CASES.entrySet()) {
			List<String> cases = benchmark.getValue().stream()
					.filter(c -> config.containsKey(c.substring(0, c.indexOf(':')) + ".classpath"))
					.toList();
			if (!cases.isEmpty()) {
				results.addAll(run(benchmark.getKey(), cases, configFile));
			}
		}
		return results;
	}

	private List<Case> run(String benchmark, List<String> cases, Path configFile) throws IOException {
		Path csv = logDir.resolve("jmh-" + benchmark + ".csv");
		Path log = logDir.resolve("jmh-" + benchmark + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-cp", jar.toString(), "org.openjdk.jmh.Main", benchmark + ".invoke",
				"-p", "target_event=" + String.join(",", cases), "-f", "1", "-wi", Integer.toString(warmups), "-w", "1s", "-i", Integer.toString(iterations), "-r", "1s",
				"-bm", "sample", "-tu", "us", "-foe", "false", "-rf", "csv", "-rff", csv.toString(), "-jvmArgsAppend",
				"-Dbench.config=" + configFile + " -Xmx1g");
		System.out.println("jmh " + benchmark + ": " + cases.size() + " cases (about " + cases.size() * (warmups + iterations + 3) + " s)");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SPRING_CLOUD_FUNCTION_DEFINITION", "reverse");
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		Process process = builder.start();
		try {
			if (!process.waitFor(30, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IOException("JMH did not finish; see " + log);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		Map<String, String> answers = new LinkedHashMap<>();
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			Matcher matcher = ANSWER.matcher(line);
			if (matcher.find()) {
				answers.put(matcher.group(1), matcher.group(2));
			}
		}
		if (!Files.exists(csv)) {
			throw new IOException("JMH wrote no results; see " + log);
		}
		Map<String, double[]> byCase = new LinkedHashMap<>();
		for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8).subList(1, Files.readAllLines(csv).size())) {
			List<String> cells = cells(line);
			String name = cells.get(0);
			String param = cells.get(cells.size() - 1);
			double score = Double.parseDouble(cells.get(4));
			double[] values = byCase.computeIfAbsent(param, p -> new double[] { Double.NaN, Double.NaN, Double.NaN });
			if (name.endsWith(".invoke")) {
				values[0] = score;
			}
			else if (name.endsWith(":p0.50")) {
				values[1] = score;
			}
			else if (name.endsWith(":p0.99")) {
				values[2] = score;
			}
		}
		List<Case> results = new ArrayList<>();
		for (String c : cases) {
			double[] v = byCase.get(c);
			String[] parts = c.split(":");
			String answer = answers.getOrDefault(c, "(no answer: the trial failed, see " + log.getFileName() + ")");
			if (v == null) {
				results.add(new Case(parts[0], parts[1], Double.NaN, Double.NaN, Double.NaN, answer));
			}
			else {
				results.add(new Case(parts[0], parts[1], v[0], v[1], v[2], answer));
				System.out.printf("jmh  %-30s p50 %8.2f µs  p99 %8.2f µs%n", c, v[1], v[2]);
			}
		}
		return results;
	}

	/**
	 * JMH's built-in stack sampler on one case: the hottest frames of the benchmark thread, the cheapest answer to
	 * "where does the per-call time go". Returns the RUNNABLE section of its output, or a note when it failed.
	 */
	String stackProfile(String benchmark, String testCase) throws IOException {
		Path log = logDir.resolve("jmh-stack-" + testCase.replace(':', '-') + ".txt");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-cp", jar.toString(), "org.openjdk.jmh.Main", benchmark + ".invoke",
				"-p", "target_event=" + testCase, "-f", "1", "-wi", Integer.toString(warmups), "-w", "1s", "-i",
				Integer.toString(iterations), "-r", "1s", "-bm", "avgt", "-tu", "us", "-prof",
				"stack:lines=9;top=10;detailLine=true", "-jvmArgsAppend",
				"-Dbench.config=" + logDir.resolve("jmh-targets.properties") + " -Xmx1g");
		System.out.println("jmh stack profile of " + testCase);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SPRING_CLOUD_FUNCTION_DEFINITION", "reverse");
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		Process process = builder.start();
		try {
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return "(stack profile did not finish)";
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "(interrupted)";
		}
		String text = Files.readString(log, StandardCharsets.UTF_8);
		int start = text.indexOf("....[Thread state: RUNNABLE]");
		if (start < 0) {
			return "(no stack profile; see " + log + ")";
		}
		int end = text.indexOf("....[Thread state:", start + 10);
		return text.substring(start, end < 0 ? Math.min(text.length(), start + 8000) : end).strip();
	}

	/** Lambda: the unpacked task root and its lib/*.jar (as the runtime's class loader); GCF: the jar. */
	private String classpath(Target t) throws IOException {
		Path runnable = t.runnable();
		if (t.kind() != Target.Kind.LAMBDA || runnable.getFileName().toString().endsWith(".jar")) {
			return runnable.toString();
		}
		Path dir = logDir.getParent().resolve("work").resolve(t.id() + "-jmh");
		CodeFolders.deleteTree(dir);
		Files.createDirectories(dir);
		CodeFolders.unzipKeepingModes(runnable, dir);
		List<String> entries = new ArrayList<>(List.of(dir.toString()));
		Path lib = dir.resolve("lib");
		if (Files.isDirectory(lib)) {
			try (Stream<Path> jars = Files.list(lib)) {
				jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
			}
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}
}
