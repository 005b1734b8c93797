package dev.polyfn.packaging.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;

import dev.polyfn.packaging.CloudRuntime;
import dev.polyfn.packaging.CloudRuntimes;

/**
 * {@code -Dpolyfn.container.image=<registry>/<name>:<tag>} (or {@code tar:<path>}): the container package's image
 * built with Jib Core, no Docker daemon, for any project (polyfn-maven-plugin's package goal calls it after the
 * packager). It is the Dockerfile's final stage: the base image, {@code /app} as the working directory, the
 * dependencies as one layer and the application jar as another (so a rebuild that changes only the app pushes one
 * small layer), user {@link ContainerImage#USER}, {@code PORT}, the exposed port and the exec-form entrypoint. Jib
 * runs no build step, so the image has no training stage and starts without the AOT cache
 * ({@link ContainerImage#entrypointWithoutCache()}). Registry credentials come from where Jib's own plugins read them:
 * the Docker config ({@code docker login}), the well-known credential helpers ({@code gcloud auth
 * configure-docker}, ECR, ACR) and Google's application default credentials. Jib Core API from
 * GoogleContainerTools/jib jib-core/README.md (read 2026-12-07).
 */
public final class JibImage {

	/** The {@code polyfn.container.image} prefix that writes a tarball instead of pushing. */
	public static final String TAR_PREFIX = "tar:";

	private JibImage() {
	}

	/**
	 * Builds the image of the package in {@code packageFolder} ({@code target/polyfn/container}) to {@code target}.
	 *
	 * @param application the application's application.properties (its {@code polyfn.container.runtime})
	 * @param jarName the application jar in {@code image/app/}
	 * @param from where to take the base image from instead of its registry ({@code polyfn.container.from}: a mirror's
	 *        reference, {@code tar://<path>} of a {@code docker save}d or {@code crane pull}ed copy for a build without
	 *        access to the registry, or {@code docker://<image>} from a daemon); null: the base image's registry
	 * @return what was built, for the build log
	 */
	public static String build(Path packageFolder, Properties application, String jarName, String target, String from,
			Consumer<String> log) throws Exception {
		CloudRuntime base = CloudRuntimes.target("container", application);
		ContainerImage image = new ContainerImage(base, jarName);
		JibContainerBuilder builder = from == null || from.isBlank() ? onBase(base.id(), log) : Jib.from(from.trim());
		layered(builder, image, packageFolder.resolve("image").resolve("app"));
		JibContainer built = builder.containerize(containerizer(target, ContainerSettings.dnsLabel(jarName.replaceAll("\\.jar$", "")), log));
		return (target.startsWith(TAR_PREFIX) ? "image tarball " + target.substring(TAR_PREFIX.length()) : "image " + target)
				+ " (" + built.getDigest() + ") on " + base.id() + (from == null || from.isBlank() ? "" : " from " + from)
				+ ", built with Jib Core";
	}

	/**
	 * The Dockerfile's final stage on {@code builder}'s base: two layers from {@code appFolder} ({@code image/app/}), the
	 * working directory, user, environment, port and entrypoint.
	 */
	static JibContainerBuilder layered(JibContainerBuilder builder, ContainerImage image, Path appFolder) throws IOException {
		AbsoluteUnixPath app = AbsoluteUnixPath.get(ContainerImage.APP_DIR);
		FileEntriesLayer.Builder dependencies = FileEntriesLayer.builder().setName("dependencies");
		try (Stream<Path> jars = Files.list(appFolder.resolve("lib"))) {
			for (Path jar : jars.sorted().toList()) {
				dependencies.addEntry(jar, app.resolve("lib").resolve(jar.getFileName().toString()));
			}
		}
		FileEntriesLayer application = FileEntriesLayer.builder().setName("application")
			.addEntry(appFolder.resolve(image.jarName()), app.resolve(image.jarName())).build();
		return builder.setFileEntriesLayers(List.of(dependencies.build(), application))
			.setWorkingDirectory(app)
			.setUser(ContainerImage.USER)
			.addEnvironmentVariable("PORT", String.valueOf(ContainerImage.PORT))
			.addExposedPort(Port.tcp(ContainerImage.PORT))
			.setEntrypoint(image.entrypointWithoutCache());
	}

	private static JibContainerBuilder onBase(String base, Consumer<String> log) throws InvalidImageReferenceException {
		ImageReference reference = ImageReference.parse(base);
		return Jib.from(withCredentials(RegistryImage.named(reference), reference, log));
	}

	private static Containerizer containerizer(String target, String name, Consumer<String> log)
			throws InvalidImageReferenceException {
		Containerizer containerizer;
		if (target.startsWith(TAR_PREFIX)) {
			containerizer = Containerizer.to(TarImage.at(Path.of(target.substring(TAR_PREFIX.length())).toAbsolutePath()).named(name));
		}
		else {
			ImageReference reference = ImageReference.parse(target);
			containerizer = Containerizer.to(withCredentials(RegistryImage.named(reference), reference, log));
		}
		return containerizer.setToolName("polyfn").addEventHandler(LogEvent.class, lifecycle(log));
	}

	/** Jib's progress lines a user reads (lifecycle, warnings, errors), not its debug output. */
	private static Consumer<LogEvent> lifecycle(Consumer<String> log) {
		return event -> {
			if (event.getLevel() == LogEvent.Level.LIFECYCLE || event.getLevel() == LogEvent.Level.WARN
					|| event.getLevel() == LogEvent.Level.ERROR) {
				log.accept(event.getMessage());
			}
		};
	}

	private static RegistryImage withCredentials(RegistryImage image, ImageReference reference, Consumer<String> log) {
		CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(reference, lifecycle(log));
		return image.addCredentialRetriever(credentials.dockerConfig())
			.addCredentialRetriever(credentials.wellKnownCredentialHelpers())
			.addCredentialRetriever(credentials.googleApplicationDefaultCredentials());
	}
}
