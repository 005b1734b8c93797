package dev.polyfn.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One thing the benchmark starts and measures: a baseline or a polyfn package, how its runtime starts it, and
 * what a correct first answer looks like.
 *
 * @param id short stable name, used in tables and log file names
 * @param label what it is, for the report
 * @param group which comparison it belongs to (aws, gcp, web; the custom runtimes compare with web)
 * @param polyfn whether it is a polyfn artifact (else a baseline)
 * @param kind which real runtime starts it
 * @param artifact the upload artifact (jar or zip) whose size is reported; null when not built
 * @param runnable what the runtime is given: the jar or zip to unpack (Lambda, scripts) or the jar to run
 * @param entry the Lambda handler string, the Functions Framework target class, or the script to run
 * @param env extra environment for the process
 * @param requestPath the HTTP path of the probe request (HTTP kinds)
 * @param missing why it could not be measured (not built, entry unknown), or null
 * @param jvmOptions extra JVM flags given through JAVA_TOOL_OPTIONS (the AppCDS variants), or null
 */
record Target(String id, String label, String group, boolean polyfn, Kind kind, Path artifact, Path runnable, String entry,
		Map<String, String> env, String requestPath, String missing, String jvmOptions) {

	Target(String id, String label, String group, boolean polyfn, Kind kind, Path artifact, Path runnable, String entry,
			Map<String, String> env, String requestPath, String missing) {
		this(id, label, group, polyfn, kind, artifact, runnable, entry, env, requestPath, missing, null);
	}

	/** The same artifact started with extra JVM flags, measured as its own row. */
	Target variant(String idSuffix, String labelSuffix, String options) {
		return new Target(id + idSuffix, label + labelSuffix, group, polyfn, kind, artifact, runnable, entry, env,
				requestPath, missing, options);
	}

	boolean isVariant() {
		return jvmOptions != null;
	}

	enum Kind {
		/** Lambda runtime interface client against the local Runtime API stub. */
		LAMBDA,
		/** Functions Framework invoker: java -jar java-function-invoker.jar --classpath ... --target ... */
		GCF_INVOKER,
		/** A Spring Boot / polyfn web app: java -jar app.jar */
		WEB_JAR,
		/** A custom-runtime package: its own start script (Alibaba bootstrap, Tencent scf_bootstrap). */
		START_SCRIPT
	}

	boolean measurable() {
		return missing == null;
	}

	boolean servesHttp() {
		return kind != Kind.LAMBDA;
	}

	List<String> notes() {
		return missing == null ? List.of() : List.of(missing);
	}
}
