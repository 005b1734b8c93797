package dev.polyfn.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * A {@code main} run in a JVM of its own on a given class path, its output on the build's: how the packagers run
 * (as polyfn-parent's profiles fork them through Ant), so that the project's classes and Spring never load into
 * Maven's JVM.
 */
final class ForkedJava {

	private ForkedJava() {
	}

	static void run(List<Path> classPath, String mainClass, List<String> systemProperties, List<String> arguments)
			throws MojoExecutionException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(systemProperties);
		command.add("-cp");
		command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
		command.add(mainClass);
		command.addAll(arguments);
		try {
			ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
			builder.environment().remove("JAVA_TOOL_OPTIONS");
			int exit = builder.start().waitFor();
			if (exit != 0) {
				throw new MojoExecutionException(mainClass + " failed (exit " + exit + "); its output is above");
			}
		}
		catch (IOException e) {
			throw new MojoExecutionException("Could not start " + mainClass, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("Interrupted while running " + mainClass, e);
		}
	}
}
