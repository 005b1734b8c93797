package dev.polyfn.tencent.packaging;

/**
 * The {@code scf_bootstrap} of an SCF web function: SCF runs it from the unpacked code folder ({@code /var/user},
 * read-only) and forwards HTTP to port 9000. It runs function-core's light launcher ({@code PolyfnServer}), which
 * starts the application named by the jar's Start-Class and serves every function at {@code /<name>} with
 * function-core's PolyfnHttpServer; {@code $PORT} overrides the port, {@code POLYFN_BOOTSTRAP=boot} gives the full
 * SpringApplication. Bash with LF line endings and mode 755, as SCF requires.
 */
final class ScfBootstrap {

	static final String FILE_NAME = "scf_bootstrap";

	static final int PORT = 9000;

	static final String LAUNCHER = "dev.polyfn.core.boot.PolyfnServer";

	/**
	 * Start-up over peak speed (one instance serves few requests at a time), a heap sized from the instance's
	 * memory rather than the JVM's 25% default, and no lingering after an OutOfMemoryError so SCF replaces the
	 * instance.
	 */
	static final String JVM_FLAGS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=75"
			+ " -XX:+ExitOnOutOfMemoryError";

	/** polyfn's JVM options: the flags, the writable temp folder, the cloud's name and SCF's port. */
	static final String JVM_OPTIONS = JVM_FLAGS + " -Djava.io.tmpdir=/tmp -Dpolyfn.cloud=tencent"
			+ " -Dpolyfn.http.default-port=" + PORT;

	private ScfBootstrap() {
	}

	/** The java command the script runs, relative to its own folder; also printed in the build summary. */
	static String javaCommand(String jarInZip) {
		return "java " + JVM_OPTIONS + " -cp " + jarInZip + " " + LAUNCHER;
	}

	static String script(String jarInZip) {
		return String.join("\n",
				"#!/bin/bash",
				"# polyfn web function for Tencent SCF: every function over HTTP on 0.0.0.0:" + PORT + " ($PORT overrides).",
				"# SCF unpacks the code to /var/user (read-only); only /tmp is writable, so temp files go there.",
				"cd \"$(dirname \"$0\")\" || exit 1",
				"# Java from JAVA_HOME, else the image's PATH, else Tencent's /var/lang/<runtime> layout.",
				"JAVA=\"\"",
				"for candidate in \"${JAVA_HOME:+$JAVA_HOME/bin/java}\" \"$(command -v java)\" /var/lang/java17/bin/java /var/lang/java21/bin/java; do",
				"  if [ -n \"$candidate\" ] && [ -x \"$candidate\" ]; then JAVA=\"$candidate\"; break; fi",
				"done",
				"if [ -z \"$JAVA\" ]; then echo \"scf_bootstrap: no java found; set JAVA_HOME\" >&2; exit 127; fi",
				"# JAVA_OPTS comes after polyfn's options, so the user's flags win.",
				"exec \"$JAVA\" " + JVM_OPTIONS + " ${JAVA_OPTS:-} -cp " + jarInZip + " " + LAUNCHER,
				"");
	}
}
