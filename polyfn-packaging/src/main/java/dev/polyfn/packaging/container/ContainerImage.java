package dev.polyfn.packaging.container;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.polyfn.packaging.CloudRuntime;

/**
 * The image the container package describes: the web app's layered {@code app/} folder on an official JRE base image,
 * run as a non-root user, started by an exec-form {@code ENTRYPOINT} so the JVM is PID 1 and gets the platform's
 * SIGTERM itself (a shell form would wrap it in {@code /bin/sh -c}, which does not pass the signal on, and the drain
 * would never start). Knative sends SIGTERM and then SIGKILL after a grace period (knative/specs
 * specs/serving/runtime-contract.md, "Lifecycle", read 2026-12-06).
 *
 * @param base the base image, a {@code container} row of CloudRuntimes
 * @param jarName the application jar's file name in {@code /app}
 */
record ContainerImage(CloudRuntime base, String jarName) {

	/** Where the app lives in the image; {@code app/} of the package is copied there as it is. */
	static final String APP_DIR = "/app";

	/** The port polyfn listens on unless the platform sets {@code PORT} (Knative and Cloud Run always do). */
	static final int PORT = 8080;

	/**
	 * A numeric user: Kubernetes can only enforce {@code runAsNonRoot} for a numeric {@code USER} (a name cannot be
	 * checked against 0 before the container starts). No account is needed: the JVM runs with an unnamed uid.
	 */
	static final String USER = "10001:10001";

	/**
	 * JVM flags for a container: the heap sized from the container's memory limit (the JVM reads the cgroup limit;
	 * 75% leaves room for metaspace, threads and direct buffers), and an exit on the first OutOfMemoryError so the
	 * platform replaces the instance rather than keeping one that half works.
	 */
	static final List<String> JVM_FLAGS = List.of("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError");

	/** The of-watchdog release the OpenFaaS image takes its {@code fwatchdog} binary from (openfaas templates, 2026-12-06). */
	static final String WATCHDOG_IMAGE = "ghcr.io/openfaas/of-watchdog:0.11.5";

	/** Where the training stage writes the JVM's ahead-of-time cache, and where the image's JVM reads it. */
	static final String AOT_CACHE = APP_DIR + "/app.aot";

	/** The training run's main class, in function-core (so in the image's lib/, on the entrypoint's class path). */
	static final String TRAINING_MAIN = "dev.polyfn.core.boot.TrainingRun";

	/** The stage of the Dockerfile that trains the cache. */
	static final String TRAINING_STAGE = "training";

	/**
	 * Whether the image starts with an AOT cache trained by its own JVM: JDK 25's one-step training
	 * ({@code -XX:AOTCacheOutput}, JEP 514) on a cache format of JEP 483 (JDK 24); an older base image's JVM would
	 * refuse the flags and not start, so it gets no training stage.
	 */
	boolean trainsCache() {
		return base.java() >= 25;
	}

	/**
	 * The command the image starts: {@code java [-XX:AOTCache=/app/app.aot] <flags> -jar /app/<jar>}. A cache that is
	 * missing or made by another JVM build is not fatal: JDK 25 (the default {@code -XX:AOTMode=auto}) prints an
	 * error line and starts without it.
	 */
	List<String> entrypoint() {
		return trainsCache() ? javaCommand(List.of("-XX:AOTCache=" + AOT_CACHE), List.of("-jar", APP_DIR + "/" + jarName))
				: entrypointWithoutCache();
	}

	/** The entrypoint without the cache: what an image built without the training stage (Jib) starts. */
	List<String> entrypointWithoutCache() {
		return javaCommand(List.of(), List.of("-jar", APP_DIR + "/" + jarName));
	}

	/**
	 * The training stage's {@code RUN}: the same JVM flags and class path as the entrypoint ({@code -cp} of the one
	 * jar, whose manifest names lib/), {@link #TRAINING_MAIN} as the main class, and {@code -XX:AOTCacheOutput}: the
	 * JVM records the run and, at its exit, creates the cache (JEP 514, "one-step" workflow).
	 */
	List<String> trainingCommand() {
		return javaCommand(List.of("-XX:AOTCacheOutput=" + AOT_CACHE), List.of("-cp", APP_DIR + "/" + jarName, TRAINING_MAIN));
	}

	private static List<String> javaCommand(List<String> cacheFlags, List<String> application) {
		List<String> command = new ArrayList<>(List.of("java"));
		command.addAll(cacheFlags);
		command.addAll(JVM_FLAGS);
		command.addAll(application);
		return command;
	}

	/**
	 * The first stage of a Dockerfile: the app on the base image, trained there. The cache is made by the JVM that
	 * reads it (a cache is only accepted by the same JVM build), from the same jars at the same paths (COPY --from
	 * keeps their times, which the JVM checks as well).
	 */
	private String trainingStage() {
		return "# Stage 1: a training run of the app on the base image's own JVM writes its ahead-of-time cache (JEP 483, 514).\n"
				+ "FROM " + base.id() + " AS " + TRAINING_STAGE + "\n"
				+ "WORKDIR " + APP_DIR + "\n"
				+ "COPY image/app/lib/ " + APP_DIR + "/lib/\n"
				+ "COPY image/app/" + jarName + " " + APP_DIR + "/" + jarName + "\n"
				+ "RUN " + jsonArray(trainingCommand()) + "\n\n";
	}

	/** The app's layers of the final stage: dependencies first (they change seldom, so rebuilds reuse the layer). */
	private String appLayers() {
		if (!trainsCache()) {
			return "# Dependencies first: they change seldom, so this layer is reused by rebuilds that only change the app.\n"
					+ "COPY image/app/lib/ " + APP_DIR + "/lib/\n"
					+ "COPY image/app/" + jarName + " " + APP_DIR + "/" + jarName + "\n";
		}
		String from = "COPY --from=" + TRAINING_STAGE + " ";
		return "# Dependencies first: they change seldom, so this layer is reused by rebuilds that only change the app.\n"
				+ from + APP_DIR + "/lib/ " + APP_DIR + "/lib/\n"
				+ from + APP_DIR + "/" + jarName + " " + APP_DIR + "/" + jarName + "\n"
				+ from + AOT_CACHE + " " + AOT_CACHE + "\n";
	}

	/** The Dockerfile for Knative, Cloud Run and any Kubernetes. */
	String dockerfile() {
		return "# Generated by mvn -Pcontainer package: the web app on an official JRE (" + base.citation() + ").\n"
				+ "# Build: docker build -t <image> . (or any OCI builder: buildah, kaniko); without a builder see DEPLOY.md (Jib).\n"
				+ (trainsCache() ? trainingStage() : "")
				+ "FROM " + base.id() + "\n"
				+ "WORKDIR " + APP_DIR + "\n"
				+ appLayers()
				+ "USER " + USER + "\n"
				+ "# polyfn listens on $PORT; Knative and Cloud Run set it, this is the default elsewhere.\n"
				+ "ENV PORT=" + PORT + "\n"
				+ "EXPOSE " + PORT + "\n"
				+ "# Exec form: the JVM is PID 1 and receives SIGTERM, which drains in-flight requests before exit.\n"
				+ "ENTRYPOINT " + jsonArray(entrypoint()) + "\n";
	}

	/**
	 * The OpenFaaS variant: the same app behind of-watchdog in HTTP mode. The watchdog owns port 8080 (OpenFaaS routes
	 * there) and serves {@code /_/health}; it starts {@code fprocess} once and proxies every request to
	 * {@code upstream_url}, so polyfn listens on another loopback port (of-watchdog README, "Configuration", read
	 * 2026-12-06).
	 */
	String openFaasDockerfile(OpenFaasStack stack) {
		return "# Generated by mvn -Pcontainer package: the web app behind OpenFaaS's of-watchdog (HTTP mode).\n"
				+ "FROM " + WATCHDOG_IMAGE + " AS watchdog\n"
				+ (trainsCache() ? trainingStage() : "")
				+ "FROM " + base.id() + "\n"
				+ "COPY --from=watchdog /fwatchdog /usr/bin/fwatchdog\n"
				+ "WORKDIR " + APP_DIR + "\n"
				+ appLayers()
				+ "USER " + USER + "\n"
				+ stack.environment().entrySet().stream().map(e -> "ENV " + e.getKey() + "=" + quoted(e.getValue()))
					.collect(Collectors.joining("\n")) + "\n"
				+ "EXPOSE " + OpenFaasStack.WATCHDOG_PORT + "\n"
				+ "ENTRYPOINT [\"fwatchdog\"]\n";
	}

	/** The entrypoint as one shell-free command line, for of-watchdog's {@code fprocess} (it splits at spaces). */
	String commandLine() {
		return String.join(" ", entrypoint());
	}

	private static String jsonArray(List<String> words) {
		return words.stream().map(ContainerImage::quoted).collect(Collectors.joining(", ", "[", "]"));
	}

	private static String quoted(String word) {
		return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
