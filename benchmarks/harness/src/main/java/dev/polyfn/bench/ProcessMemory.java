package dev.polyfn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Peak resident set size (VmHWM) of a process tree, from /proc: a start script's JVM is a child of the shell. */
final class ProcessMemory {

	private ProcessMemory() {
	}

	/** The largest VmHWM in the tree rooted at the process, in MB; 0 when /proc is not readable. */
	static double peakRssMb(ProcessHandle root) {
		long peakKb = Stream.concat(Stream.of(root), root.descendants())
				.mapToLong(p -> vmHwmKb(p.pid()))
				.max()
				.orElse(0);
		return peakKb / 1024.0;
	}

	private static long vmHwmKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException gone) {
			// process ended between listing and reading
		}
		return 0;
	}
}
