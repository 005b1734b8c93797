package dev.polyfn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.LambdaRuntimeApi;

/**
 * Runs the whole benchmark against what benchmarks/run.sh built and writes RESULTS.md:
 * cold starts (N timed runs after one untimed warm-up run per target), one class-load profile run per target,
 * loopback load on every HTTP target, JMH for the in-process cost, artifact sizes, ratios to the baselines.
 *
 * <pre>java -jar bench-harness.jar --repo /path/to/main [--runs 10] [--load-seconds 10] [--only a,b] [--before /path/to/checkout]
 *     [--quick] [--skip-load] [--skip-jmh] [--jvm-options "-Dsome.property=x"] [--jmh-jar benchmarks/jmh/target/benchmarks.jar] [--out benchmarks/RESULTS.md]</pre>
 */
public final class BenchMain {

	/** The measured load time is split into this many windows; the median window is reported. */
	static final int LOAD_WINDOWS = 3;

	record Cold(Stats startMillis, Stats peakRssMb, String failure) {
	}

	record Load(String targetId, String label, String path, Wrk.Result result, double peakRssMb, String failure,
			List<Double> windows) {

		Load(String targetId, String label, String path, Wrk.Result result, double peakRssMb, String failure) {
			this(targetId, label, path, result, peakRssMb, failure, List.of());
		}
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = parse(args);
		Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
		Path bench = repo.resolve("benchmarks");
		Path out = Path.of(options.getOrDefault("out", bench.resolve("RESULTS.md").toString()));
		int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
		// --quick: a smoke test of the whole pipeline (figures not meaningful)
		boolean quick = options.containsKey("quick");
		int loadSeconds = Integer.parseInt(options.getOrDefault("load-seconds", quick ? "3" : "18"));
		// JIT warm-up before the measured run, the same for every server: long enough for C2 to finish with the
		// request path of the largest target on 2 cores shared with wrk (3 s measured mostly compilation).
		int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", quick ? "2" : "15"));
		Set<String> only = options.containsKey("only") ? Set.of(options.get("only").split(",")) : Set.of();
		Path target = bench.resolve("target");
		Path workDir = target.resolve("work");
		Path logDir = target.resolve("logs");
		CodeFolders.deleteTree(workDir);
		CodeFolders.deleteTree(logDir);
		Files.createDirectories(workDir);
		Files.createDirectories(logDir);
		System.setProperty("http.keepAlive", "false");
		// the local Runtime API answers with TCP_NODELAY: the JDK server writes headers and body separately and,
		// without it, Linux's delayed ACK can hold a keep-alive answer ~40 ms (the RIC keeps its connection open),
		// which the real Runtime API does not do. Read once, before the first HttpServer is made.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		int warmCalls = Integer.parseInt(options.getOrDefault("warm-calls", quick ? "600" : "6000"));
		String otherJdkHome = options.getOrDefault("jdk" + Targets.OTHER_JDK, System.getenv("BENCH_JDK" + Targets.OTHER_JDK));
		Jdk otherJdk = Jdk.find(Targets.OTHER_JDK, otherJdkHome).orElse(null);

		Machine machine = Machine.describe();
		System.out.println("polyfn benchmark on " + machine.summary() + "; second JDK: "
				+ (otherJdk == null ? "none" : otherJdk.description()));
		// --before <checkout>: the web app and custom-runtime packages of an earlier commit, measured beside today's
		Path before = options.containsKey("before") ? Path.of(options.get("before")).toAbsolutePath().normalize() : null;
		List<Target> targets = new ArrayList<>(new Targets(repo, workDir, otherJdk, before).all().stream()
				.filter(t -> only.isEmpty() || only.contains(t.id()))
				.toList());
		Launcher launcher = new Launcher(bench.resolve("runtime/target/lambda-runtime"),
				bench.resolve("runtime/target/gcf-invoker/java-function-invoker.jar"),
				bench.resolve("runtime/target/azure-worker"), workDir, logDir,
				bench.resolve("events"));
		// --jvm-options "<flags>": an experiment knob (a Spring property, a JVM flag) for every JVM the run starts
		launcher.extraJvmOptions(options.get("jvm-options"));
		warmUpHarness();

		Map<String, Cold> cold = new LinkedHashMap<>();
		Map<String, ClassLoadProfile.Profile> profiles = new LinkedHashMap<>();
		for (Target t : List.copyOf(targets)) {
			if (!t.measurable()) {
				System.out.println("skip " + t.id() + ": " + t.missing());
				continue;
			}
			cold.put(t.id(), coldStarts(launcher, t, runsOf(t, runs)));
			// the other-JDK rows are cold start and RSS only: the class profile and variants stay on the build JDK
			if (cold.get(t.id()).failure() == null && !t.onOtherJdk()) {
				profiles.put(t.id(), profile(launcher, t, logDir));
				if (APPCDS_VARIANTS.contains(t.id())) {
					Target variant = appCdsVariant(launcher, t, workDir);
					if (variant != null) {
						targets.add(targets.indexOf(t) + 1, variant);
						cold.put(variant.id(), coldStarts(launcher, variant, runs));
					}
				}
			}
		}

		// the optional features' cost: a 5% question, finer than the spread of 10 starts taken minutes apart
		pairedColdStarts(launcher, targets, cold, PAIRED_WITH, PAIRED_WITHOUT, PAIRED_RUNS);

		// warm calls over uptime: every AWS row answering the HTTP API v2 event, one JVM each; the Azure Java-worker
		// rows the same way (their per-invocation cost through the worker's binding)
		Map<String, WarmCalls> warm = new LinkedHashMap<>();
		Map<String, WarmCalls> azureWarm = new LinkedHashMap<>();
		for (Target t : targets) {
			if (t.measurable() && !t.onOtherJdk() && cold.containsKey(t.id()) && cold.get(t.id()).failure() == null) {
				if (t.httpApiEvent()) {
					warm.put(t.id(), warmCalls(launcher, t, warmCalls));
				}
				else if (t.kind() == Target.Kind.AZURE_WORKER && !COLD_ONLY.contains(t.id())) {
					azureWarm.put(t.id(), warmCalls(launcher, t, AZURE_WARM_CALLS));
				}
			}
		}

		List<Load> loads = new ArrayList<>();
		Wrk wrk = options.containsKey("skip-load") ? null : Wrk.find(workDir, 2, 8);
		if (wrk == null && !options.containsKey("skip-load")) {
			System.out.println("wrk not found: no load figures (run.sh installs it with apt-get)");
		}
		if (wrk != null) {
			for (Target t : targets) {
				if (t.measurable() && t.servesHttp() && !t.isVariant() && !t.onOtherJdk() && !COLD_ONLY.contains(t.id())
						&& cold.get(t.id()).failure() == null) {
					List<Load> measured = load(launcher, wrk, t, warmupSeconds, loadSeconds, logDir);
					loads.addAll(measured);
					if (t.polyfn() && delayedAckStall(measured)) {
						// a p50 near 40 ms is Linux's delayed-ACK timer: measure the same artifact with TCP_NODELAY on
						Target diagnostic = t.variant("-nodelay", " (diagnostic: same artifact, JDK HTTP server with "
								+ "-Dsun.net.httpserver.nodelay=true)", NODELAY);
						loads.addAll(load(launcher, wrk, diagnostic, warmupSeconds, loadSeconds, logDir));
					}
				}
			}
		}

		List<Jmh.Case> jmh = List.of();
		String jmhNote = null;
		String jmhProfile = null;
		if (!options.containsKey("skip-jmh")) {
			Path jmhJar = Path.of(options.getOrDefault("jmh-jar", bench.resolve("jmh/target/benchmarks.jar").toString()));
			try {
				Jmh runner = new Jmh(jmhJar, bench, logDir, quick ? 1 : 3, quick ? 2 : 5);
				jmh = runner.run(targets);
				// where polyfn's per-call time goes: JMH's stack sampler on the HTTP API v2 path
				if (jmh.stream().anyMatch(c -> c.targetId().equals("aws-polyfn") && !Double.isNaN(c.p50Micros()))) {
					jmhProfile = runner.stackProfile("LambdaInvocationBench", "aws-polyfn:apigw-http-v2");
				}
			}
			catch (IOException | RuntimeException e) {
				jmhNote = "JMH failed: " + e.getMessage();
				System.out.println(jmhNote);
			}
		}

		String report = new Report(repo, machine, otherJdk, runs, wrk == null ? null : wrk.describe(), warmupSeconds,
				loadSeconds, targets, cold, profiles, warm, azureWarm, loads, jmh, jmhNote, jmhProfile, quick, Instant.now(),
				PackageRuntimes.read(repo)).render();
		Files.writeString(out, report, StandardCharsets.UTF_8);
		System.out.println("wrote " + out);
		// The storage rows' servers (the JSON API test server's threads, Azurite) stop in their shutdown hooks.
		System.exit(0);
	}

	/**
	 * The custom runtimes are where an application CDS archive is possible (the package can ship its JDK), so their
	 * cold start is also measured with one: a training run writes it, the timed runs map it.
	 */
	// Not tencent-polyfn: its package makes and uses its own archive (tencent-polyfn-nocds is the run without).
	static final List<String> APPCDS_VARIANTS = List.of("aliyun-polyfn");

	private static Target appCdsVariant(Launcher launcher, Target t, Path workDir) {
		Path archive = workDir.resolve(t.id() + ".jsa");
		Target training = t.variant("-appcds", "", "-XX:ArchiveClassesAtExit=" + archive);
		try (Launcher.Started started = launcher.start(training, "appcds-training", null)) {
			started.awaitFirstAnswer();
			started.stopGracefully();
		}
		catch (Exception e) {
			System.out.println("AppCDS training run of " + t.id() + " failed: " + firstLine(e.getMessage()));
			return null;
		}
		if (!Files.isRegularFile(archive)) {
			System.out.println("AppCDS training run of " + t.id() + " wrote no archive");
			return null;
		}
		return t.variant("-appcds", " + AppCDS archive (JDK 17 dynamic archive from one training run)",
				"-XX:SharedArchiveFile=" + archive + " -Xshare:auto");
	}

	/**
	 * The JDK 25 rows of the Spring Cloud Function baselines: half the runs. They are in no target, take 2–5 s a
	 * start, and the whole benchmark must stay within 25 minutes on a fresh clone.
	 */
	static final Set<String> FEWER_RUNS_ON_OTHER_JDK = Set.of("aws-scf", "gcp-scf");

	/**
	 * Rows reported beside a target rather than judged against one (the GCP and Azure storage rows, Spring Boot's
	 * executable jar beside the web package the README starts): half the runs, for the same 25-minute budget.
	 */
	static final Set<String> FEWER_RUNS = Set.of("gcp-polyfn-storage", "azure-polyfn-worker-storage", "web-polyfn-exec");

	static int runsOf(Target t, int runs) {
		boolean fewer = t.onOtherJdk() ? FEWER_RUNS_ON_OTHER_JDK.contains(t.jdkBaseId()) : FEWER_RUNS.contains(t.id());
		return fewer ? Math.max(1, runs / 2) : runs;
	}

	/** The examples' AWS package with the storage and messaging modules, and the same examples built without them. */
	static final String PAIRED_WITH = "aws-polyfn-http";

	static final String PAIRED_WITHOUT = "aws-polyfn-nostorage-http";

	/** Where the interleaved starts of a pair are kept, beside the target's own ten. */
	static final String PAIRED = "@paired";

	/**
	 * Each pair's starts alternate (with, without, with, ...), so that whatever the machine does meanwhile falls on both
	 * alike; the targets' own runs are taken one target after the other, minutes apart. 2 × 30 starts take about 40 s.
	 */
	static final int PAIRED_RUNS = 30;

	private static void pairedColdStarts(Launcher launcher, List<Target> targets, Map<String, Cold> cold, String a, String b,
			int runs) {
		Optional<Target> with = targets.stream().filter(t -> t.id().equals(a)).findFirst();
		Optional<Target> without = targets.stream().filter(t -> t.id().equals(b)).findFirst();
		if (with.isEmpty() || without.isEmpty() || !with.get().measurable() || !without.get().measurable()
				|| cold.get(a) == null || cold.get(a).failure() != null || cold.get(b) == null || cold.get(b).failure() != null) {
			return;
		}
		List<Double> withMillis = new ArrayList<>();
		List<Double> withoutMillis = new ArrayList<>();
		List<Double> withRss = new ArrayList<>();
		List<Double> withoutRss = new ArrayList<>();
		try {
			for (int i = 1; i <= runs; i++) {
				Launcher.Run one = launcher.coldStart(with.get(), "paired" + i, null);
				withMillis.add(one.startMillis());
				withRss.add(one.peakRssMb());
				Launcher.sleep(150);
				Launcher.Run other = launcher.coldStart(without.get(), "paired" + i, null);
				withoutMillis.add(other.startMillis());
				withoutRss.add(other.peakRssMb());
				Launcher.sleep(150);
			}
		}
		catch (Exception e) {
			System.out.println("paired cold starts of " + a + " and " + b + " FAILED: " + e.getMessage());
			return;
		}
		cold.put(a + PAIRED, new Cold(Stats.of(withMillis), Stats.of(withRss), null));
		cold.put(b + PAIRED, new Cold(Stats.of(withoutMillis), Stats.of(withoutRss), null));
		System.out.printf("cold paired: %s median %.0f ms, %s median %.0f ms (%d each, alternating)%n", a,
				Stats.of(withMillis).median(), b, Stats.of(withoutMillis).median(), runs);
	}

	private static Cold coldStarts(Launcher launcher, Target t, int runs) {
		List<Double> millis = new ArrayList<>();
		List<Double> rss = new ArrayList<>();
		try {
			// one untimed run first: file cache and the harness's own code paths warm, as for every target
			launcher.coldStart(t, "warmup", null);
			for (int i = 1; i <= runs; i++) {
				Launcher.Run run = launcher.coldStart(t, "run" + i, null);
				millis.add(run.startMillis());
				rss.add(run.peakRssMb());
				Launcher.sleep(150);
			}
			Stats stats = Stats.of(millis);
			System.out.printf("cold %-16s median %7.0f ms  (min %6.0f, max %6.0f)  peak RSS %5.0f MB%n", t.id(),
					stats.median(), stats.min(), stats.max(), Stats.of(rss).median());
			return new Cold(stats, Stats.of(rss), null);
		}
		catch (Exception e) {
			System.out.println("cold " + t.id() + " FAILED: " + e.getMessage());
			return new Cold(Stats.of(millis), Stats.of(rss), firstLine(e.getMessage()));
		}
	}

	/** Windows of the warm-call run (the issue quotes Micronaut over 6,000 calls: six windows of 1,000). */
	static final int WARM_WINDOWS = 6;

	private static WarmCalls warmCalls(Launcher launcher, Target t, int calls) {
		try (Launcher.Started started = launcher.startInvoking(t, "warm", calls + 1)) {
			started.awaitFirstAnswer();
			long[] latencies = started.awaitAllAnswers(600);
			// the Azure rows are one p50 over all calls (their row has no windows)
			int windows = t.kind() == Target.Kind.AZURE_WORKER ? 1 : WARM_WINDOWS;
			WarmCalls result = WarmCalls.of(latencies, windows, started.wrongAnswers());
			System.out.printf("warm %-20s %d calls, p50 per window %s µs, wrong answers %d%n", t.id(), calls,
					join(result.windows().stream().map(w -> String.format(java.util.Locale.ROOT, "%.0f", w.p50Micros()))
							.toList()), result.wrongAnswers());
			return result;
		}
		catch (Exception e) {
			System.out.println("warm " + t.id() + " FAILED: " + firstLine(e.getMessage()));
			return WarmCalls.failed(firstLine(e.getMessage()));
		}
	}

	private static ClassLoadProfile.Profile profile(Launcher launcher, Target t, Path logDir) {
		Path log = logDir.resolve(t.id() + "-classload.txt");
		try {
			launcher.coldStart(t, "classload", ClassLoadProfile.jvmOption(log));
			return ClassLoadProfile.read(log);
		}
		catch (Exception e) {
			System.out.println("class-load profile of " + t.id() + " failed: " + firstLine(e.getMessage()));
			return null;
		}
	}

	static final String NODELAY = "-Dsun.net.httpserver.nodelay=true";

	/**
	 * Rows measured cold only: no issue target compares their throughput, and a load run costs about 40 s each
	 * (the 25-minute budget of a fresh-clone run).
	 */
	static final Set<String> COLD_ONLY = Set.of("gcp-micronaut", "azure-polyfn-custom-handler",
			"azure-polyfn-custom-handler-nocds", "web-polyfn-exec", "gcp-polyfn-storage",
			"azure-polyfn-worker-storage");

	/** Invocations per Azure Java-worker row after its cold one (in-process calls: about a second each). */
	static final int AZURE_WARM_CALLS = 20_000;

	private static boolean delayedAckStall(List<Load> measured) {
		return measured.stream().anyMatch(l -> l.result() != null && l.result().p50Millis() >= 30);
	}

	private static List<Load> load(Launcher launcher, Wrk wrk, Target t, int warmupSeconds, int seconds, Path logDir) {
		List<String> paths = new ArrayList<>(List.of(t.requestPath()));
		if (t.id().equals("web-scf")) {
			paths.add("/mvc/reverse"); // the plain-MVC reference in the same app
		}
		List<Load> results = new ArrayList<>();
		try (Launcher.Started server = launcher.startServer(t, "load")) {
			for (String path : paths) {
				String label = path.equals("/mvc/reverse") ? "plain Spring MVC controller (same app)" : t.label();
				String id = path.equals("/mvc/reverse") ? "web-mvc" : t.id();
				HttpProbe.Response check = HttpProbe.post(server.port(), path);
				if (check == null || !check.correct()) {
					results.add(new Load(id, label, path, null, 0, "wrong answer before load: "
							+ (check == null ? "none" : check.status() + " " + Launcher.abbreviate(check.body()))));
					continue;
				}
				// warm-up (JIT), then the measured run
				wrk.run(server.port(), path, warmupSeconds, logDir.resolve(id + "-wrk-warmup.txt"));
				// three windows of a third of the measured time, the middle one by requests/s: one slow or fast
				// window (the machine's other tenants, a GC) does not decide a ratio
				List<Wrk.Result> windows = new ArrayList<>();
				for (int w = 1; w <= LOAD_WINDOWS; w++) {
					windows.add(wrk.run(server.port(), path, Math.max(1, seconds / LOAD_WINDOWS),
							logDir.resolve(id + "-wrk-" + w + ".txt")));
				}
				List<Double> inOrder = windows.stream().map(Wrk.Result::requestsPerSecond).toList();
				windows.sort(java.util.Comparator.comparingDouble(Wrk.Result::requestsPerSecond));
				Wrk.Result result = windows.get(windows.size() / 2);
				double rss = ProcessMemory.peakRssMb(server.handle());
				System.out.printf("load %-16s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  peak RSS %5.0f MB%n",
						id, result.requestsPerSecond(), result.p50Millis(), result.p99Millis(), result.errors(), rss);
				results.add(new Load(id, label, path, result, rss, null, inOrder));
			}
		}
		catch (Exception e) {
			System.out.println("load " + t.id() + " FAILED: " + e.getMessage());
			results.add(new Load(t.id(), t.label(), t.requestPath(), null, 0, firstLine(e.getMessage())));
		}
		return results;
	}

	/** Loads the harness's own HTTP client and stub classes before the first timed run. */
	private static void warmUpHarness() throws IOException {
		try (LambdaRuntimeApi api = new LambdaRuntimeApi()) {
			HttpProbe.post(Integer.parseInt(api.address().substring(api.address().indexOf(':') + 1)),
					LambdaRuntimeApi.PREFIX + "/invocation/warmup/response");
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "failed";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument " + args[i] + " in " + Arrays.toString(args));
			}
			String name = args[i].substring(2);
			boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
			options.put(name, flag ? "true" : args[++i]);
		}
		return options;
	}

	static String join(List<String> values) {
		return values.stream().collect(Collectors.joining(", "));
	}
}
