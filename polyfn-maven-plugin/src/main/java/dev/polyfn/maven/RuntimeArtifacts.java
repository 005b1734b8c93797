package dev.polyfn.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The clouds' own runtimes, fetched from the project's repositories like any artifact (never put on the plugin's
 * class path: they run in the child processes): the Lambda runtime interface client with what it needs, the
 * Functions Framework invoker (one self-contained jar), OpenWhisk's Gson, and azure-functions-java-library (which the Azure worker
 * provides to functions). Versions come from polyfn-parent (runtimes.properties).
 */
final class RuntimeArtifacts {

	private static final Properties COORDINATES = load();

	private final RepositorySystem system;
	private final RepositorySystemSession session;
	private final List<RemoteRepository> repositories;

	RuntimeArtifacts(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
		this.system = system;
		this.session = session;
		this.repositories = repositories;
	}

	List<Path> lambdaRuntimeClient() throws MojoExecutionException {
		return withDependencies("aws-lambda-java-runtime-interface-client");
	}

	Path functionsFrameworkInvoker() throws MojoExecutionException {
		return single("java-function-invoker");
	}

	/** The Gson the OpenWhisk Java runtime's proxy runs on (polyfn-local's emulated proxy is given it). */
	Path openWhiskGson() throws MojoExecutionException {
		return single("openwhisk-gson");
	}

	/** azure-functions-java-library and the core library (HttpRequestMessage, ExecutionContext) it depends on. */
	List<Path> azureFunctionsLibrary() throws MojoExecutionException {
		return withDependencies("azure-functions-java-library");
	}

	private List<Path> withDependencies(String name) throws MojoExecutionException {
		String coordinates = COORDINATES.getProperty(name);
		CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(coordinates), "runtime"), repositories);
		try {
			return system.resolveDependencies(session, new DependencyRequest(collect, null)).getArtifactResults().stream()
				.map(result -> result.getArtifact().getFile().toPath())
				.toList();
		}
		catch (DependencyResolutionException e) {
			throw new MojoExecutionException("Could not fetch " + coordinates + ": " + e.getMessage(), e);
		}
	}

	private Path single(String name) throws MojoExecutionException {
		String coordinates = COORDINATES.getProperty(name);
		try {
			return system.resolveArtifact(session, new ArtifactRequest(new DefaultArtifact(coordinates), repositories, null))
				.getArtifact().getFile().toPath();
		}
		catch (ArtifactResolutionException e) {
			throw new MojoExecutionException("Could not fetch " + coordinates + ": " + e.getMessage(), e);
		}
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = RuntimeArtifacts.class.getResourceAsStream("runtimes.properties")) {
			properties.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}
}
