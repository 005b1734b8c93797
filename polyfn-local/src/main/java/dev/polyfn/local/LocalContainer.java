package dev.polyfn.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container package's image run on this machine without a container engine: the {@code ENTRYPOINT} of its
 * {@code Dockerfile} (the final stage) exactly as the image runs it, with the image's app folder ({@code WORKDIR},
 * {@code /app}) being the package's {@code image/app/}, the stage's {@code ENV} (with {@code PORT} set to the port
 * asked for, as Knative and Cloud Run set it) and {@code java} the JDK of the base image's Java version
 * ({@link LocalJvms}). Closing it sends SIGTERM, as the platform does before it stops an instance.
 */
public final class LocalContainer {

	/** The package's folder that the image's {@code /app} is copied from. */
	public static final String APP_FOLDER = "image/app";

	private LocalContainer() {
	}

	/** The Dockerfile of a container package folder ({@code target/polyfn/container}). */
	public static Dockerfile dockerfile(Path packageFolder) throws IOException {
		Path file = packageFolder.resolve("Dockerfile");
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("No Dockerfile in " + packageFolder + ": package with mvn -Pcontainer package first");
		}
		return Dockerfile.parse(Files.readString(file));
	}

	/** The image's entrypoint as this machine runs it. */
	public static List<String> command(Path packageFolder) throws IOException {
		Dockerfile.Stage image = dockerfile(packageFolder).image();
		if (image.entrypoint().isEmpty()) {
			throw new IllegalStateException("The Dockerfile in " + packageFolder + " has no exec-form ENTRYPOINT");
		}
		return Dockerfile.onThisMachine(image.entrypoint(), image.workdir(), packageFolder.resolve(APP_FOLDER), java(image));
	}

	/** The JDK this machine starts the image's commands with: the base image's Java version where installed. */
	public static Path java(Dockerfile.Stage stage) {
		return LocalJvms.java(stage.javaVersion());
	}

	/** Starts the image's entrypoint listening on {@code port}; {@code env} is added to the image's environment. */
	public static LocalServer start(Path packageFolder, int port, Map<String, String> env, Path log) throws IOException {
		Dockerfile.Stage image = dockerfile(packageFolder).image();
		Map<String, String> environment = new HashMap<>(image.env());
		environment.putAll(env);
		environment.put("PORT", Integer.toString(port));
		LocalProcess process = LocalProcess.start(command(packageFolder), packageFolder.resolve(APP_FOLDER), environment, log);
		return new LocalServer(process, port);
	}
}
