package dev.polyfn.maven;

import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.polyfn.local.events.Cloud;
import dev.polyfn.local.events.Trigger;

/**
 * Serves the package locally under the cloud's runtime on a port until stopped (Ctrl-C): polyfn's web server
 * ({@code web}), the Functions Framework (gcp), FC's bootstrap (aliyun), SCF's scf_bootstrap web function (tencent),
 * Lambda's runtime interface client behind an HTTP API's payload 2.0 mapping (aws), or Azure's custom-handler
 * package (polyfn's own HTTP server, started by its {@code polyfn-handler.sh}) behind what the Functions host does
 * for it: the routes its function.json files declare forwarded as they came, any other answered 404 with an empty
 * body (azure; the .NET host itself and its function keys are not run). Every function answers
 * {@code POST /<name>}, on Azure the HTTP functions the package declares at {@code POST /api/<name>}.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class RunMojo extends AbstractPolyfnMojo {

	/** The port to serve on. */
	@Parameter(property = "polyfn.port", defaultValue = "8080")
	private int port;

	@Override
	public void execute() throws MojoExecutionException {
		Cloud chosen = cloud();
		Path artifact = chosen == Cloud.WEB ? null : packaged(CloudTarget.of(chosen).orElseThrow());
		Invocation invocation = new Invocation(chosen, Trigger.HTTP, "", new byte[0], null, artifact, workDir(chosen.id() + "-run"));
		try (Serving serving = new LocalClouds(this).of(chosen).serve(invocation, port)) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					serving.close();
				}
				catch (Exception ignored) {
					// stopping anyway
				}
			}));
			System.out.println("[polyfn] " + chosen.id() + " serving on " + serving.url() + " (POST " + (chosen == Cloud.AZURE ? "/api" : "") + "/<function>); log: "
					+ serving.process().logFile() + "; Ctrl-C stops");
			serving.process().process().waitFor();
			System.out.println("[polyfn] the runtime exited with " + serving.process().process().exitValue() + ":\n"
					+ serving.process().log());
		}
		catch (UnsupportedOperationException e) {
			throw new MojoExecutionException(e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (Exception e) {
			throw new MojoExecutionException("The local " + chosen.id() + " runtime failed: " + e, e);
		}
	}
}
