package dev.polyfn.packaging.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.polyfn.packaging.AheadOfTime;
import dev.polyfn.packaging.ApplicationProperties;
import dev.polyfn.packaging.CloudRuntime;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.packaging.DeploySummary;

/**
 * The last step of {@code mvn -Pcontainer package}: it adds the ahead-of-time bean definitions to the thin
 * application jar the build laid out in {@code image/app/} (with its {@code lib/}), then writes under
 * {@code target/polyfn/container/}
 * <ul>
 * <li>{@code Dockerfile}: the image for Knative, Cloud Run and any Kubernetes ({@link ContainerImage});</li>
 * <li>{@code Dockerfile.openfaas}: the same app behind OpenFaaS's of-watchdog;</li>
 * <li>{@code service.yaml}: the Knative Service ({@link KnativeService});</li>
 * <li>{@code stack.yml}: the OpenFaaS stack ({@link OpenFaasStack});</li>
 * <li>{@code DEPLOY.md}: the image build and push with Jib Core (no Docker daemon, {@link JibImage}), {@code kubectl apply},
 * {@code faas-cli deploy} and {@code gcloud run deploy}, as the build prints them.</li>
 * </ul>
 * Arguments: the classes folder, the output folder, the jar's name ({@code finalName}), the project version, the
 * project folder. Settings: {@link ContainerSettings}.
 */
public final class ContainerPackager {

	/** The Jib Core release polyfn-maven-plugin builds images with (Maven Central, resolved here 2026-12-07). */
	public static final String JIB_CORE_VERSION = "0.27.3";

	static final String DEFAULT_REGION = "us-central1";

	private ContainerPackager() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 5) {
			throw new IllegalArgumentException("usage: ContainerPackager <classes dir> <output dir> <final name> <version> <project dir>");
		}
		Path classes = Paths.get(args[0]);
		Path out = Paths.get(args[1]);
		String finalName = args[2];
		Path project = Paths.get(args[4]).toAbsolutePath();
		Path jar = out.resolve("image").resolve("app").resolve(finalName + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The application jar " + jar + " is missing: polyfn-maven-plugin lays it out first");
		}
		// The image's server runs as polyfn.cloud=web (its entrypoint sets none), so the bean definitions are generated so.
		String startUp = AheadOfTime.addToPackage(jar, "web", out.toAbsolutePath().getParent().getParent()
			.resolve("polyfn-aot").resolve("container"));
		Properties application = ApplicationProperties.fromClassesDir(classes);
		CloudRuntime base = CloudRuntimes.target("container", application);
		ContainerSettings settings = ContainerSettings.from(System.getProperties(), application, finalName, args[3]);
		ContainerImage image = new ContainerImage(base, jar.getFileName().toString());
		OpenFaasStack stack = new OpenFaasStack(settings, image);

		write(out.resolve("Dockerfile"), image.dockerfile());
		write(out.resolve("Dockerfile.openfaas"), image.openFaasDockerfile(stack));
		write(out.resolve("service.yaml"), KnativeService.yaml(settings));
		write(out.resolve("stack.yml"), stack.yaml());
		summary(settings, image, jar, out, project).fact("Start-up", startUp).writeAndPrint(out);
	}

	/** {@code gcloud run deploy}: Cloud Run runs the same image; it sets PORT to {@code --port}. */
	static List<String> cloudRunCommands(ContainerSettings settings) {
		StringBuilder deploy = new StringBuilder("gcloud run deploy ").append(settings.name())
			.append(" --image=").append(settings.image())
			.append(" --port=").append(ContainerImage.PORT)
			.append(" --region=$REGION")
			.append(" --memory=").append(settings.memory())
			// Callers need an identity token; allow unauthenticated calls only for a public service.
			.append(" --no-allow-unauthenticated");
		if (settings.definition() != null) {
			// gcloud splits --set-env-vars at commas; polyfn takes '|' for a composition as well.
			deploy.append(" --set-env-vars=SPRING_CLOUD_FUNCTION_DEFINITION=").append(settings.definition().replace(',', '|'));
		}
		return List.of("REGION=${REGION:-" + DEFAULT_REGION + "}", deploy.toString());
	}

	private static DeploySummary summary(ContainerSettings settings, ContainerImage image, Path jar, Path out, Path project) {
		String dir = project.relativize(out.toAbsolutePath()).toString().replace('\\', '/');
		String imageArg = settings.image();
		List<String> build = new ArrayList<>();
		build.add("# Build and push with Jib Core, no Docker daemon: polyfn-maven-plugin's package goal does it when the image is set");
		build.add("mvn -Pcontainer package -Dpolyfn.container.image=" + imageArg);
		build.add("# Or an image tarball, nothing pushed (Docker format: docker load -i, crane push, skopeo copy docker-archive:...):");
		build.add("mvn -Pcontainer package -Dpolyfn.container.image=tar:target/" + settings.name() + ".tar");
		build.add("# Without access to the base image's registry, from a copy of it (crane pull " + image.base().id()
				+ " base.tar, or docker save): add -Dpolyfn.container.from=tar://base.tar");
		build.add("# With a Docker daemon or any OCI builder instead (the two-stage Dockerfile: the AOT cache is trained there):");
		build.add("docker build -t " + imageArg + " " + dir + " && docker push " + imageArg);
		build.add("# The OpenFaaS variant (of-watchdog in front; any OCI builder: docker, buildah, kaniko):");
		build.add("docker build -f " + dir + "/Dockerfile.openfaas -t " + settings.openFaasImage() + " " + dir);
		List<String> notes = List.of(
				"One image serves every function at `POST /<function>` (`/` the default); `GET " + KnativeService.HEALTH_PATH
						+ "` is the probe. Without SPRING_CLOUD_FUNCTION_DEFINITION every function is served by its path.",
				"`-Dpolyfn.container.image` makes polyfn-maven-plugin's package goal build the image with Jib Core "
						+ JIB_CORE_VERSION + " from `" + dir + "/image/app/` on `" + image.base().id() + "` with the Dockerfile's"
						+ " layers, entrypoint, user and port, and push it (log in to the registry first, e.g."
						+ " `gcloud auth configure-docker` or `docker login`; Jib reads those credentials), in any project,"
						+ " whatever its parent.",
				image.trainsCache()
						? "Start-up: `docker build` runs a training stage on the base image's own JVM (`" + String.join(" ",
								image.trainingCommand()) + "`: the health probe and the error paths, no function) and the image"
								+ " starts with `-XX:AOTCache=" + ContainerImage.AOT_CACHE + "` (JDK 25, JEP 483 and 514). A Jib"
								+ " image runs no build step: it starts without the cache, the same entrypoint less that flag."
						: "Start-up: no AOT cache (the base image's Java " + image.base().java() + " has no -XX:AOTCacheOutput).",
				"Knative sends SIGTERM before stopping an instance: the JVM (PID 1, exec-form entrypoint) drains the"
						+ " requests in flight within `polyfn.http.drain-deadline` (10 s by default).",
				"Events: Knative Eventing delivers CloudEvents in binary or structured mode to `POST /<function>`; a result"
						+ " is the reply event (200), none is 202; 400/413/415 are not retried, 5xx are.",
				"Locally, as the image runs it (its entrypoint, /app being " + dir + "/image/app/): `mvn polyfn:invoke"
						+ " -Dpolyfn.cloud=container -Dpolyfn.function=<name> -Dpolyfn.event=<file>`; an event trigger"
						+ " (`-Dpolyfn.trigger=queue`) is sent as a binary-mode CloudEvent.");
		return DeploySummary.titled("Container package (Knative, Cloud Run, OpenFaaS)")
			.artifact("Application jar", jar, project)
			.fact("Dependencies", dir + "/image/app/lib/ (" + countJars(jar.resolveSibling("lib")) + " jars, an image layer of their own)")
			.fact("Base image", "`" + image.base().id() + "` (Java " + image.base().java() + ", " + image.base().os()
					+ "; set polyfn.container.runtime in application.properties for another)")
			.fact("Checked against", image.base().citation())
			.fact("Entrypoint", "`" + image.commandLine() + "` as user " + ContainerImage.USER + ", PORT " + ContainerImage.PORT)
			.fact("Image", settings.imageConfigured() ? "`" + settings.image() + "`"
					: "not set: the lines below and the descriptors say `" + settings.image() + "`; replace REGISTRY, or"
							+ " package with -Dpolyfn.container.image=<registry>/<name>:<tag>")
			.notes("How it runs", notes)
			.commands("Image (run from the project folder)", build)
			.commands("Knative", List.of("kubectl apply -f " + dir + "/service.yaml",
					"kubectl get ksvc " + settings.name() + "   # the URL, once READY is True"))
			.commands("OpenFaaS", List.of("faas-cli deploy -f " + dir + "/stack.yml"))
			.commands("Cloud Run", cloudRunCommands(settings));
	}

	private static long countJars(Path lib) {
		try (var files = Files.list(lib)) {
			return files.filter(f -> f.toString().endsWith(".jar")).count();
		}
		catch (IOException e) {
			return 0;
		}
	}

	private static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}
}
