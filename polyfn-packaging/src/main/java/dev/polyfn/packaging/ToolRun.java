package dev.polyfn.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of a JDK tool (jdeps, jlink) as a child process: its exit code and what it printed. */
public record ToolRun(int exitCode, String output) {

	public static ToolRun of(List<String> command) {
		return of(command, null);
	}

	/** Runs {@code command} in {@code directory} (the current one when {@code null}). */
	public static ToolRun of(List<String> command, Path directory) {
		try {
			Process process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
					.redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish within 10 minutes");
			}
			return new ToolRun(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not run " + command.get(0), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command.get(0), e);
		}
	}

	public ToolRun orFail(String what) {
		if (exitCode != 0) {
			throw new IllegalStateException(what + " failed (exit " + exitCode + "):\n" + output);
		}
		return this;
	}
}
