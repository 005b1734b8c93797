package dev.polyfn.packaging.tencent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.polyfn.packaging.FileTrees;
import dev.polyfn.packaging.ToolRun;

/**
 * Links the trimmed JRE of a Tencent package: the modules {@code jdeps} finds in the flat jar, plus the ones only
 * reached by reflection or service loading at run time, linked by {@code jlink} from the build JDK.
 */
final class JreLinker {

	/**
	 * Modules no class of the jar names, which a running Spring/Jackson application still needs: TLS with
	 * elliptic-curve keys for outbound HTTPS (jdk.crypto.ec), sun.misc.Unsafe for Spring's and Jackson's
	 * reflection helpers (jdk.unsupported), JNDI/JMX look-ups Spring Boot probes (java.naming, java.management).
	 */
	static final List<String> RUN_TIME_MODULES = List.of("jdk.crypto.ec", "jdk.unsupported", "java.naming",
			"java.management");

	/**
	 * Files a headless server never opens: the X11 toolkit and the splash screen (an SCF instance has no display;
	 * the scripts set {@code java.awt.headless=true}, so AWT loads {@code libawt_headless} for image work), and the
	 * jrt file system provider that only other JDKs read.
	 */
	static final List<String> HEADLESS_EXCLUDES = List.of("**libawt_xawt.so", "**libsplashscreen.so", "**jrt-fs.jar");

	/**
	 * No compression: the ZIP deflates the modules file better than jlink's own compression would (30 MB against
	 * 36 MB for the examples on JDK 17) and the JVM then reads classes without inflating them at start-up.
	 */
	static final List<String> LINK_OPTIONS = List.of("--strip-debug", "--no-man-pages", "--no-header-files",
			"--exclude-files=" + String.join(",", HEADLESS_EXCLUDES));

	private JreLinker() {
	}

	/** The modules the JRE holds, sorted: jdeps' answer for the jar plus {@link #RUN_TIME_MODULES}. */
	static List<String> modules(BuildJdk jdk, Path flatJar) {
		String found = ToolRun.of(List.of(jdk.tool("jdeps").toString(), "--print-module-deps", "--ignore-missing-deps",
				"--multi-release", String.valueOf(Math.max(17, jdk.feature())), flatJar.toString()))
				.orFail("jdeps on " + flatJar).output();
		// jdeps may print warnings before its answer; the answer is the last line.
		String last = found.lines().reduce((a, b) -> b).orElse("");
		TreeSet<String> modules = new TreeSet<>(List.of(last.split(",")));
		modules.addAll(RUN_TIME_MODULES);
		modules.removeIf(String::isBlank);
		return List.copyOf(modules);
	}

	/**
	 * Links the JRE into {@code target} (replaced) and returns the modules it holds. {@code defaultClassData}: give
	 * it the JDK's own class-data archive, for a package without an application archive (which holds the JDK's
	 * classes as well, so the ZIP needs only one of the two).
	 */
	static List<String> link(BuildJdk jdk, Path flatJar, Path target, boolean defaultClassData) {
		List<String> modules = modules(jdk, flatJar);
		FileTrees.delete(target);
		List<String> command = new ArrayList<>(List.of(jdk.tool("jlink").toString(), "--add-modules",
				String.join(",", modules), "--output", target.toString()));
		command.addAll(LINK_OPTIONS);
		// JDK 21 renamed the levels; the old "0" still works there but warns.
		command.add(jdk.feature() >= 21 ? "--compress=zip-0" : "--compress=0");
		if (defaultClassData) {
			command.add("--generate-cds-archive");
		}
		ToolRun run = ToolRun.of(command);
		if (run.exitCode() != 0) {
			throw new IllegalStateException((jdk.hasJmods() ? "jlink failed:" : jdk.noModulesHint() + ". jlink said:")
					+ "\n" + run.output());
		}
		dropUncompressedOopsArchive(target);
		NativeSymbols.strip(target.resolve("lib/server/libjvm.so"));
		GlibcRequirement glibc = GlibcRequirement.of(target);
		if (!glibc.runsOnScf()) {
			throw new IllegalStateException("The JRE linked from " + jdk.home() + " needs " + glibc + ", and SCF's CentOS"
					+ " 7.6 has " + GlibcRequirement.SCF + ": it would not start there. Pass -D" + BuildJdk.PROPERTY
					+ "=<a JDK built for glibc 2.17, e.g. Eclipse Temurin>");
		}
		return modules;
	}

	/**
	 * jlink writes a second CDS archive for heaps of 32 GB and more (no compressed object pointers); an SCF
	 * instance has at most 3 GB, so it is 11 MB the JVM never opens.
	 */
	private static void dropUncompressedOopsArchive(Path jre) {
		try {
			Files.deleteIfExists(jre.resolve("lib/server/classes_nocoops.jsa"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
