package dev.polyfn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.polyfn.bench.Target.Kind;

import dev.polyfn.local.CodeFolders;

/**
 * The table of everything measured: the baselines benchmarks/run.sh built under benchmarks/baselines, and the
 * polyfn packages it built under examples/target/bench-&lt;cloud&gt;. A polyfn package that is not there yet
 * becomes a "not built" row instead of stopping the run.
 */
final class Targets {

	/** polyfn's entry classes (env POLYFN_AWS_HANDLER / POLYFN_GCP_TARGET override them). */
	static final String POLYFN_AWS_HANDLER = "dev.polyfn.aws.LambdaHandler::handleRequest";
	static final String POLYFN_GCP_HTTP_FUNCTION = "dev.polyfn.gcp.GcpHttpFunction";
	static final String POLYFN_GCP_EVENT_FUNCTION = "dev.polyfn.gcp.GcpCloudEventsFunction";
	/** JMH: the per-trigger handlers DEPLOY.md tells users to pick, per event. */
	static final Map<String, String> POLYFN_ENTRY_PER_EVENT = Map.of(
			"aws-polyfn.entry.apigw-http-v2", "dev.polyfn.aws.ApiGatewayHttpHandler::handleRequest",
			"aws-polyfn.entry.sqs-batch", "dev.polyfn.aws.SqsHandler::handleRequest",
			"gcp-polyfn.entry.pubsub-cloudevent", POLYFN_GCP_EVENT_FUNCTION);

	static final Map<String, String> REVERSE = Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "reverse");

	/** The handler DEPLOY.md and template.yaml give an HTTP API function of polyfn's package. */
	static final String POLYFN_HTTP_API_HANDLER = "dev.polyfn.aws.ApiGatewayHttpHandler::handleRequest";

	/** The second JDK of the JDK-dimension rows: what Lambda's java25 runtime and Cloud Run's java25 image run. */
	static final int OTHER_JDK = 25;

	/**
	 * The rows measured again on JDK 25: the AWS and GCP rows (cold start and RSS; no load, no class profile). The
	 * web and custom-runtime rows stay on 17: FC's layer is Java 21 (not installed here) and SCF brings its own.
	 */
	static final List<String> OTHER_JDK_ROWS = List.of("aws-plain", "aws-jackson", "aws-polyfn", "aws-jackson-http",
			"aws-polyfn-http", "aws-quarkus", "aws-micronaut", "aws-micronaut-proxy", "aws-scf", "gcp-plain",
			"gcp-polyfn", "gcp-micronaut", "gcp-scf");

	private final Path repo;
	private final Path bench;
	private final Path workDir;
	private final Jdk otherJdk;
	private final Path before;

	/** {@code otherJdk}: the installed JDK 25, or null (its rows are then reported as not measured). */
	Targets(Path repo, Path workDir, Jdk otherJdk) {
		this(repo, workDir, otherJdk, null);
	}

	/**
	 * {@code before}: another checkout whose examples packages {@code benchmarks/run.sh} built (BENCH_BEFORE, an earlier
	 * commit); its web app and custom-runtime packages become "-before" rows measured in the same run, so a change
	 * to polyfn's HTTP server is judged against the code it replaced on the same machine at the same time.
	 */
	Targets(Path repo, Path workDir, Jdk otherJdk, Path before) {
		this.repo = repo;
		this.bench = repo.resolve("benchmarks");
		this.workDir = workDir;
		this.otherJdk = otherJdk;
		this.before = before;
	}

	/** The rows the {@code --before} checkout adds, by the id of the row each is compared with. */
	static final Map<String, String> BEFORE_ROWS = Map.of("web-polyfn", "web-polyfn-before", "aliyun-polyfn",
			"aliyun-polyfn-before", "tencent-polyfn-nocds", "tencent-polyfn-before");

	List<Target> all() throws IOException {
		List<Target> targets = new ArrayList<>();
		// AWS Lambda, under the runtime interface client
		targets.add(baseline("aws-plain", "plain RequestStreamHandler, no JSON library", "aws", Kind.LAMBDA,
				baselineFile("lambda-plain", "lambda-plain.jar"), "bench.plain.PlainReverseHandler::handleRequest",
				Map.of(), null));
		Target jackson = baseline("aws-jackson", "plain RequestStreamHandler + Jackson 2", "aws", Kind.LAMBDA,
				baselineFile("lambda-jackson", "lambda-jackson.jar"), "bench.jackson.JacksonReverseHandler::handleRequest",
				Map.of(), null);
		targets.add(jackson);
		targets.add(baseline("aws-scf", "Spring Cloud Function 5.0.1 AWS adapter (FunctionInvoker, shaded)", "aws",
				Kind.LAMBDA, baselineFile("lambda-scf", "lambda-scf.jar"),
				"org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest",
				Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "reverse", "MAIN_CLASS", "bench.scf.aws.ScfAwsApplication"),
				null));
		Target polyfnAws = polyfnAws();
		targets.add(polyfnAws);
		// the issue-20 comparison: the same HTTP API v2 event for every AWS row, answered with the same proxy
		// response (status 200, body reversed); the peers are typed for that event as their guides write them
		targets.add(jackson.answering(Target.HTTP_API_EVENT, "-http", " (HTTP API v2 event)", null));
		targets.add(polyfnAws.answering(Target.HTTP_API_EVENT, "-http", " (HTTP API v2 event, "
				+ "ApiGatewayHttpHandler)", override("POLYFN_AWS_HTTP_HANDLER").orElse(POLYFN_HTTP_API_HANDLER)));
		// issue 17: the same examples built without polyfn-storage-s3 (-Dpolyfn.examples.storage.scope=provided), and
		// storeThumbnail, the function that uses storage, on an S3 event with its bucket on moto's S3 server
		targets.add(polyfnAwsWithoutStorage());
		targets.add(polyfnAwsStorage(polyfnAws));
		targets.add(httpApiBaseline("aws-quarkus", "Quarkus 3.33.2 JVM, quarkus-amazon-lambda (RequestHandler)",
				baselineFile("lambda-quarkus", "function.zip"),
				"io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"));
		targets.add(httpApiBaseline("aws-micronaut", "Micronaut 4.10.8, MicronautRequestHandler",
				baselineFile("lambda-micronaut", "lambda-micronaut.jar"), "bench.micronaut.ReverseHandler"));
		targets.add(httpApiBaseline("aws-micronaut-proxy", "Micronaut 4.10.8, API Gateway v2 proxy (@Controller)",
				baselineFile("lambda-micronaut-proxy", "lambda-micronaut-proxy.jar"),
				"io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction"));
		// Google Cloud Functions, under the Functions Framework invoker
		targets.add(baseline("gcp-plain", "plain HttpFunction", "gcp", Kind.GCF_INVOKER,
				baselineFile("gcp-plain", "gcp-plain.jar"), "bench.gcp.PlainReverseFunction", Map.of(), "/"));
		targets.add(baseline("gcp-scf", "Spring Cloud Function 4.3.0 GCP adapter (Boot 3.5)", "gcp",
				Kind.GCF_INVOKER, baselineFile("gcp-scf", "deploy/gcp-scf.jar"),
				"org.springframework.cloud.function.adapter.gcp.GcfJarLauncher", REVERSE, "/"));
		Target polyfnGcp = polyfnGcp();
		targets.add(polyfnGcp);
		// storeThumbnail on GCP: Cloud Storage's finalized CloudEvent, its bucket on the JSON API test server
		targets.add(polyfnGcpStorage(polyfnGcp));
		// the peer that resolves for GCP (quarkus-google-cloud-functions 3.33.2 does not: its parent POM is missing)
		targets.add(baseline("gcp-micronaut", "Micronaut 4.10.8, micronaut-gcp-function-http (@Controller)", "gcp",
				Kind.GCF_INVOKER, baselineFile("gcp-micronaut", "gcp-micronaut.jar"),
				"io.micronaut.gcp.function.http.HttpFunction", Map.of(), "/"));
		// web apps and the custom runtimes, compared with the spring-cloud-function-web app
		targets.add(baseline("web-scf", "Boot 4.0.2 web app + spring-cloud-function-web", "web", Kind.WEB_JAR,
				baselineFile("web-scf", "web-scf.jar"), null, Map.of(), "/reverse"));
		targets.add(polyfnWeb());
		targets.add(polyfnExecJar(repo, "web-polyfn-exec", ""));
		targets.add(polyfnScript("aliyun-polyfn", "polyfn Alibaba FC custom runtime (bootstrap)", "aliyun",
				"bootstrap", REVERSE));
		// The Tencent package brings its JRE and AppCDS archive; POLYFN_CDS=off is the same package without it.
		targets.add(polyfnScript("tencent-polyfn", "polyfn Tencent SCF web function (scf_bootstrap: bundled JRE + its"
				+ " AppCDS archive)", "tencent", "scf_bootstrap", REVERSE));
		targets.add(polyfnScript("tencent-polyfn-nocds", "polyfn Tencent SCF web function (scf_bootstrap: bundled JRE,"
				+ " POLYFN_CDS=off)", "tencent", "scf_bootstrap",
				Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "reverse", "POLYFN_CDS", "off")));
		// the container image's app with the AOT cache its Dockerfile trains, and without (issue 20)
		targets.addAll(polyfnContainer());
		// Azure: the custom-handler package (its own JRE and class-data archive; POLYFN_CDS=off without it) as the
		// host starts it, and the Java-worker package beside a plain Azure Java function, both invoked as the worker
		// invokes them
		targets.add(azureCustomHandler("azure-polyfn-custom-handler", "polyfn Azure custom handler (polyfn-handler.sh: "
				+ "bundled JRE + its AppCDS archive)", Map.of()));
		targets.add(azureCustomHandler("azure-polyfn-custom-handler-nocds", "polyfn Azure custom handler "
				+ "(polyfn-handler.sh: bundled JRE, POLYFN_CDS=off)", Map.of("POLYFN_CDS", "off")));
		targets.add(azureWorker("azure-plain-worker", "plain Azure Java function (HttpRequestMessage<Optional<String>>)",
				false, bench.resolve("baselines/azure-plain/target/staging"),
				bench.resolve("baselines/azure-plain/target/staging/azure-plain.jar")));
		Path azureStaging = polyfnDir("azure").resolve("polyfn-examples");
		targets.add(azureWorker("azure-polyfn-worker", "polyfn Azure Functions package, Java worker (HttpTriggerHandler)",
				true, azureStaging, polyfnDir("azure").resolve("polyfn-examples-azure.zip")));
		// storeThumbnail on Azure: the blob trigger's invocation, the app's storage account on Azurite
		targets.add(azureWorkerStorage(azureStaging, polyfnDir("azure").resolve("polyfn-examples-azure.zip")));
		if (before != null) {
			String commit = CheckoutCommit.of(before);
			targets.add(polyfnWeb(before, "web-polyfn-before", " at " + commit));
			targets.add(polyfnScript(before, "aliyun-polyfn-before", "polyfn Alibaba FC custom runtime (bootstrap) at "
					+ commit, "aliyun", "bootstrap", REVERSE));
			targets.add(polyfnScript(before, "tencent-polyfn-before", "polyfn Tencent SCF web function (scf_bootstrap) at "
					+ commit, "tencent", "scf_bootstrap", REVERSE));
		}
		// the JDK dimension: the same artifacts on JDK 25, with the managed runtime's flags
		String noJdk = "no JDK " + OTHER_JDK + " installed (give its home with --jdk" + OTHER_JDK + ")";
		for (String id : OTHER_JDK_ROWS) {
			targets.stream().filter(t -> t.id().equals(id)).findFirst()
					.ifPresent(t -> targets.add(t.on(OTHER_JDK, otherJdk, noJdk)));
		}
		return targets;
	}

	/**
	 * The container package's app ({@code image/app}, the image's {@code /app}) started as its ENTRYPOINT starts it,
	 * on JDK 25 (the base image's release): with the AOT cache made by {@link ContainerTraining}, and without it.
	 */
	private List<Target> polyfnContainer() throws IOException {
		String withId = "container-polyfn-aot";
		String withLabel = "polyfn container image's app (its ENTRYPOINT: java -XX:AOTCache=app.aot -jar, JDK 25)";
		String withoutId = "container-polyfn";
		String withoutLabel = "polyfn container image's app (its ENTRYPOINT without the AOT cache, JDK 25)";
		Path packageFolder = polyfnDir("container");
		ContainerTraining.Image image = Files.isRegularFile(packageFolder.resolve("Dockerfile")) ? ContainerTraining.image(packageFolder) : null;
		if (image == null) {
			return List.of(notBuilt(withId, withLabel, "web", Kind.WEB_JAR, packageFolder),
					notBuilt(withoutId, withoutLabel, "web", Kind.WEB_JAR, packageFolder));
		}
		String noJdk = otherJdk == null ? "no JDK " + OTHER_JDK + " installed (the image's JVM release)" : null;
		boolean trained = noJdk == null
				&& ContainerTraining.train(packageFolder, Files.createDirectories(workDir).resolve("container-training.log"));
		String noCache = noJdk != null ? noJdk : trained ? null : "the AOT training failed: see container-training.log";
		Target without = new Target(withoutId, withoutLabel, "web", true, Kind.WEB_JAR, image.jar(), image.jar(), null, Map.of(),
				"/reverse", noJdk, String.join(" ", image.withoutCache()), Target.DIRECT_EVENT, otherJdk);
		Target with = new Target(withId, withLabel, "web", true, Kind.WEB_JAR, image.jar(), image.jar(), null, Map.of(), "/reverse",
				noCache, String.join(" ", image.jvmOptions()), Target.DIRECT_EVENT, otherJdk);
		return List.of(with, without);
	}

	private Target httpApiBaseline(String id, String label, Path artifact, String handler) {
		return baseline(id, label, "aws", Kind.LAMBDA, artifact, handler, Map.of(), null)
				.answering(Target.HTTP_API_EVENT, "", "", null);
	}

	private Path baselineFile(String module, String file) {
		return bench.resolve("baselines").resolve(module).resolve("target").resolve(file);
	}

	private Target baseline(String id, String label, String group, Kind kind, Path jar, String entry,
			Map<String, String> env, String path) {
		String missing = Files.isRegularFile(jar) ? null : "not built: " + repo.relativize(jar);
		return new Target(id, label, group, false, kind, jar, jar, entry, env, path, missing);
	}

	private Path polyfnDir(String cloud) {
		return polyfnDir(repo, cloud);
	}

	private static Path polyfnDir(Path repo, String cloud) {
		return repo.resolve("examples/target/bench-" + cloud + "/polyfn/" + cloud);
	}

	private Target polyfnAws() throws IOException {
		String id = "aws-polyfn";
		String label = "polyfn AWS Lambda package";
		Path dir = polyfnDir("aws");
		Optional<Path> artifact = firstFile(dir, ".zip");
		if (artifact.isEmpty()) {
			artifact = firstFile(dir, ".jar");
		}
		if (artifact.isEmpty()) {
			return notBuilt(id, label, "aws", Kind.LAMBDA, dir);
		}
		// the handler that recognises any event (DEPLOY.md's choice for the console test button), so the same
		// direct invocation as the baselines' reaches the function
		String handler = override("POLYFN_AWS_HANDLER").orElse(POLYFN_AWS_HANDLER);
		return new Target(id, label, "aws", true, Kind.LAMBDA, artifact.get(), artifact.get(), handler, REVERSE,
				null, null);
	}

	private Target polyfnAwsWithoutStorage() throws IOException {
		String id = "aws-polyfn-nostorage-http";
		String label = "polyfn AWS Lambda package built without polyfn-storage-s3 and polyfn-messaging-aws (HTTP API v2 event, ApiGatewayHttpHandler)";
		Path dir = repo.resolve("examples/target/bench-aws-nostorage/polyfn/aws");
		Optional<Path> artifact = firstFile(dir, ".jar");
		if (artifact.isEmpty()) {
			return notBuilt(id, label, "aws", Kind.LAMBDA, dir);
		}
		return new Target(id, label, "aws", true, Kind.LAMBDA, artifact.get(), artifact.get(), POLYFN_HTTP_API_HANDLER,
				REVERSE, null, null, null, Target.HTTP_API_EVENT, null);
	}

	private Target polyfnAwsStorage(Target polyfnAws) {
		String id = "aws-polyfn-storage";
		String label = "polyfn AWS Lambda package, storeThumbnail (S3 event; S3Handler; GET and PUT on moto_server)";
		if (polyfnAws.missing() != null) {
			return notBuilt(id, label, "aws", Kind.LAMBDA, polyfnDir("aws"));
		}
		S3ForBench s3 = S3ForBench.start(workDir);
		String missing = s3 == null ? "no S3 server: moto_server and boto3 are needed (see stderr)" : null;
		return new Target(id, label, "aws", true, Kind.LAMBDA, polyfnAws.artifact(), polyfnAws.runnable(),
				"dev.polyfn.aws.S3Handler::handleRequest", s3 == null ? Map.of() : s3.environment(), null, missing, null,
				Target.S3_PUT_EVENT, null);
	}

	private Target polyfnGcpStorage(Target polyfnGcp) {
		String id = "gcp-polyfn-storage";
		String label = "polyfn GCP Cloud Functions package, storeThumbnail (Cloud Storage finalized CloudEvent, structured"
				+ " mode; GcpCloudEventsFunction; GET and insert on the JSON API test server)";
		if (polyfnGcp.missing() != null) {
			return notBuilt(id, label, "gcp", Kind.GCF_INVOKER, polyfnDir("gcp"));
		}
		GcsForBench gcs = GcsForBench.start();
		return new Target(id, label, "gcp", true, Kind.GCF_INVOKER, polyfnGcp.artifact(), polyfnGcp.runnable(),
				POLYFN_GCP_EVENT_FUNCTION, gcs == null ? Map.of() : gcs.environment(), "/",
				gcs == null ? "no JSON API test server (see stderr)" : null, null, Target.GCS_FINALIZED_EVENT, null);
	}

	private Target polyfnGcp() throws IOException {
		String id = "gcp-polyfn";
		String label = "polyfn GCP Cloud Functions package";
		Path dir = polyfnDir("gcp");
		Optional<Path> jar = firstFile(dir, ".jar");
		Optional<Path> zip = firstFile(dir, ".zip");
		if (jar.isEmpty() && zip.isEmpty()) {
			return notBuilt(id, label, "gcp", Kind.GCF_INVOKER, dir);
		}
		// the upload artifact is the zip when there is one (its size is reported); the invoker gets the jar
		Path artifact = zip.orElseGet(jar::get);
		Path runnable = jar.orElse(null);
		if (runnable == null) {
			Path unpacked = workDir.resolve(id + "-package");
			CodeFolders.deleteTree(unpacked);
			Files.createDirectories(unpacked);
			CodeFolders.unzipKeepingModes(artifact, unpacked);
			Optional<Path> inner = firstFile(unpacked, ".jar");
			if (inner.isEmpty()) {
				return new Target(id, label, "gcp", true, Kind.GCF_INVOKER, artifact, null, null, REVERSE, "/",
						"no jar inside " + repo.relativize(artifact));
			}
			runnable = inner.get();
		}
		String entry = override("POLYFN_GCP_TARGET").orElse(POLYFN_GCP_HTTP_FUNCTION);
		return new Target(id, label, "gcp", true, Kind.GCF_INVOKER, artifact, runnable, entry, REVERSE, "/", null);
	}

	private Target polyfnWeb() {
		return polyfnWeb(repo, "web-polyfn", "");
	}

	/**
	 * The web app as the README starts it: the package {@code mvn package} lays out in {@code polyfn/web/}, its
	 * class-data archive on the command line. A checkout without that package (an earlier commit) has only the
	 * executable jar.
	 */
	private Target polyfnWeb(Path checkout, String id, String labelSuffix) {
		Path web = checkout.resolve("examples/target/bench-web/polyfn/web");
		Path jar = web.resolve("polyfn-examples.jar");
		if (!Files.isRegularFile(jar)) {
			return polyfnExecJar(checkout, id, labelSuffix);
		}
		Path archive = web.resolve("app.jsa");
		String options = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : null;
		return new Target(id, "polyfn web app as the README starts it (java " + (options == null ? "" : "-XX:SharedArchiveFile=app.jsa ")
				+ "-jar polyfn/web/polyfn-examples.jar)" + labelSuffix, "web", true, Kind.WEB_JAR, web, jar, options,
				Map.of(), "/reverse", options == null ? "the web package has no app.jsa: see polyfn-web.log" : null);
	}

	/** Spring Boot's executable jar of the same build: one file, classes in nested jars, no archive. */
	private Target polyfnExecJar(Path checkout, String id, String labelSuffix) {
		// the runnable web-app jar is the Boot "exec" jar when the plain jar is kept as a library
		Path dir = checkout.resolve("examples/target/bench-web");
		Path exec = dir.resolve("polyfn-examples-exec.jar");
		Path jar = Files.isRegularFile(exec) ? exec : dir.resolve("polyfn-examples.jar");
		String missing = Files.isRegularFile(jar) ? null : "not built: " + jar;
		return new Target(id, "polyfn web app (java -jar " + jar.getFileName() + ")" + labelSuffix, "web", true,
				Kind.WEB_JAR, jar, jar, null, Map.of(), "/reverse", missing);
	}

	private Target polyfnScript(String id, String label, String cloud, String script, Map<String, String> env)
			throws IOException {
		return polyfnScript(repo, id, label, cloud, script, env);
	}

	private Target polyfnScript(Path checkout, String id, String label, String cloud, String script,
			Map<String, String> env) throws IOException {
		Path dir = polyfnDir(checkout, cloud);
		Optional<Path> zip = firstFile(dir, ".zip");
		if (zip.isEmpty()) {
			return notBuilt(id, label, "web", Kind.START_SCRIPT, dir);
		}
		return new Target(id, label, "web", true, Kind.START_SCRIPT, zip.get(), zip.get(), script, env, "/", null);
	}

	private Target azureCustomHandler(String id, String label, Map<String, String> env) {
		Path zip = polyfnDir("azure").resolve("polyfn-examples-azure-custom-handler.zip");
		if (!Files.isRegularFile(zip)) {
			return notBuilt(id, label, "azure", Kind.START_SCRIPT, zip.getParent());
		}
		// the path the host forwards an HTTP trigger's request to (enableForwardingHttpRequest, route prefix api)
		return new Target(id, label, "azure", true, Kind.START_SCRIPT, zip, zip, "polyfn-handler.sh", env,
				"/api/reverse", null);
	}

	/** A Java-worker staging folder (host.json, the jar, lib/, one folder per function) and its upload artifact. */
	private Target azureWorker(String id, String label, boolean polyfn, Path staging, Path artifact) {
		String missing = Files.isRegularFile(staging.resolve("reverse/function.json")) && Files.isRegularFile(artifact)
				? null : "not built: " + (staging.startsWith(repo) ? repo.relativize(staging) : staging);
		return new Target(id, label, "azure-worker", polyfn, Kind.AZURE_WORKER, artifact, staging, "reverse", Map.of(),
				null, missing).answering(Launcher.AZURE_HTTP_EVENT, "", "", null);
	}

	private Target azureWorkerStorage(Path staging, Path artifact) {
		String id = "azure-polyfn-worker-storage";
		String label = "polyfn Azure Functions package, Java worker, storeThumbnail (blob trigger; BlobTriggerHandler;"
				+ " download and upload on Azurite)";
		if (!Files.isRegularFile(staging.resolve("storeThumbnail/function.json")) || !Files.isRegularFile(artifact)) {
			return notBuilt(id, label, "azure-worker", Kind.AZURE_WORKER, staging);
		}
		AzuriteForBench azurite = AzuriteForBench.start(workDir);
		return new Target(id, label, "azure-worker", true, Kind.AZURE_WORKER, artifact, staging, "storeThumbnail",
				azurite == null ? Map.of() : azurite.environment(), null,
				azurite == null ? "no Azurite: Node and npm are needed (see stderr)" : null, null, Target.AZURE_BLOB_EVENT, null);
	}

	private Target notBuilt(String id, String label, String group, Kind kind, Path dir) {
		return new Target(id, label, group, true, kind, null, null, null, Map.of(), null,
				"not built: nothing in " + (dir.startsWith(repo) ? repo.relativize(dir) : dir));
	}

	private static Optional<String> override(String variable) {
		return Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank());
	}

	/** The largest file with that suffix (the upload artifact, not a thin jar beside it). */
	static Optional<Path> firstFile(Path dir, String suffix) throws IOException {
		if (!Files.isDirectory(dir)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.walk(dir, 3)) {
			return files.filter(Files::isRegularFile)
					.filter(path -> path.getFileName().toString().endsWith(suffix))
					.max(Comparator.comparingLong(Targets::size));
		}
	}

	private static long size(Path path) {
		try {
			return Files.size(path);
		}
		catch (IOException e) {
			return 0;
		}
	}
}
