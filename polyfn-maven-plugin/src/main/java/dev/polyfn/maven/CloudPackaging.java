package dev.polyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

import dev.polyfn.packaging.ApplicationProperties;
import dev.polyfn.packaging.container.JibImage;

/**
 * {@code -P<cloud> package}: the artifact the cloud runs (a flat jar, or for Azure the application jar with its
 * {@code lib/}), then the cloud's packager (polyfn-packaging, build-time code that never ships) in a JVM of its own on
 * the project's runtime class path, which writes the upload files, descriptors and DEPLOY.md under
 * {@code target/polyfn/<cloud>/} and prints the summary.
 */
final class CloudPackaging {

	private final MavenProject project;
	private final ProjectLayout layout;
	private final Log log;

	CloudPackaging(MavenProject project, Log log) {
		this.project = project;
		this.layout = ProjectLayout.of(project);
		this.log = log;
	}

	/** Whether the project's dependencies hold the cloud's adapter (a profile may add it). */
	boolean hasAdapter(CloudTarget target) {
		return !target.needsAdapter() || project.getArtifacts().stream()
			.anyMatch(a -> a.getGroupId().equals("dev.polyfn") && a.getArtifactId().equals(target.adapterArtifactId()));
	}

	/**
	 * @param packagingJar polyfn-packaging's jar, from the plugin's own dependencies
	 * @param packagerProperties {@code polyfn.<cloud>.*} settings of the build, handed to the packager as system properties
	 */
	void run(CloudTarget target, String configuredStartClass, List<Path> azureLibrary, Path packagingJar,
			Map<String, String> packagerProperties) throws MojoExecutionException {
		if (!hasAdapter(target)) {
			throw new MojoExecutionException("polyfn.cloud=" + target.id() + " needs polyfn's " + target.id()
					+ " adapter on the project's class path: add " + target.adapterDependencyXml()
					+ " (in the profile that sets polyfn.cloud=" + target.id() + ", so no other cloud's artifact holds it)");
		}
		String startClass = StartClass.of(configuredStartClass, layout.classesDir());
		List<Path> runtimeJars = shippedJars(target);
		Path applicationJar = null;
		try {
			if (target == CloudTarget.AZURE) {
				applicationJar = azureApplication(target, startClass, runtimeJars);
			}
			else if (target.isLayered()) {
				layeredApplication(target, startClass, runtimeJars);
			}
			else {
				FlatJar.write(target.flatJar(layout), layout.classesDir(), runtimeJars, startClass);
				log.info("polyfn: " + target.flatJar(layout).getFileName() + " (" + runtimeJars.size() + " dependencies, flat)");
			}
		}
		catch (IOException e) {
			throw new MojoExecutionException("Could not write the " + target.id() + " artifact", e);
		}
		List<Path> classPath = new ArrayList<>();
		classPath.add(layout.classesDir());
		classPath.add(packagingJar);
		project.getArtifacts().stream().filter(a -> a.getFile() != null && isRuntime(a)).forEach(a -> classPath.add(a.getFile().toPath()));
		classPath.addAll(azureLibrary); // Azure: the entry points' annotations, provided by the worker on Azure
		List<String> systemProperties = new ArrayList<>(List.of("-Dpolyfn.main-class=" + startClass,
				"-D" + PACKAGE_CLOUD + "=" + target.id()));
		packagerProperties.forEach((key, value) -> systemProperties.add("-D" + key + "=" + value));
		ForkedJava.run(classPath, target.packagerClass, systemProperties, target.packagerArguments(layout, applicationJar));
		String image = packagerProperties.getOrDefault(CONTAINER_IMAGE, "").trim();
		if (target == CloudTarget.CONTAINER && !image.isEmpty()) {
			buildImage(target, image, packagerProperties.get(CONTAINER_FROM));
		}
	}

	/** The build setting that names the image to build and push (or {@code tar:<path>}). */
	static final String CONTAINER_IMAGE = "polyfn.container.image";

	/** Where the base image comes from instead of its registry: a mirror, {@code tar://<path>}, {@code docker://<image>}. */
	static final String CONTAINER_FROM = "polyfn.container.from";

	/**
	 * The container package's image, built and pushed here with Jib Core (no Docker daemon), from
	 * {@code image/app/} as the Dockerfile lays it out; in this JVM, where the plugin's own Jib is.
	 */
	private void buildImage(CloudTarget target, String image, String from) throws MojoExecutionException {
		log.info("polyfn: building the image " + image + " with Jib Core (no Docker daemon)");
		try {
			log.info("polyfn: " + JibImage.build(target.outputDir(layout),
					ApplicationProperties.fromClassesDir(layout.classesDir()),
					target.containerJar(layout).getFileName().toString(), inProject(image, JibImage.TAR_PREFIX),
					from == null ? null : inProject(from, "tar://"), line -> log.info("jib: " + line)));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("Interrupted while building the image " + image, e);
		}
		catch (Exception e) {
			throw new MojoExecutionException("Jib could not build the image " + image + " (" + CONTAINER_IMAGE + "): " + e
					+ (image.startsWith(JibImage.TAR_PREFIX) ? ""
							: "; log in to the registry first (docker login, gcloud auth configure-docker), Jib reads those credentials"), e);
		}
	}

	/** The cloud a packager packages for, as it reads it (not polyfn.cloud: the ahead-of-time step reads that). */
	static final String PACKAGE_CLOUD = "polyfn.package.cloud";

	/** A {@code <prefix><path>} setting with a relative path made absolute against the project folder, as Maven's paths are. */
	private String inProject(String setting, String prefix) {
		if (!setting.startsWith(prefix)) {
			return setting;
		}
		return prefix + layout.basedir().resolve(setting.substring(prefix.length())).normalize();
	}

	/** Runtime dependencies that go into the cloud's artifact. */
	private List<Path> shippedJars(CloudTarget target) {
		return project.getArtifacts().stream()
			.filter(a -> a.getFile() != null && a.getFile().getName().endsWith(".jar") && isRuntime(a))
			.filter(a -> !target.excludes(a.getGroupId(), a.getArtifactId(), hasLogbackConfiguration()))
			.map(a -> a.getFile().toPath())
			.toList();
	}

	private boolean hasLogbackConfiguration() {
		return CloudTarget.LOGBACK_CONFIGURATIONS.stream().anyMatch(name -> Files.exists(layout.classesDir().resolve(name)));
	}

	private static boolean isRuntime(Artifact artifact) {
		String scope = artifact.getScope();
		return scope == null || scope.equals(Artifact.SCOPE_COMPILE) || scope.equals(Artifact.SCOPE_RUNTIME);
	}

	/** The server that serves the project's functions in the container and the web app: it finds the application by Start-Class. */
	static final String CONTAINER_MAIN_CLASS = "dev.polyfn.core.boot.PolyfnServer";

	/**
	 * The container's {@code app/} or the web app's folder: the thin application jar and its dependencies in
	 * {@code lib/}, named in its {@code Class-Path}; the packager writes the Dockerfile, descriptors or class-data
	 * archive around it.
	 */
	private void layeredApplication(CloudTarget target, String startClass, List<Path> runtimeJars) throws IOException {
		Path jar = target.applicationJar(layout);
		Path lib = jar.resolveSibling("lib");
		if (Files.isDirectory(lib)) {
			try (var stale = Files.list(lib)) {
				for (Path old : stale.toList()) {
					Files.delete(old); // jars of an earlier build (a dependency since removed or upgraded)
				}
			}
		}
		Files.createDirectories(lib);
		List<String> classPath = new ArrayList<>();
		for (Path dependency : runtimeJars) {
			String name = dependency.getFileName().toString();
			if (classPath.contains("lib/" + name)) {
				continue; // two artifacts with one file name: the first one wins, as on a class path
			}
			Files.copy(dependency, lib.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			classPath.add("lib/" + name);
		}
		FlatJar.writeRunnable(jar, layout.classesDir(), startClass, CONTAINER_MAIN_CLASS, classPath);
		String folder = target.outputDir(layout).relativize(jar.getParent()).toString().replace('\\', '/');
		folder = folder.isEmpty() ? "" : folder + "/";
		log.info("polyfn: " + folder + jar.getFileName() + " and " + classPath.size() + " jars in " + folder + "lib/");
	}

	/**
	 * Azure's Java worker loads the application jar (with {@code Start-Class}) and its {@code lib/} from the staging
	 * folder; the packager writes host.json and a function.json per function beside them.
	 */
	private Path azureApplication(CloudTarget target, String startClass, List<Path> runtimeJars) throws IOException {
		Path jar = layout.buildDir().resolve("polyfn-work").resolve("azure").resolve(layout.finalName() + ".jar");
		FlatJar.write(jar, layout.classesDir(), List.of(), startClass);
		Path lib = target.azureStaging(layout).resolve("lib");
		Files.createDirectories(lib);
		for (Path dependency : runtimeJars) {
			Files.copy(dependency, lib.resolve(dependency.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		log.info("polyfn: " + jar.getFileName() + " and " + runtimeJars.size() + " jars in lib/");
		return jar;
	}
}
