package dev.polyfn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were taken on: they only compare within one run on one machine. */
record Machine(int cpus, double memoryGb, String jdk, String os, String loadAtStart, String cpuModel) {

	static Machine describe() {
		String memory = grep(Path.of("/proc/meminfo"), "MemTotal:");
		double gb = memory == null ? 0 : Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
		String cpu = grep(Path.of("/proc/cpuinfo"), "model name");
		String load = read(Path.of("/proc/loadavg"));
		return new Machine(Runtime.getRuntime().availableProcessors(), gb,
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
						+ System.getProperty("java.vendor") + ")",
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
				load == null ? "?" : String.join(" ", java.util.Arrays.asList(load.trim().split("\\s+")).subList(0, 3)),
				cpu == null ? "?" : cpu.substring(cpu.indexOf(':') + 1).trim());
	}

	String summary() {
		return String.format("%d CPUs (%s), %.1f GB RAM, %s, %s, load at start %s", cpus, cpuModel, memoryGb, jdk, os,
				loadAtStart);
	}

	private static String grep(Path file, String prefix) {
		try {
			return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
		}
		catch (IOException e) {
			return null;
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			return null;
		}
	}
}
