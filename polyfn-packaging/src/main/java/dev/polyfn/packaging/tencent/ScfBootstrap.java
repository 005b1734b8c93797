package dev.polyfn.packaging.tencent;

import java.util.List;

import dev.polyfn.packaging.ClassDataTraining;

/**
 * The two start scripts of a Tencent package, both starting the JRE bundled in the ZIP ({@value #JAVA_IN_ZIP})
 * by a path relative to the script, never a {@code java} from {@code PATH} or {@code JAVA_HOME}: SCF's images
 * carry Java 8 and 11 only, and Spring Boot 4 needs 17.
 * <ul>
 * <li>{@value #FILE_NAME}: the web function. SCF runs it from the unpacked code folder ({@code /var/user},
 * read-only) and forwards HTTP to port 9000; it runs function-core's light launcher ({@code PolyfnServer}), which
 * serves every function at {@code /<name>}; {@code $PORT} overrides the port.</li>
 * <li>{@value #CUSTOM_RUNTIME_FILE_NAME}: the event function on SCF's Custom Runtime; it runs
 * {@code ScfCustomRuntime}, the loop over SCF's runtime API.</li>
 * </ul>
 * Bash with LF line endings and mode 755, as SCF requires; no external command, so an empty {@code PATH} works.
 */
final class ScfBootstrap {

	static final String FILE_NAME = "scf_bootstrap";

	static final String CUSTOM_RUNTIME_FILE_NAME = "bootstrap";

	static final int PORT = 9000;

	static final String JAVA_IN_ZIP = "jre/bin/java";

	static final String LAUNCHER = "dev.polyfn.core.boot.PolyfnServer";

	static final String CUSTOM_RUNTIME_LOOP = "dev.polyfn.tencent.ScfCustomRuntime";

	/**
	 * Start-up over peak speed (one instance serves few requests at a time), a heap sized from the instance's
	 * memory rather than the JVM's 25% default, and no lingering after an OutOfMemoryError so SCF replaces the
	 * instance.
	 */
	static final String JVM_FLAGS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=75"
			+ " -XX:+ExitOnOutOfMemoryError";

	/**
	 * polyfn's JVM options: the flags, the writable temp folder, headless AWT (the JRE has no X11 toolkit), the
	 * cloud's name and SCF's port.
	 */
	static final String JVM_OPTIONS = JVM_FLAGS + " -Djava.io.tmpdir=/tmp -Djava.awt.headless=true -Dpolyfn.cloud=tencent"
			+ " -Dpolyfn.http.default-port=" + PORT;

	private ScfBootstrap() {
	}

	/** How the class-data training run starts the web function: as its script does, on an ephemeral port. */
	static ClassDataTraining.Launch trainingLaunch(String jarInZip) {
		return new ClassDataTraining.Launch(JAVA_IN_ZIP, List.of(JVM_OPTIONS.split(" ")), jarInZip, LAUNCHER, "PORT",
				"/polyfn-class-data-training");
	}

	/** The java command the web function's script runs from its folder; also printed in the build summary. */
	static String javaCommand(String jarInZip, boolean classData) {
		return JAVA_IN_ZIP + (classData ? " -XX:SharedArchiveFile=" + ClassDataTraining.ARCHIVE : "") + " "
				+ JVM_OPTIONS + " -cp " + jarInZip + " " + LAUNCHER;
	}

	static String webFunction(String jarInZip, boolean classData) {
		return script(List.of("# polyfn web function for Tencent SCF: every function over HTTP on 0.0.0.0:" + PORT
				+ " ($PORT overrides)."), LAUNCHER, jarInZip, classData);
	}

	static String customRuntime(String jarInZip, boolean classData) {
		return script(List.of("# polyfn event function for Tencent SCF's Custom Runtime: takes events from SCF's runtime",
				"# API (SCF_RUNTIME_API:SCF_RUNTIME_API_PORT) and answers each with TencentEventFunction."),
				CUSTOM_RUNTIME_LOOP, jarInZip, classData);
	}

	private static String script(List<String> purpose, String mainClass, String jarInZip, boolean classData) {
		StringBuilder script = new StringBuilder("#!/bin/bash\n");
		purpose.forEach(line -> script.append(line).append('\n'));
		script.append("# SCF unpacks the code to /var/user (read-only); only /tmp is writable, so temp files go there.\n")
				.append("# Java is the JRE in jre/ beside this script: SCF's images have Java 8 and 11 only, so neither\n")
				.append("# PATH nor JAVA_HOME is read. The folder comes from BASH_SOURCE, without external commands.\n")
				.append("HERE=\"${BASH_SOURCE[0]%/*}\"\n")
				.append("[ \"$HERE\" = \"${BASH_SOURCE[0]}\" ] && HERE=.\n")
				.append("cd \"$HERE\" || exit 1\n");
		if (classData) {
			script.append("# ").append(ClassDataTraining.ARCHIVE)
					.append(": the classes of a training run at package time, mapped instead of loaded.\n")
					.append("# ").append(ClassDataTraining.SWITCH).append("=off starts without it (to compare start-up times).\n")
					.append("CDS=\"-XX:SharedArchiveFile=").append(ClassDataTraining.ARCHIVE).append("\"\n")
					.append("[ \"${").append(ClassDataTraining.SWITCH).append(":-on}\" = off ] && CDS=\"\"\n");
		}
		script.append("# JAVA_OPTS comes after polyfn's options, so the user's flags win.\n")
				.append("exec \"$PWD/").append(JAVA_IN_ZIP).append('"').append(classData ? " $CDS" : "")
				.append(' ').append(JVM_OPTIONS).append(" ${JAVA_OPTS:-} -cp ").append(jarInZip).append(' ')
				.append(mainClass).append('\n');
		return script.toString();
	}
}
