package dev.polyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.maven.project.MavenProject;

/** The folders and names of the project being packaged or invoked. */
record ProjectLayout(Path basedir, Path buildDir, Path classesDir, String artifactId, String version, String finalName) {

	static ProjectLayout of(MavenProject project) {
		return new ProjectLayout(project.getBasedir().toPath(), Path.of(project.getBuild().getDirectory()),
				Path.of(project.getBuild().getOutputDirectory()), project.getArtifactId(), project.getVersion(),
				project.getBuild().getFinalName());
	}

	/** When the newest compiled class or resource was written; 0 when nothing is compiled. */
	long classesModified() throws IOException {
		if (!Files.isDirectory(classesDir)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(classesDir)) {
			return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
		}
	}
}
