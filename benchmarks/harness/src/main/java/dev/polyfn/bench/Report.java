package dev.polyfn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders RESULTS.md: every figure of one run, the ratios to the baselines, and the issue's targets met/missed. */
final class Report {

	private final Path repo;
	private final Machine machine;
	private final Jdk otherJdk;
	private final int runs;
	private final String loadTool;
	private final int loadSeconds;
	private final int warmupSeconds;
	private final List<Target> targets;
	private final Map<String, BenchMain.Cold> cold;
	private final Map<String, ClassLoadProfile.Profile> profiles;
	private final Map<String, WarmCalls> warm;
	private final Map<String, WarmCalls> azureWarm;
	private final List<BenchMain.Load> loads;
	private final List<Jmh.Case> jmh;
	private final String jmhNote;
	private final String jmhProfile;
	private final boolean quick;
	private final Instant finished;
	private final Map<String, PackageRuntimes.Runtime> packageRuntimes;

	Report(Path repo, Machine machine, Jdk otherJdk, int runs, String loadTool, int warmupSeconds, int loadSeconds,
			List<Target> targets, Map<String, BenchMain.Cold> cold, Map<String, ClassLoadProfile.Profile> profiles,
			Map<String, WarmCalls> warm, Map<String, WarmCalls> azureWarm, List<BenchMain.Load> loads, List<Jmh.Case> jmh, String jmhNote,
			String jmhProfile, boolean quick, Instant finished, Map<String, PackageRuntimes.Runtime> packageRuntimes) {
		this.repo = repo;
		this.machine = machine;
		this.otherJdk = otherJdk;
		this.runs = runs;
		this.loadTool = loadTool;
		this.loadSeconds = loadSeconds;
		this.warmupSeconds = warmupSeconds;
		this.targets = targets;
		this.cold = cold;
		this.profiles = profiles;
		this.warm = warm;
		this.azureWarm = azureWarm;
		this.loads = loads;
		this.jmh = jmh;
		this.jmhNote = jmhNote;
		this.jmhProfile = jmhProfile;
		this.quick = quick;
		this.finished = finished;
		this.packageRuntimes = packageRuntimes;
	}

	String render() {
		StringBuilder md = new StringBuilder();
		md.append("# polyfn benchmark results\n\n");
		if (quick) {
			md.append("> **Smoke-test run (`--quick`): too few runs and iterations for the figures to mean anything.**\n\n");
		}
		md.append("Written by `benchmarks/run.sh` on ")
				.append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(finished.atZone(ZoneOffset.UTC)))
				.append(". Every figure below comes from this one run on this one machine; compare the ratios, not the ")
				.append("absolute numbers, with other machines. How each figure is taken: [README.md](README.md).\n\n");
		md.append("- **Machine:** ").append(machine.cpus()).append(" CPUs (").append(machine.cpuModel()).append("), ")
				.append(String.format(Locale.ROOT, "%.1f GB RAM", machine.memoryGb())).append(", ").append(machine.os())
				.append("; load average at start ").append(machine.loadAtStart()).append("\n");
		md.append("- **JDKs:** ").append(machine.jdk()).append(" (the build JDK; every row)");
		md.append(otherJdk == null ? "; no JDK " + Targets.OTHER_JDK + " installed, so its rows are not measured"
				: "; " + otherJdk.description() + " (`" + otherJdk.home() + "`; the AWS and GCP rows again, cold start and RSS: "
						+ "the clouds run their own JDK " + Targets.OTHER_JDK + " builds, Lambda's being Amazon Corretto, so this is "
						+ "the same release from another vendor, not the exact JVM)");
		md.append(". Default CDS archive on, no AppCDS except the rows that say so.\n");
		md.append("- **Cold start:** ").append(runs).append(" timed runs per target (").append(Math.max(1, runs / 2))
				.append(" for the JDK ").append(Targets.OTHER_JDK).append(" rows of the Spring Cloud Function baselines, which ")
				.append("are in no target) after one untimed run; fresh JVM ")
				.append("each time, process start → first correct response. Lambda rows answer a direct invocation ")
				.append("(the issue-9 rows) or an API Gateway HTTP API v2 event (`POST /reverse`, the issue-20 rows: status ")
				.append("200 and the reversed body required). Lambda JVM flags as on the managed java17, java21 and java25 ")
				.append("runtimes (the same on all three without SnapStart): `").append(String.join(" ", Launcher.LAMBDA_JVM_FLAGS))
				.append("`, `AWS_EXECUTION_ENV=AWS_Lambda_java<release>`; other JVMs default flags (Cloud Run's java25 base ")
				.append("image sets none for a function either).\n");
		md.append("- **Load:** ").append(loadTool == null ? "not run (wrk missing)" : loadTool + ", " + loadSeconds
				+ " s measured in " + BenchMain.LOAD_WINDOWS + " windows (the median window reported) after a " + warmupSeconds
						+ " s warm-up run (JIT)").append("\n");
		md.append("- **In-process:** JMH 1.37 sample mode, 1 fork, ").append(quick ? "1" : "3").append("×1 s warm-up, ")
				.append(quick ? "2" : "5").append("×1 s measurement, default JVM flags.\n\n");

		issue20Section(md);
		targetsSection(md);
		beforeSection(md);
		coldSection(md);
		jdkSection(md);
		warmSection(md);
		loadSection(md);
		jmhSection(md);
		whySection(md);
		profileSection(md);
		missingSection(md);
		return md.toString();
	}

	// ---- the issue's targets

	/** The other JDK's id suffix (aws-polyfn-http-jdk25). */
	private static final String JDK25 = "-jdk" + Targets.OTHER_JDK;

	private void issue20Section(StringBuilder md) {
		md.append("## The targets of issue 20\n\n");
		md.append("Ratios from this run. \"HTTP API v2\" rows: every handler answers the same API Gateway HTTP API v2 ")
				.append("event (`POST /reverse`, body `polyfn-bench`) with the same proxy response. The polyfn rows are the ")
				.append("examples package (every function in it, `reverse` chosen). JDK 25 is what the AWS and GCP packages ")
				.append("target (`java25`, see \"JDK 17 and JDK 25\" below).\n\n");
		md.append("| target | required | measured | verdict |\n|---|---|---|---|\n");
		coldRatioRow(md, "AWS cold start vs plain handler + Jackson, direct invocation (JDK 17)", "aws-polyfn",
				"aws-jackson", 1.10, true);
		coldRatioRow(md, "AWS cold start vs plain handler + Jackson, HTTP API v2 (JDK 17)", "aws-polyfn-http",
				"aws-jackson-http", 1.10, true);
		coldRatioRow(md, "AWS cold start vs plain handler + Jackson, HTTP API v2 (JDK 25)", "aws-polyfn-http" + JDK25,
				"aws-jackson-http" + JDK25, 1.10, true);
		for (String peer : List.of("aws-quarkus", "aws-micronaut", "aws-micronaut-proxy")) {
			coldRatioRow(md, "AWS cold start vs " + shortName(peer) + ", HTTP API v2 (JDK 17)", "aws-polyfn-http", peer,
					0.5, true);
			coldRatioRow(md, "AWS cold start vs " + shortName(peer) + ", HTTP API v2 (JDK 25)", "aws-polyfn-http" + JDK25,
					peer + JDK25, 0.5, true);
		}
		jmhRatioRow(md, "AWS in-process cost per HTTP API v2 invocation (p50) vs plain handler + Jackson", "aws-polyfn",
				"aws-jackson", "apigw-http-v2", 1.5);
		Optional<Long> awsSize = size("aws-polyfn");
		row(md, "AWS artifact size", "≤ 10 MB", awsSize.map(Report::megabytes),
				awsSize.map(s -> verdict(s / 1_048_576.0, 10.0, true, " MB")));
		coldRatioRow(md, "GCP cold start vs plain HttpFunction (JDK 17)", "gcp-polyfn", "gcp-plain", 1.10, true);
		coldRatioRow(md, "GCP cold start vs plain HttpFunction (JDK 25)", "gcp-polyfn" + JDK25, "gcp-plain" + JDK25,
				1.10, true);
		throughputRow(md, "GCP throughput vs plain HttpFunction", "gcp-polyfn", "gcp-plain", 1.0);
		coldRatioRow(md, "Web app as the README starts it (`java -XX:SharedArchiveFile=examples/target/polyfn/web/app.jsa -jar "
				+ "examples/target/polyfn/web/polyfn-examples.jar`) cold "
				+ "start vs the FC `bootstrap`", "web-polyfn", "aliyun-polyfn", 1.2, true);
		coldRatioRow(md, "Packages with their own JVM: Tencent SCF web function with the AppCDS archive its build made, "
				+ "vs the same package with `POLYFN_CDS=off`", "tencent-polyfn", "tencent-polyfn-nocds", 0.60, true);
		coldRatioRow(md, "Packages with their own JVM: Azure custom handler with the AppCDS archive its build made, vs "
				+ "the same package with `POLYFN_CDS=off`", "azure-polyfn-custom-handler",
				"azure-polyfn-custom-handler-nocds", 0.60, true);
		coldRatioRow(md, "Packages with their own JVM: the container image's app with the AOT cache its Dockerfile's training "
				+ "stage makes (JDK 25, made here with the local Temurin 25), vs the same entrypoint without it",
				"container-polyfn-aot", "container-polyfn", 0.60, true);
		azureRows(md);
		featureFootprintRow(md);
		storageRows(md);
		md.append("\n");
		providerWeightsTable(md);
	}

	/** Issue 17: what each cloud's storage and messaging modules add to that cloud's package. */
	private void providerWeightsTable(StringBuilder md) {
		List<ProviderWeights.Weight> weights = ProviderWeights.read(repo);
		if (weights.isEmpty()) {
			return;
		}
		md.append("What the storage and messaging modules add to each cloud's examples package: the package as built against ")
				.append("the same examples built with `-Dpolyfn.examples.storage.scope=provided -Dpolyfn.examples.messaging.scope=provided` ")
				.append("(which leaves the functions that use them out). A project whose functions use neither carries none of them.\n\n");
		md.append("| cloud | provider modules in the package | artifact with | without | added |\n|---|---|---:|---:|---:|\n");
		for (ProviderWeights.Weight w : weights) {
			md.append("| ").append(w.cloud()).append(" | ")
					.append(w.modules().isEmpty() ? "–" : String.join(", ", w.modules().stream().map(m -> "`" + m + "`").toList()))
					.append(" | ").append(w.with() == null ? "not built" : megabytes(w.with()))
					.append(" | ").append(w.without() == null ? "not built" : megabytes(w.without()))
					.append(" | ").append(w.added().map(Report::megabytes).orElse("–")).append(" |\n");
		}
		md.append("\n");
	}

	/**
	 * Issue 15's last line: the web app, FC and SCF packages against the same packages of the commit before the
	 * HTTP front (the {@code --before} checkout), both measured in this run: cold start, throughput and p99, each
	 * within 10% of before. The ratios to the spring-cloud-function-web baseline are shown for both too.
	 */
	private void beforeSection(StringBuilder md) {
		if (Targets.BEFORE_ROWS.values().stream().noneMatch(id -> target(id).isPresent())) {
			return;
		}
		md.append("## Before and after the HTTP front (issue 15)\n\n");
		md.append("Each package against the same package built from the `--before` checkout, measured in this run on ")
				.append("this machine (what the labels name). Required: cold start and p99 at most 1.10× before, ")
				.append("throughput at least 0.90× before.\n\n");
		md.append("| package | cold start now vs before | vs SCF web, now / before | throughput now vs before ")
				.append("| vs SCF web, now / before | p99 now vs before | verdict |\n|---|---|---|---|---|---|---|\n");
		for (Map.Entry<String, String> pair : new java.util.TreeMap<>(Targets.BEFORE_ROWS).entrySet()) {
			String now = pair.getKey();
			String then = pair.getValue();
			Optional<Double> coldRatio = coldMedian(now).flatMap(a -> coldMedian(then).map(b -> a / b));
			Optional<Double> rpsRatio = rps(now).flatMap(a -> rps(then).map(b -> a / b));
			Optional<Double> p99Ratio = p99(now).flatMap(a -> p99(then).map(b -> a / b));
			md.append("| ").append(target(now).map(Target::label).orElse(now)).append(" | ")
					.append(coldRatio.map(r -> times(r) + " (" + millis(coldMedian(now).get()) + " vs "
							+ millis(coldMedian(then).get()) + ")").orElse("–")).append(" | ")
					.append(versus(coldMedian(now), coldMedian("web-scf"))).append(" / ")
					.append(versus(coldMedian(then), coldMedian("web-scf"))).append(" | ")
					.append(rpsRatio.map(r -> times(r) + " (" + whole(rps(now).get()) + " vs " + whole(rps(then).get())
							+ " req/s)").orElse("–")).append(" | ")
					.append(versus(rps(now), rps("web-scf"))).append(" / ").append(versus(rps(then), rps("web-scf")))
					.append(" | ").append(p99Ratio.map(r -> times(r) + " (" + latency(p99(now).get()) + " vs "
							+ latency(p99(then).get()) + ")").orElse("–")).append(" | ");
			if (coldRatio.isEmpty() || rpsRatio.isEmpty() || p99Ratio.isEmpty()) {
				md.append("**not measured**: ").append(String.join("; ", List.of(reason(now), reason(then)).stream()
						.filter(r -> !r.isEmpty()).toList())).append(" |\n");
				continue;
			}
			List<String> misses = new ArrayList<>();
			if (coldRatio.get() > 1.10) {
				misses.add("cold " + times(coldRatio.get()));
			}
			if (rpsRatio.get() < 0.90) {
				misses.add("throughput " + times(rpsRatio.get()));
			}
			if (p99Ratio.get() > 1.10) {
				misses.add("p99 " + times(p99Ratio.get()));
			}
			md.append(misses.isEmpty()
					? "met: none more than 10% worse"
					: "**missed**: more than 10% worse: " + String.join(", ", misses)).append(" |\n");
		}
		md.append("\n");
	}

	private static String versus(Optional<Double> value, Optional<Double> baseline) {
		return value.flatMap(v -> baseline.map(b -> times(v / b))).orElse("–");
	}

	private Optional<Double> p99(String id) {
		return loads.stream().filter(l -> l.targetId().equals(id) && l.result() != null && l.result().errors() == 0)
				.map(l -> l.result().p99Millis()).findFirst();
	}

	/** The harness-made AppCDS rows against their packages: "0.54× Alibaba FC, 0.55× Tencent SCF". */
	/**
	 * Issue 20's Azure line: the Java-worker package beside a plain Azure Java function, both loaded and invoked as
	 * the worker does it (cold start, and per-invocation p50 over the warm calls), and the custom handler's start.
	 * "Measured" is the whole requirement: the issue sets no ratio.
	 */
	private void azureRows(StringBuilder md) {
		Optional<Double> mine = coldMedian("azure-polyfn-worker");
		Optional<Double> plain = coldMedian("azure-plain-worker");
		row(md, "Azure Java worker: cold start (the worker's JVM flags; the function loaded and invoked as the worker "
				+ "does), vs a plain Azure Java function measured the same way", "measured",
				mine.flatMap(m -> plain.map(p -> times(m / p) + " (" + millis(m) + " vs " + millis(p) + ")")),
				mine.isPresent() && plain.isPresent() ? Optional.of("measured")
						: Optional.of(notMeasured("azure-polyfn-worker", "azure-plain-worker")));
		Optional<Double> mineCall = azureP50("azure-polyfn-worker");
		Optional<Double> plainCall = azureP50("azure-plain-worker");
		row(md, "Azure Java worker: per-invocation cost (p50 over " + whole(BenchMain.AZURE_WARM_CALLS) + " warm calls "
				+ "in the same JVM), vs the plain Azure Java function", "measured",
				mineCall.flatMap(m -> plainCall.map(p -> times(m / p) + " (" + micros(m) + " vs " + micros(p) + ")")),
				mineCall.isPresent() && plainCall.isPresent() ? Optional.of("measured")
						: Optional.of("**not measured**: " + azureWarmFailure()));
		Optional<Double> handler = coldMedian("azure-polyfn-custom-handler");
		row(md, "Azure custom handler: cold start (host.json's command → first forwarded answer)", "measured",
				handler.map(Report::millis), handler.isPresent() ? Optional.of("measured")
						: Optional.of(notMeasured("azure-polyfn-custom-handler", "azure-polyfn-custom-handler")));
	}

	/**
	 * What storage and messaging cost the packages' {@code reverse}, which uses neither: their share of the classes
	 * its cold start loads (the class-load profile; a class that does not load costs no start-up time) and of the
	 * artifact's bytes. A share is the cost against the same build without those features.
	 */
	private void featureFootprintRow(StringBuilder md) {
		List<String> parts = new ArrayList<>();
		double worst = -1;
		Map<String, String> packages = new java.util.LinkedHashMap<>();
		packages.put("aws-polyfn-http", "AWS");
		packages.put("gcp-polyfn", "GCP");
		packages.put("web-polyfn", "web app");
		packages.put("azure-polyfn-worker", "Azure (Java worker)");
		for (String id : packages.keySet()) {
			ClassLoadProfile.Profile p = profiles.get(id);
			Optional<Target> t = target(id);
			if (p == null || t.isEmpty() || t.get().artifact() == null) {
				continue;
			}
			int loaded = p.groups().stream().filter(g -> g.name().equals(FeatureFootprint.GROUP))
					.mapToInt(ClassLoadProfile.Group::classes).sum();
			long bytes;
			try {
				bytes = FeatureFootprint.bytesIn(t.get().artifact());
			}
			catch (IOException e) {
				continue;
			}
			long total = size(id).orElse(0L);
			double classShare = (double) loaded / p.classes();
			double byteShare = total == 0 ? 0 : (double) bytes / total;
			worst = Math.max(worst, Math.max(classShare, byteShare));
			parts.add(packages.get(id) + ": " + loaded + " of " + whole(p.classes()) + " classes loaded ("
					+ percent(classShare) + "), " + kilobytes(bytes) + " of " + megabytes(total) + " (" + percent(byteShare) + ")");
		}
		row(md, "Functions without storage or messaging (`reverse`): the features' share of the classes its cold start "
				+ "loads and of the artifact", "within 5%", parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts)),
				worst < 0 ? Optional.of("**not measured**: no class-load profile of a polyfn package in this run")
						: Optional.of(verdict(worst * 100, 5.0, true, "%")));
	}

	/**
	 * Issues 17 and 18: what polyfn-storage-s3 and polyfn-messaging-aws (the AWS SDK's S3, SQS and SNS clients) cost the
	 * package that carries them, against the same examples built without them, and the cold start of the function
	 * that uses storage.
	 */
	private void storageRows(StringBuilder md) {
		Optional<Long> with = size("aws-polyfn");
		Optional<Long> without = size("aws-polyfn-nostorage-http");
		row(md, "AWS package of a project whose functions use no storage or messaging (the examples built without "
				+ "polyfn-storage-s3 and polyfn-messaging-aws) vs the examples' package with them: artifact",
				"within 5% of the package without them",
				with.flatMap(w -> without.map(wo -> megabytes(wo) + " without, " + megabytes(w) + " with ("
						+ times((double) w / wo) + ")")),
				without.map(wo -> "met for a project without storage or messaging: it carries none of the modules (" + megabytes(wo)
						+ "); a function packaged beside ones that use them carries them"
						+ with.map(w -> ", " + verdict(100.0 * w / wo - 100, 5.0, true, "%") + " larger").orElse("")));
		String paired = cold.containsKey("aws-polyfn-http" + BenchMain.PAIRED) ? BenchMain.PAIRED : "";
		coldRatioRow(md, "AWS cold start of `reverse` (HTTP API v2) in the examples' package with polyfn-storage-s3 and "
				+ "polyfn-messaging-aws vs the same examples built without them" + (paired.isEmpty() ? ""
						: " (" + BenchMain.PAIRED_RUNS + " starts of each, alternating)"), "aws-polyfn-http" + paired,
				"aws-polyfn-nostorage-http" + paired, 1.05, true);
		storageRow(md, "A function that uses storage: `storeThumbnail` cold start (S3 event → GET the 1600×900 PNG, PUT its "
				+ "thumbnail, on moto_server), vs `reverse` (HTTP API v2) in the same package", "aws-polyfn-storage",
				"aws-polyfn-http");
		storageRow(md, "A function that uses storage on GCP: `storeThumbnail` cold start (Cloud Storage finalized CloudEvent"
				+ " → GET the 1600×900 PNG, insert its thumbnail, on the JSON API test server), vs `reverse` (HTTP) in the"
				+ " same package", "gcp-polyfn-storage", "gcp-polyfn");
		storageRow(md, "A function that uses storage on Azure: `storeThumbnail` cold start (blob trigger invocation →"
				+ " download the 1600×900 PNG, upload its thumbnail, on Azurite), vs `reverse` (HTTP trigger) in the same"
				+ " package, both through the Java worker", "azure-polyfn-worker-storage", "azure-polyfn-worker");
	}

	/** A storage row: reported, not judged, beside the same package's {@code reverse}. */
	private void storageRow(StringBuilder md, String what, String id, String reverseId) {
		Optional<Double> storage = coldMedian(id);
		row(md, what, "reported", storage.map(v -> millis(v) + coldMedian(reverseId).map(b -> " (" + times(v / b)
				+ " `reverse`'s " + millis(b) + ")").orElse("")),
				Optional.of(storage.isPresent() ? "reported" : "**not measured**: see the row's log"));
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.2f%%", share * 100);
	}

	private static String kilobytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
	}

	private Optional<Double> azureP50(String id) {
		WarmCalls w = azureWarm.get(id);
		return w == null || w.failure() != null || w.windows().isEmpty() ? Optional.empty()
				: Optional.of(w.windows().get(0).p50Micros());
	}

	private String azureWarmFailure() {
		List<String> why = new ArrayList<>();
		azureWarm.forEach((id, w) -> {
			if (w.failure() != null) {
				why.add(id + ": " + w.failure());
			}
		});
		return why.isEmpty() ? "a Java-worker row was not measured" : String.join("; ", why);
	}

	private void jmhRatioRow(StringBuilder md, String what, String id, String baseline, String event, double limit) {
		Optional<Jmh.Case> mine = jmhCase(id, event).filter(c -> !Double.isNaN(c.p50Micros()));
		Optional<Jmh.Case> base = jmhCase(baseline, event).filter(c -> !Double.isNaN(c.p50Micros()));
		Optional<Double> ratio = mine.flatMap(m -> base.map(b -> m.p50Micros() / b.p50Micros()));
		row(md, what, "≤ " + times(limit),
				ratio.map(r -> times(r) + " (" + micros(mine.get().p50Micros()) + " vs " + micros(base.get().p50Micros()) + ")"),
				ratio.map(r -> verdict(r, limit, true, "×")));
	}

	private void targetsSection(StringBuilder md) {
		md.append("## The targets of issue 9\n\n");
		md.append("| target | required | measured | verdict |\n|---|---|---|---|\n");
		coldRatioRow(md, "AWS cold start vs Spring Cloud Function AWS adapter", "aws-polyfn", "aws-scf", 0.30, true);
		coldRatioRow(md, "AWS cold start vs plain handler + Jackson", "aws-polyfn", "aws-jackson", 2.0, true);
		Optional<Jmh.Case> http = jmhCase("aws-polyfn", "apigw-http-v2");
		row(md, "AWS in-process cost per HTTP API v2 invocation (p50)", "≤ 5 µs",
				http.filter(c -> !Double.isNaN(c.p50Micros())).map(c -> micros(c.p50Micros())),
				http.filter(c -> !Double.isNaN(c.p50Micros())).map(c -> verdict(c.p50Micros(), 5.0, true, " µs")));
		Optional<Long> awsSize = size("aws-polyfn");
		row(md, "AWS artifact size", "≤ 15 MB", awsSize.map(Report::megabytes),
				awsSize.map(s -> verdict(s / 1_048_576.0, 15.0, true, " MB")));
		coldRatioRow(md, "GCP cold start vs Spring Cloud Function GCP adapter", "gcp-polyfn", "gcp-scf", 0.35, true);
		throughputRow(md, "GCP throughput vs plain HttpFunction", "gcp-polyfn", "gcp-plain", 0.9);
		for (String id : List.of("web-polyfn", "aliyun-polyfn", "tencent-polyfn")) {
			String name = switch (id) {
				case "web-polyfn" -> "Web app";
				case "aliyun-polyfn" -> "Alibaba FC custom runtime";
				default -> "Tencent SCF web function";
			};
			coldRatioRow(md, name + " cold start vs spring-cloud-function-web app", id, "web-scf", 0.4, true);
			throughputRow(md, name + " throughput vs spring-cloud-function-web app", id, "web-scf", 2.0);
		}
		md.append("\n");
	}

	private void coldRatioRow(StringBuilder md, String what, String id, String baseline, double limit, boolean atMost) {
		Optional<Double> ratio = coldMedian(id).flatMap(v -> coldMedian(baseline).map(b -> v / b));
		row(md, what, (atMost ? "≤ " : "≥ ") + times(limit),
				ratio.map(r -> times(r) + " (" + millis(coldMedian(id).get()) + " vs " + millis(coldMedian(baseline).get())
						+ ")"),
				ratio.map(r -> verdict(r, limit, atMost, "×")).or(() -> Optional.of(notMeasured(id, baseline))));
	}

	private void throughputRow(StringBuilder md, String what, String id, String baseline, double limit) {
		Optional<Double> ratio = rps(id).flatMap(v -> rps(baseline).map(b -> v / b));
		row(md, what, "≥ " + times(limit),
				ratio.map(r -> times(r) + " (" + whole(rps(id).get()) + " vs " + whole(rps(baseline).get()) + " req/s)"),
				ratio.map(r -> verdict(r, limit, false, "×")).or(() -> Optional.of(notMeasured(id, baseline))));
	}

	private String notMeasured(String id, String baseline) {
		return "**not measured**: " + String.join("; ", List.of(reason(id), reason(baseline)).stream()
				.filter(s -> !s.isEmpty()).toList());
	}

	private String reason(String id) {
		Optional<Target> target = target(id);
		if (target.isEmpty()) {
			return id + " not in this run";
		}
		if (!target.get().measurable()) {
			return id + " " + target.get().missing();
		}
		BenchMain.Cold c = cold.get(id);
		if (c != null && c.failure() != null) {
			return id + " failed: " + c.failure();
		}
		return "";
	}

	private static void row(StringBuilder md, String what, String required, Optional<String> measured,
			Optional<String> verdict) {
		md.append("| ").append(what).append(" | ").append(required).append(" | ").append(measured.orElse("–"))
				.append(" | ").append(verdict.orElse("**not measured**")).append(" |\n");
	}

	/** "met (35% margin)" or "**missed**: is 0.65×, needs ≤ 0.30× (2.2× the limit)": by how much, against the limit. */
	private static String verdict(double value, double limit, boolean atMost, String unit) {
		boolean met = atMost ? value <= limit : value >= limit;
		if (met) {
			double margin = atMost ? (limit - value) / limit : (value - limit) / limit;
			return String.format(Locale.ROOT, "met (%.0f%% margin)", margin * 100);
		}
		String needs = "is " + number(value) + unit + ", needs " + (atMost ? "≤ " : "≥ ") + number(limit) + unit;
		return "**missed**: " + needs + (atMost ? value / limit >= 1.5 ? String.format(Locale.ROOT, " (%.1f× the limit)",
				value / limit) : String.format(Locale.ROOT, " (%.0f%% over the limit)", (value / limit - 1) * 100)
				: String.format(Locale.ROOT, " (%.0f%% short)", (limit - value) / limit * 100));
	}

	// ---- cold start

	private void coldSection(StringBuilder md) {
		md.append("## Cold start (fresh JVM → first correct response)\n\n");
		md.append("| runtime | what | median | min–max | ratio to baselines | peak RSS | classes loaded | artifact |\n");
		md.append("|---|---|---:|---:|---|---:|---:|---:|\n");
		for (Target t : targets) {
			if (t.onOtherJdk()) {
				continue; // in "JDK 17 and JDK 25"
			}
			BenchMain.Cold c = cold.get(t.id());
			String median = "–";
			String range = "–";
			String rss = "–";
			String ratios = "";
			if (!t.measurable()) {
				ratios = t.missing();
			}
			else if (c != null && c.failure() != null) {
				ratios = "**failed**: " + c.failure();
			}
			else if (c != null) {
				median = "**" + millis(c.startMillis().median()) + "**";
				range = whole(c.startMillis().min()) + "–" + whole(c.startMillis().max());
				rss = whole(c.peakRssMb().median()) + " MB";
				ratios = coldRatios(t);
			}
			ClassLoadProfile.Profile p = profiles.get(t.id());
			md.append("| ").append(runtimeName(t)).append(" | ").append(t.polyfn() ? "**" + t.label() + "**" : t.label())
					.append(" | ").append(median).append(" | ").append(range).append(" | ").append(ratios).append(" | ")
					.append(rss).append(" | ").append(p == null ? "–" : Integer.toString(p.classes())).append(" | ")
					.append(size(t.id()).map(Report::megabytes).orElse("–")).append(" |\n");
		}
		md.append("\nPeak RSS is VmHWM of the process tree when the first answer arrived. Artifact is the file a user ")
				.append("uploads (jar or zip).\n\n");
	}

	/** Against every baseline of the same comparison: same group, same event, same JDK. */
	private String coldRatios(Target t) {
		Optional<Double> mine = coldMedian(t.id());
		List<String> parts = new ArrayList<>();
		for (Target b : targets) {
			boolean sameJdk = b.jdk() == null ? t.jdk() == null : t.jdk() != null && b.jdk().major() == t.jdk().major();
			if (b.polyfn() || b.id().equals(t.id()) || !b.group().equals(t.group()) || b.isVariant() || !sameJdk
					|| !b.lambdaEvent().equals(t.lambdaEvent())) {
				continue;
			}
			coldMedian(b.id()).ifPresent(base -> parts.add(times(mine.get() / base) + " " + shortName(b.id())));
		}
		return String.join(", ", parts);
	}

	// ---- the JDK dimension

	private void jdkSection(StringBuilder md) {
		md.append("## JDK 17 and JDK 25\n\n");
		md.append("What each package built in this run targets, read from the descriptors it ships, and which JDK ")
				.append("measured it here:\n\n| package | targets | Java | measured here on |\n|---|---|---:|---|\n");
		for (PackageRuntimes.Runtime r : packageRuntimes.values()) {
			int harness = Jdk.current().major();
			String measuredOn = r.javaRelease() == harness ? "JDK " + harness + " (" + machine.jdk() + ")"
					: otherJdk != null && r.javaRelease() == otherJdk.major() ? "JDK " + otherJdk.major() + " ("
							+ otherJdk.description() + ")"
					: "JDK " + harness + " instead: no JDK " + r.javaRelease() + " is installed here, so its rows are "
							+ "measured on the build JDK, not the release the package targets";
			md.append("| ").append(r.cloud()).append(" | `").append(r.runtime()).append("` (").append(r.source())
					.append(") | ").append(r.javaRelease()).append(" | ").append(measuredOn).append(" |\n");
		}
		if (packageRuntimes.isEmpty()) {
			md.append("| – | no package descriptors found | – | – |\n");
		}
		md.append("\nThe bytecode is Java 17 everywhere, so one artifact runs on all of them. The same artifacts, cold-")
				.append("started on both JDKs with the same flags (Lambda's on the Lambda rows):\n\n");
		md.append("| what | event | JDK 17 median | JDK ").append(Targets.OTHER_JDK).append(" median | ")
				.append(Targets.OTHER_JDK).append(" / 17 | ratio to baselines on JDK ").append(Targets.OTHER_JDK)
				.append(" | RSS 17 | RSS ").append(Targets.OTHER_JDK).append(" |\n|---|---|---:|---:|---:|---|---:|---:|\n");
		for (Target t : targets) {
			if (!t.id().endsWith(JDK25)) {
				continue;
			}
			Optional<Double> on17 = coldMedian(t.jdkBaseId());
			Optional<Double> on25 = coldMedian(t.id());
			String why = !t.measurable() ? t.missing() : reason(t.id());
			md.append("| ").append(t.polyfn() ? "**" + t.label() + "**" : t.label()).append(" | ").append(eventName(t))
					.append(" | ").append(on17.map(Report::millis).orElse("–")).append(" | ")
					.append(on25.map(Report::millis).orElse("–")).append(" | ")
					.append(on17.flatMap(a -> on25.map(b -> times(b / a))).orElse(why.isEmpty() ? "–" : why))
					.append(" | ").append(on25.isPresent() ? coldRatios(t) : "").append(" | ")
					.append(rss(t.jdkBaseId())).append(" | ").append(rss(t.id())).append(" |\n");
		}
		md.append("\n");
	}

	private String rss(String id) {
		BenchMain.Cold c = cold.get(id);
		return c == null || c.failure() != null || c.peakRssMb() == null ? "–" : whole(c.peakRssMb().median()) + " MB";
	}

	// ---- warm calls over uptime

	private void warmSection(StringBuilder md) {
		md.append("## Warm calls over uptime (Lambda, HTTP API v2)\n\n");
		if (warm.isEmpty()) {
			md.append("Not run.\n\n");
			return;
		}
		int windows = warm.values().stream().mapToInt(w -> w.windows().size()).max().orElse(0);
		md.append("One JVM per row under the runtime interface client with Lambda's flags, invoked back to back after its ")
				.append("cold start; each call timed from the event leaving the local Runtime API to the response arriving ")
				.append("(the RIC's own HTTP round trip included, the same for every row). p50 per window of consecutive ")
				.append("calls, in call order: a rising row gets slower with uptime.\n\n");
		md.append("| what | calls |");
		WarmCalls widest = warm.values().stream().filter(w -> w.windows().size() == windows).findFirst().orElse(null);
		for (int w = 0; w < windows; w++) {
			WarmCalls.Window window = widest.windows().get(w);
			md.append(" p50, calls ").append(whole(window.firstCall())).append("–").append(whole(window.lastCall())).append(" |");
		}
		md.append(" last / first | p99, last window | wrong answers |\n|---|---:|");
		md.append("---:|".repeat(windows)).append("---:|---:|---:|\n");
		warm.forEach((id, w) -> {
			Target t = target(id).orElseThrow();
			md.append("| ").append(t.polyfn() ? "**" + t.label() + "**" : t.label()).append(" | ");
			if (w.failure() != null) {
				md.append("**failed**: ").append(w.failure()).append(" |").append(" |".repeat(windows + 3)).append("\n");
				return;
			}
			md.append(whole(w.calls())).append(" |");
			w.windows().forEach(window -> md.append(" ").append(micros(window.p50Micros())).append(" |"));
			md.append(" |".repeat(windows - w.windows().size()));
			WarmCalls.Window last = w.windows().get(w.windows().size() - 1);
			md.append(" ").append(times(w.drift())).append(" | ").append(micros(last.p99Micros())).append(" | ")
					.append(w.wrongAnswers()).append(" |\n");
		});
		List<String> rising = new ArrayList<>();
		warm.forEach((id, w) -> {
			if (w.failure() == null && w.drift() > 1.5) {
				rising.add(shortName(id) + " (" + micros(w.windows().get(0).p50Micros()) + " → "
						+ micros(w.windows().get(w.windows().size() - 1).p50Micros()) + ")");
			}
		});
		md.append("\n").append(rising.isEmpty() ? "No row's per-call p50 grew by more than 1.5× over the run."
				: "Per-call p50 grew by more than 1.5× over the run: " + String.join(", ", rising) + ".").append("\n\n");
	}

	// ---- load

	private void loadSection(StringBuilder md) {
		md.append("## Throughput and latency under loopback load\n\n");
		if (loads.isEmpty()) {
			md.append("Not run.\n\n");
			return;
		}
		md.append("| what | requests/s (median window) | the three windows | p50 | p99 | errors | ratio to baselines | peak RSS after load |\n");
		md.append("|---|---:|---|---:|---:|---:|---|---:|\n");
		for (BenchMain.Load l : loads) {
			if (l.result() == null) {
				md.append("| ").append(l.label()).append(" | – | – | – | – | – | **failed**: ").append(l.failure())
						.append(" | – |\n");
				continue;
			}
			Wrk.Result r = l.result();
			List<String> parts = new ArrayList<>();
			List<String> baselines = l.targetId().startsWith("gcp") ? List.of("gcp-plain", "gcp-scf")
					: List.of("web-scf", "web-mvc");
			for (String b : baselines) {
				if (!b.equals(l.targetId())) {
					rps(b).ifPresent(base -> parts.add(times(r.requestsPerSecond() / base) + " " + shortName(b)));
				}
			}
			boolean polyfn = l.targetId().endsWith("polyfn");
			md.append("| ").append(polyfn ? "**" + l.label() + "**" : l.label()).append(" | ")
					.append(polyfn ? "**" + whole(r.requestsPerSecond()) + "**" : whole(r.requestsPerSecond()))
					.append(" | ").append(String.join(" / ", l.windows().stream().map(Report::whole).toList()))
					.append(" | ").append(latency(r.p50Millis())).append(" | ").append(latency(r.p99Millis()))
					.append(" | ").append(r.errors()).append(" | ").append(String.join(", ", parts)).append(" | ")
					.append(whole(l.peakRssMb())).append(" MB |\n");
		}
		md.append("\nThe load generator shares the machine's CPUs with the server, the same way for every target.\n\n");
	}

	// ---- JMH

	private void jmhSection(StringBuilder md) {
		md.append("## In-process cost per invocation (JMH)\n\n");
		if (jmhNote != null) {
			md.append(jmhNote).append("\n\n");
		}
		if (jmh.isEmpty()) {
			md.append("Not run.\n\n");
			return;
		}
		md.append("The handler as shipped, loaded in its own class loader, called the way its runtime calls it; the ")
				.append("function (reverse) costs nanoseconds, so this is the adapter's mapping overhead.\n\n");
		md.append("| event | what | p50 | p99 | mean | ratio (p50) to baselines | answer |\n|---|---|---:|---:|---:|---|---|\n");
		for (Jmh.Case c : jmh) {
			List<String> parts = new ArrayList<>();
			boolean handWritten = c.targetId().endsWith("-plain") || c.targetId().endsWith("-jackson");
			for (String b : List.of("aws-jackson", "aws-plain", "aws-scf", "gcp-plain", "gcp-scf")) {
				if (handWritten || b.equals(c.targetId()) || !b.substring(0, 3).equals(c.targetId().substring(0, 3))) {
					continue;
				}
				String baseEvent = c.event();
				jmhCase(b, baseEvent).filter(x -> !Double.isNaN(x.p50Micros()) && !Double.isNaN(c.p50Micros()))
						.ifPresent(x -> parts.add(times(c.p50Micros() / x.p50Micros()) + " " + shortName(b)
								+ (baseEvent.equals(c.event()) ? "" : " (" + baseEvent + ")")));
			}
			boolean polyfn = c.targetId().endsWith("polyfn");
			String name = target(c.targetId()).map(Target::label).orElse(c.targetId());
			md.append("| ").append(c.event()).append(" | ").append(polyfn ? "**" + name + "**" : name).append(" | ")
					.append(Double.isNaN(c.p50Micros()) ? "failed" : micros(c.p50Micros())).append(" | ")
					.append(Double.isNaN(c.p99Micros()) ? "–" : micros(c.p99Micros())).append(" | ")
					.append(Double.isNaN(c.meanMicros()) ? "–" : micros(c.meanMicros())).append(" | ")
					.append(String.join(", ", parts)).append(" | `").append(shortAnswer(c.answer()).replace("|", "\\|")
							.replace("`", "'"))
					.append("` |\n");
		}
		md.append("\n");
	}

	// ---- what the profiles show for the missed targets

	private void whySection(StringBuilder md) {
		md.append("## What the profiles show\n\n");
		md.append("- **Cold start:** see the milestones under \"What each cold start loads\" below: the gaps between them ")
				.append("are where the start-up time goes (the JVM and the runtime's own start, logging, the application ")
				.append("context, bean creation, the function lookup and the first call); the class counts per library say ")
				.append("what each target loads to get there, which on a JVM is most of the cost.\n");
		for (BenchMain.Load diagnostic : loads) {
			if (!diagnostic.targetId().endsWith("-nodelay") || diagnostic.result() == null) {
				continue;
			}
			String baseId = diagnostic.targetId().substring(0, diagnostic.targetId().length() - "-nodelay".length());
			loads.stream().filter(l -> l.targetId().equals(baseId) && l.result() != null).findFirst().ifPresent(base -> {
				md.append("- **Throughput of ").append(target(baseId).map(Target::label).orElse(baseId)).append(":** p50 ")
						.append(latency(base.result().p50Millis()))
						.append(" is Linux's delayed-ACK timer (40 ms): the JDK HTTP server (`com.sun.net.httpserver`) leaves ")
						.append("TCP_NODELAY off unless `sun.net.httpserver.nodelay=true`. The same artifact with that property: ")
						.append(whole(diagnostic.result().requestsPerSecond())).append(" req/s, p50 ")
						.append(latency(diagnostic.result().p50Millis()));
				rps("web-scf").ifPresent(b -> md.append(" (").append(times(diagnostic.result().requestsPerSecond() / b))
						.append(" SCF web)"));
				md.append(".\n");
			});
		}
		jmhCase("aws-polyfn", "apigw-http-v2").ifPresent(polyfn -> jmhCase("aws-jackson", "apigw-http-v2").ifPresent(
				jackson -> md.append("- **Per-call cost, HTTP API v2:** polyfn's p50 is ").append(micros(polyfn.p50Micros()))
					.append(", ").append(times(polyfn.p50Micros() / jackson.p50Micros()))
					.append(" the hand-written Jackson handler's ").append(micros(jackson.p50Micros()))
					.append(" in the same run (it reads the event into a tree and writes a fixed response). polyfn reads ")
					.append("only the fields it needs in one pass over the event, skipping the rest, and writes the response ")
					.append("straight to bytes; on top come the portable request and response and the pipeline (function ")
					.append("resolution, input conversion, the error contract). The profile below shows where the time goes: ")
					.append("most of it in jackson-core's tokenizer reading the 1 KB event.\n")));
		loads.stream().filter(l -> l.targetId().equals("gcp-polyfn") && l.result() != null).findFirst().ifPresent(polyfn ->
				loads.stream().filter(l -> l.targetId().equals("gcp-plain") && l.result() != null).findFirst().ifPresent(plain -> {
					md.append("- **GCP throughput:** ").append(whole(polyfn.result().requestsPerSecond())).append(" vs ")
						.append(whole(plain.result().requestsPerSecond())).append(" req/s (windows ")
						.append(String.join(" / ", polyfn.windows().stream().map(Report::whole).toList())).append(" vs ")
						.append(String.join(" / ", plain.windows().stream().map(Report::whole).toList()))
						.append("). Both run in the same Functions Framework (Jetty), whose request handling is most of the ")
						.append("cost of a call; polyfn adds the portable request and response and the pipeline");
					jmhCase("gcp-polyfn", "http-text").ifPresent(c -> jmhCase("gcp-plain", "http-text").ifPresent(p ->
							md.append(", ").append(micros(c.p50Micros() - p.p50Micros()))
								.append(" a call in process (JMH, above)")));
					md.append(". wrk shares the two cores with the server, so window-to-window spread is a few percent.\n");
				}));
		if (jmhProfile != null) {
			md.append("- **Per-call cost (polyfn, API Gateway HTTP API v2):** JMH's stack sampler, hottest frames of the ")
					.append("benchmark thread (`-prof stack`, average-time mode):\n\n<details><summary>stack profile</summary>\n\n```\n")
					.append(jmhProfile).append("\n```\n\n</details>\n");
		}
		md.append("\n");
	}

	// ---- class loading

	private void profileSection(StringBuilder md) {
		md.append("## What each cold start loads\n\n");
		md.append("One extra run per target with `-Xlog:class+load` (not part of the timings). Classes loaded is the ")
				.append("best single proxy for start-up work; \"from CDS\" came from the JDK's shared archive.\n\n");
		md.append("| what | classes | from CDS | generated (lambdas, proxies) | last class loaded at | top libraries (classes) |\n");
		md.append("|---|---:|---:|---:|---:|---|\n");
		for (Target t : targets) {
			ClassLoadProfile.Profile p = profiles.get(t.id());
			if (p == null) {
				continue;
			}
			List<String> top = p.groups().stream().limit(6).map(g -> g.name() + " " + g.classes()).toList();
			md.append("| ").append(t.label()).append(" | ").append(p.classes()).append(" | ").append(p.fromSharedArchive())
					.append(" | ").append(p.generated()).append(" | ")
					.append(String.format(Locale.ROOT, "%.2f s", p.lastLoadSeconds())).append(" | ")
					.append(String.join(", ", top)).append(" |\n");
		}
		for (Target t : targets) {
			ClassLoadProfile.Profile p = profiles.get(t.id());
			if (p == null || !t.polyfn() || t.isVariant()) {
				continue;
			}
			md.append("\n<details><summary>").append(t.label()).append(": start-up milestones and classes per library ")
					.append("(JVM uptime in the profiled run, which is slower than the timed ones)</summary>\n\n");
			md.append("| milestone (first class of the phase loaded) | at |\n|---|---:|\n");
			p.milestones().forEach((name, at) -> md.append("| ").append(name).append(" | ")
					.append(String.format(Locale.ROOT, "%.3f s", at)).append(" |\n"));
			md.append("| last class loaded (first answer is just after) | ")
					.append(String.format(Locale.ROOT, "%.3f s", p.lastLoadSeconds())).append(" |\n\n");
			md.append("| library | classes | first | last |\n|---|---:|---:|---:|\n");
			for (ClassLoadProfile.Group g : p.groups()) {
				md.append("| ").append(g.name()).append(" | ").append(g.classes()).append(" | ")
						.append(String.format(Locale.ROOT, "%.3f s", g.firstSeconds())).append(" | ")
						.append(String.format(Locale.ROOT, "%.3f s", g.lastSeconds())).append(" |\n");
			}
			md.append("\n</details>\n");
		}
		md.append("\n");
	}

	private void missingSection(StringBuilder md) {
		List<String> lines = new ArrayList<>();
		for (Target t : targets) {
			if (!t.measurable()) {
				lines.add("- `" + t.id() + "`: " + t.missing());
			}
			else if (cold.get(t.id()) != null && cold.get(t.id()).failure() != null) {
				lines.add("- `" + t.id() + "`: failed: " + cold.get(t.id()).failure()
						+ " (logs under benchmarks/target/logs/)");
			}
		}
		if (!lines.isEmpty()) {
			md.append("## Not measured in this run\n\n").append(String.join("\n", lines)).append("\n");
		}
	}

	// ---- lookups and formatting

	private Optional<Target> target(String id) {
		return targets.stream().filter(t -> t.id().equals(id)).findFirst();
	}

	private Optional<Double> coldMedian(String id) {
		BenchMain.Cold c = cold.get(id);
		return c == null || c.failure() != null || c.startMillis() == null ? Optional.empty()
				: Optional.of(c.startMillis().median());
	}

	private Optional<Double> rps(String id) {
		return loads.stream().filter(l -> l.targetId().equals(id) && l.result() != null && l.result().errors() == 0)
				.map(l -> l.result().requestsPerSecond()).findFirst();
	}

	private Optional<Jmh.Case> jmhCase(String id, String event) {
		return jmh.stream().filter(c -> c.targetId().equals(id) && c.event().equals(event)).findFirst();
	}

	private Optional<Long> size(String id) {
		return target(id).filter(t -> t.artifact() != null).map(t -> {
			try {
				return FeatureFootprint.artifactSize(t.artifact());
			}
			catch (IOException e) {
				return null;
			}
		});
	}

	private static String shortAnswer(String answer) {
		String oneLine = answer.replaceAll("\\s+", " ");
		return oneLine.length() > 110 ? oneLine.substring(0, 110) + "…" : oneLine;
	}

	private static String eventName(Target t) {
		return t.kind() == Target.Kind.AZURE_WORKER ? "Azure HTTP trigger, text body"
				: t.kind() != Target.Kind.LAMBDA ? "HTTP POST" : t.httpApiEvent() ? "HTTP API v2" : "direct";
	}

	private static String runtimeName(Target t) {
		return switch (t.kind()) {
			case LAMBDA -> "Lambda RIC 2.9.0, " + eventName(t);
			case GCF_INVOKER -> "Functions Framework invoker 2.0.0";
			case WEB_JAR -> "java -jar";
			case START_SCRIPT -> t.entry();
			case AZURE_WORKER -> "Azure Java worker (as polyfn:invoke calls it)";
		};
	}

	private static String shortName(String id) {
		String base = id.endsWith(JDK25) ? id.substring(0, id.length() - JDK25.length()) : id;
		return switch (base) {
			case "aws-scf" -> "SCF";
			case "aws-jackson", "aws-jackson-http" -> "Jackson handler";
			case "aws-quarkus" -> "Quarkus";
			case "aws-micronaut" -> "Micronaut handler";
			case "aws-micronaut-proxy" -> "Micronaut API Gateway proxy";
			case "aws-polyfn", "aws-polyfn-http" -> "polyfn";
			case "aws-plain" -> "plain handler";
			case "gcp-scf" -> "SCF GCP";
			case "gcp-micronaut" -> "Micronaut GCP";
			case "gcp-plain" -> "plain HttpFunction";
			case "web-scf" -> "SCF web";
			case "web-mvc" -> "plain MVC";
			case "azure-plain-worker" -> "plain Azure function";
			default -> id;
		};
	}

	private static String megabytes(long bytes) {
		return bytes < 1_048_576 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0)
				: String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
	}

	private static String millis(double ms) {
		return String.format(Locale.ROOT, "%,.0f ms", ms);
	}

	private static String whole(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	private static String micros(double us) {
		return String.format(Locale.ROOT, us < 10 ? "%.2f µs" : "%,.1f µs", us);
	}

	private static String latency(double ms) {
		return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, ms < 1 ? "%.0f µs" : "%.2f ms", ms < 1 ? ms * 1000 : ms);
	}

	private static String times(double ratio) {
		return String.format(Locale.ROOT, "%.2f×", ratio);
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}
}
