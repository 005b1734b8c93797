package dev.polyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import dev.polyfn.local.events.Cloud;

/** What the goals that run a package share: the project, the cloud, the package's freshness, the runtimes. */
abstract class AbstractPolyfnMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	protected MavenProject project;

	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	protected MavenSession session;

	@Component
	protected RepositorySystem repositorySystem;

	/** The cloud: web, aws, azure, gcp, aliyun, tencent, openwhisk or container. */
	@Parameter(property = "polyfn.cloud")
	protected String cloud;

	@Parameter(defaultValue = "${plugin}", readonly = true, required = true)
	protected PluginDescriptor plugin;

	/** The application class the packages start; by default the one @SpringBootApplication class. */
	@Parameter(property = "start-class")
	protected String startClass;

	protected Cloud cloud() throws MojoExecutionException {
		if (cloud == null || cloud.isBlank()) {
			throw new MojoExecutionException("Set the cloud: -Dpolyfn.cloud=<" + Cloud.ids().replace(", ", "|") + ">");
		}
		try {
			return Cloud.of(cloud);
		}
		catch (IllegalArgumentException e) {
			throw new MojoExecutionException(e.getMessage());
		}
	}

	protected ProjectLayout layout() {
		return ProjectLayout.of(project);
	}

	protected RuntimeArtifacts runtimes() {
		return new RuntimeArtifacts(repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories());
	}

	/** The runtime class path of the project: its classes and runtime dependencies (polyfn's web server runs on it). */
	protected List<Path> runtimeClassPath() {
		List<Path> classPath = new ArrayList<>(List.of(layout().classesDir()));
		for (Artifact artifact : project.getArtifacts()) {
			String scope = artifact.getScope();
			if (artifact.getFile() != null && (scope == null || scope.equals("compile") || scope.equals("runtime"))) {
				classPath.add(artifact.getFile().toPath());
			}
		}
		return classPath;
	}

	/**
	 * The cloud's packaged artifact, packaged first when it is missing or older than the project's sources or
	 * classes: here when the project's class path holds the cloud's adapter and the classes are current, else by
	 * the project's own {@code mvn -P<cloud> package} (the profile of the cloud's id adds the adapter).
	 */
	protected Path packaged(CloudTarget target) throws MojoExecutionException {
		ProjectLayout layout = layout();
		try {
			Optional<Path> artifact = target.packagedArtifact(layout);
			long classes = layout.classesModified();
			long sources = newestSource();
			if (artifact.isPresent() && classes > 0 && artifact.get().toFile().lastModified() >= Math.max(classes, sources)) {
				getLog().info("polyfn: reusing " + layout.basedir().relativize(artifact.get()) + " (up to date)");
				return artifact.get();
			}
			CloudPackaging packaging = new CloudPackaging(project, getLog());
			if (packaging.hasAdapter(target) && classes >= sources && classes > 0) {
				packageHere(packaging, target);
			}
			else {
				new ProjectBuild(project, session, getLog()).packageFor(target);
			}
			return target.packagedArtifact(layout).orElseThrow(() -> new MojoExecutionException("Packaging for "
					+ target.id() + " wrote no artifact under " + target.outputDir(layout)));
		}
		catch (IOException e) {
			throw new MojoExecutionException("Could not read " + layout.buildDir(), e);
		}
	}

	/** Runs the cloud's packaging in this build (the project's classes are current and its adapter is there). */
	protected void packageHere(CloudPackaging packaging, CloudTarget target) throws MojoExecutionException {
		packaging.run(target, startClass, target == CloudTarget.AZURE ? runtimes().azureFunctionsLibrary() : List.of(),
				packagingJar(), packagerProperties(target));
	}

	/** polyfn-packaging, a dependency of this plugin: the packagers run from it in a JVM of their own. */
	private Path packagingJar() throws MojoExecutionException {
		return pluginDependency("polyfn-packaging");
	}

	/** The jar of one of this plugin's own dev.polyfn dependencies, to put on a child JVM's class path. */
	protected Path pluginDependency(String artifactId) throws MojoExecutionException {
		Artifact artifact = plugin.getArtifactMap().get("dev.polyfn:" + artifactId);
		if (artifact == null || artifact.getFile() == null) {
			throw new MojoExecutionException("polyfn-maven-plugin has no dev.polyfn:" + artifactId + " among its dependencies");
		}
		return artifact.getFile().toPath();
	}

	/**
	 * The build's {@code polyfn.<cloud>.*} settings (project properties, then {@code -D} on the command line), which
	 * that cloud's packager reads as system properties, e.g. {@code -Dpolyfn.tencent.cds=false}.
	 */
	private Map<String, String> packagerProperties(CloudTarget target) {
		String prefix = "polyfn." + target.id() + ".";
		Map<String, String> settings = new TreeMap<>();
		for (Properties source : List.of(project.getProperties(), session.getSystemProperties(), session.getUserProperties())) {
			source.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
				.forEach(key -> settings.put(key, source.getProperty(key)));
		}
		return settings;
	}

	private long newestSource() throws IOException {
		long newest = project.getFile() == null ? 0 : project.getFile().lastModified();
		Path main = layout().basedir().resolve("src").resolve("main");
		if (Files.isDirectory(main)) {
			try (var files = Files.walk(main)) {
				newest = Math.max(newest, files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified()).max().orElse(0));
			}
		}
		return newest;
	}

	protected Path workDir(String name) throws MojoExecutionException {
		Path dir = layout().buildDir().resolve("polyfn-local").resolve(name);
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new MojoExecutionException("Could not create " + dir, e);
		}
	}
}
