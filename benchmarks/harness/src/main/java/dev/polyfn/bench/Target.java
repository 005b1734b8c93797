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
 * @param artifact the upload artifact (jar or zip) whose size is reported, or a folder (the jars in it); null when not built
 * @param runnable what the runtime is given: the jar or zip to unpack (Lambda, scripts) or the jar to run
 * @param entry the Lambda handler string, the Functions Framework target class, the script to run, the Azure
 *        function's name, or a web jar's JVM options on its command line (the README's {@code -XX:SharedArchiveFile})
 * @param env extra environment for the process
 * @param requestPath the HTTP path of the probe request (HTTP kinds)
 * @param missing why it could not be measured (not built, entry unknown), or null
 * @param jvmOptions extra JVM flags given through JAVA_TOOL_OPTIONS (the AppCDS variants), or null
 * @param lambdaEvent the event a Lambda or Azure-worker target is invoked with, or an HTTP target is probed with when
 *        it is a CloudEvent (a file name under benchmarks/events, no suffix)
 * @param jdk the JDK that runs it; null for the harness's own JDK
 */
record Target(String id, String label, String group, boolean polyfn, Kind kind, Path artifact, Path runnable, String entry,
		Map<String, String> env, String requestPath, String missing, String jvmOptions, String lambdaEvent, Jdk jdk) {

	/** The event of the issue-9 rows: a direct invocation with a JSON string. */
	static final String DIRECT_EVENT = "direct-string";
	/** The event of the issue-20 rows: API Gateway HTTP API v2, POST /reverse with the text body. */
	static final String HTTP_API_EVENT = "apigw-http-v2";
	/** The storage row's event: S3 ObjectCreated:Put of uploads/cat.png, answered by storeThumbnail. */
	static final String S3_PUT_EVENT = "s3-put";
	/** The GCP storage row's event: Cloud Storage's object finalized CloudEvent for uploads/cat.png, structured mode. */
	static final String GCS_FINALIZED_EVENT = "gcs-finalized";

	/** The Azure storage row's event: the blob trigger's invocation for uploads/cat.png, as the host sends it to the worker. */
	static final String AZURE_BLOB_EVENT = "azure-blob-created";

	/** Whether an HTTP target is probed with a CloudEvent (structured mode) instead of the text body. */
	boolean probesWithCloudEvent() {
		return GCS_FINALIZED_EVENT.equals(lambdaEvent);
	}

	Target(String id, String label, String group, boolean polyfn, Kind kind, Path artifact, Path runnable, String entry,
			Map<String, String> env, String requestPath, String missing) {
		this(id, label, group, polyfn, kind, artifact, runnable, entry, env, requestPath, missing, null, DIRECT_EVENT,
				null);
	}

	/** The same artifact started with extra JVM flags, measured as its own row. */
	Target variant(String idSuffix, String labelSuffix, String options) {
		return new Target(id + idSuffix, label + labelSuffix, group, polyfn, kind, artifact, runnable, entry, env,
				requestPath, missing, options, lambdaEvent, jdk);
	}

	/** The same Lambda artifact invoked with another event (and maybe another handler), as its own row. */
	Target answering(String event, String idSuffix, String labelSuffix, String handler) {
		return new Target(id + idSuffix, label + labelSuffix, group, polyfn, kind, artifact, runnable,
				handler == null ? entry : handler, env, requestPath, missing, jvmOptions, event, jdk);
	}

	/** The same target on another JDK; {@code missingJdk} says why it cannot run when that JDK is not installed. */
	Target on(int major, Jdk other, String missingJdk) {
		String why = missing != null ? missing : other == null ? missingJdk : null;
		return new Target(id + "-jdk" + major, label, group, polyfn, kind, artifact, runnable, entry, env, requestPath,
				why, jvmOptions, lambdaEvent, other);
	}

	/**
	 * Whether it is a JDK-dimension row: a target repeated on the other JDK ({@link #on}). A target that only runs on
	 * another JDK (the container image's app, on its base image's JDK 25) is an ordinary row.
	 */
	boolean onOtherJdk() {
		return jdk != null && id.endsWith("-jdk" + jdk.major());
	}

	/** The id of the row it repeats on the harness's JDK (itself for the other rows). */
	String jdkBaseId() {
		return onOtherJdk() ? id.substring(0, id.lastIndexOf("-jdk")) : id;
	}

	boolean isVariant() {
		return jvmOptions != null;
	}

	boolean httpApiEvent() {
		return kind == Kind.LAMBDA && HTTP_API_EVENT.equals(lambdaEvent);
	}

	enum Kind {
		/** Lambda runtime interface client against the local Runtime API stub. */
		LAMBDA,
		/** Functions Framework invoker: java -jar java-function-invoker.jar --classpath ... --target ... */
		GCF_INVOKER,
		/** A Spring Boot / polyfn web app: java -jar app.jar */
		WEB_JAR,
		/** A custom-runtime package: its own start script (Alibaba bootstrap, Tencent scf_bootstrap, Azure custom handler). */
		START_SCRIPT,
		/**
		 * An Azure Functions Java-worker staging folder: one function loaded and invoked as the worker does it, with
		 * the host's request for a text body (polyfn-local's AzureInvocationLoop, the worker's JVM flags).
		 */
		AZURE_WORKER
	}

	boolean measurable() {
		return missing == null;
	}

	boolean servesHttp() {
		return kind != Kind.LAMBDA && kind != Kind.AZURE_WORKER;
	}

	List<String> notes() {
		return missing == null ? List.of() : List.of(missing);
	}
}
