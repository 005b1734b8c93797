package dev.polyfn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.polyfn.local.Dockerfile;
import dev.polyfn.local.LocalContainer;

/**
 * The container package's image on this machine, read from its own Dockerfile (polyfn-local's {@link Dockerfile}, as
 * {@code polyfn:invoke} reads it): the {@code training} stage's RUN lines make the AOT cache in the package's
 * {@code image/app} (the image's {@code /app}) with the local JDK of the base image's release — the local Temurin 25,
 * the base image's vendor and release — and the image's ENTRYPOINT gives the JVM options of the two rows: as written
 * (with {@code -XX:AOTCache}), and without the cache option.
 */
final class ContainerTraining {

	static final String TRAINING_STAGE = "training";

	/** What the benchmark needs of the image: its app jar and its entrypoint's JVM options. */
	record Image(Path jar, List<String> jvmOptions) {

		/** The options without the cache: the same entrypoint as an image without the training stage. */
		List<String> withoutCache() {
			return jvmOptions.stream().filter(o -> !o.startsWith("-XX:AOTCache")).toList();
		}
	}

	private ContainerTraining() {
	}

	/** The entrypoint's {@code java <options> -jar <jar>} as run here; null with the reason on stderr when it is not that. */
	static Image image(Path packageFolder) throws IOException {
		List<String> command;
		try {
			command = LocalContainer.command(packageFolder);
		}
		catch (RuntimeException unreadable) {
			System.err.println("the container's Dockerfile could not be read: " + unreadable);
			return null;
		}
		int jar = command.indexOf("-jar");
		if (jar < 1 || jar + 1 >= command.size()) {
			System.err.println("the container's ENTRYPOINT is not java ... -jar <jar>: " + command);
			return null;
		}
		return new Image(Path.of(command.get(jar + 1)), List.copyOf(command.subList(1, jar)));
	}

	/** Runs the training stage's RUN lines; false, with the reason on stderr, when one fails. */
	static boolean train(Path packageFolder, Path log) {
		try {
			Dockerfile.Stage training = LocalContainer.dockerfile(packageFolder).stage(TRAINING_STAGE);
			Path app = packageFolder.resolve(LocalContainer.APP_FOLDER);
			for (List<String> run : training.runs()) {
				List<String> command = new ArrayList<>(Dockerfile.onThisMachine(run, training.workdir(), app, LocalContainer.java(training)));
				ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
				builder.environment().remove("JAVA_TOOL_OPTIONS");
				builder.environment().putAll(training.env());
				Process process = builder.start();
				if (!process.waitFor(3, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					System.err.println("the container's training stage did not finish in 3 minutes; see " + log);
					return false;
				}
				if (process.exitValue() != 0) {
					System.err.println("the container's training stage failed (exit " + process.exitValue() + "); see " + log);
					return false;
				}
			}
			return true;
		}
		catch (IOException | RuntimeException e) {
			System.err.println("the container's training stage could not run: " + e);
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
