package dev.polyfn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The container package's AOT cache, made here as its Dockerfile's {@code training} stage makes it in the image: the
 * training line ({@code -XX:AOTCacheOutput}, {@code dev.polyfn.core.boot.TrainingRun}) run with the JDK 25 the image
 * starts with, in the package's {@code image/app} folder (the image's {@code /app}). Here the JDK is the local
 * Temurin 25, the same vendor and release as the base image's, so the measured pair is the image's with and without.
 */
final class ContainerTraining {

	static final String CACHE = "app.aot";

	/** The image's JVM flags, both rows: the entrypoint's, less the cache. */
	static final String IMAGE_FLAGS = "-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError";

	private ContainerTraining() {
	}

	/** The cache in {@code app}, made now; null with the reason on stderr when the training fails. */
	static Path train(Path app, Path jar, Jdk jdk, Path log) {
		Path cache = app.resolve(CACHE);
		List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-XX:AOTCacheOutput=" + cache));
		command.addAll(List.of(IMAGE_FLAGS.split(" ")));
		command.addAll(List.of("-cp", jar.toString(), "dev.polyfn.core.boot.TrainingRun"));
		try {
			Files.deleteIfExists(cache);
			ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().remove("JAVA_TOOL_OPTIONS");
			Process training = builder.start();
			if (!training.waitFor(3, TimeUnit.MINUTES)) {
				training.destroyForcibly();
				System.err.println("container AOT training did not finish in 3 minutes; see " + log);
				return null;
			}
			if (training.exitValue() != 0 || !Files.isRegularFile(cache)) {
				System.err.println("container AOT training failed (exit " + training.exitValue() + "); see " + log);
				return null;
			}
			return cache;
		}
		catch (IOException e) {
			System.err.println("container AOT training could not run: " + e);
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
