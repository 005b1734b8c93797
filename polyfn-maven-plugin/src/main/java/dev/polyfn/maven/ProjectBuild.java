package dev.polyfn.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The project's own {@code mvn -P<cloud> package -DskipTests}, run in its folder with this build's Maven, settings
 * and local repository: how invoke and run package a cloud whose adapter only a profile adds.
 */
final class ProjectBuild {

	private final MavenProject project;
	private final MavenSession session;
	private final Log log;

	ProjectBuild(MavenProject project, MavenSession session, Log log) {
		this.project = project;
		this.session = session;
		this.log = log;
	}

	void packageFor(CloudTarget target) throws MojoExecutionException {
		List<String> command = new ArrayList<>(List.of(mvn(), "-B", "-q", "-P" + target.id(), "package", "-DskipTests",
				"-Dpolyfn.cloud=" + target.id()));
		File settings = session.getRequest().getUserSettingsFile();
		if (settings != null && settings.isFile()) {
			command.add("-s");
			command.add(settings.getAbsolutePath());
		}
		command.add("-Dmaven.repo.local=" + session.getLocalRepository().getBasedir());
		if (session.isOffline()) {
			command.add("-o");
		}
		log.info("polyfn: packaging for " + target.id() + ": " + String.join(" ", command.subList(1, command.size())));
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(project.getBasedir()).inheritIO();
			builder.environment().remove("MAVEN_CMD_LINE_ARGS");
			int exit = builder.start().waitFor();
			if (exit != 0) {
				throw new MojoExecutionException("mvn -P" + target.id() + " package failed (exit " + exit + "); its output is above");
			}
		}
		catch (IOException e) {
			throw new MojoExecutionException("Could not run " + command, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("Interrupted while packaging for " + target.id(), e);
		}
	}

	private static String mvn() {
		String home = System.getProperty("maven.home");
		if (home != null) {
			File bin = new File(home, "bin/mvn");
			if (bin.canExecute()) {
				return bin.getAbsolutePath();
			}
		}
		return "mvn";
	}
}
