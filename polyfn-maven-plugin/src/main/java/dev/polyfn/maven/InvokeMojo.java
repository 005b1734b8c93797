package dev.polyfn.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.polyfn.local.events.Cloud;
import dev.polyfn.local.events.EventSettings;
import dev.polyfn.local.events.SampleEvents;
import dev.polyfn.local.events.Trigger;

/**
 * Invokes one function of the packaged artifact locally under the cloud's own runtime, with an event file: the
 * {@code sls invoke local} / {@code sam local invoke -e} of polyfn. A raw payload is wrapped in the cloud's event for
 * the trigger (HTTP by default); a file that already is such an event goes in as it is. Prints the cloud's response,
 * the function's log lines, the cold start and the invocation time; fails the build when the invocation failed.
 */
@Mojo(name = "invoke", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class InvokeMojo extends AbstractPolyfnMojo {

	/** The function (bean) to invoke. */
	@Parameter(property = "polyfn.function", required = true)
	private String function;

	/** The event or payload file; none sends an empty body. */
	@Parameter(property = "polyfn.event")
	private File event;

	/** The trigger the function is deployed with: http, queue, storage, schedule or pubsub. */
	@Parameter(property = "polyfn.trigger", defaultValue = "http")
	private String trigger;

	/** The Content-Type of an HTTP payload. */
	@Parameter(property = "polyfn.contentType", defaultValue = "application/json")
	private String contentType;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		Cloud chosen = cloud();
		Trigger chosenTrigger = trigger();
		if (chosen == Cloud.WEB && chosenTrigger != Trigger.HTTP) {
			throw new MojoExecutionException("polyfn's web server takes HTTP only, not polyfn.trigger=" + trigger
					+ " (-Dpolyfn.cloud=container delivers events as Knative does)");
		}
		byte[] payload = payload();
		String text = new String(payload, StandardCharsets.UTF_8);
		boolean asIs = SampleEvents.isPlainHttp(chosen, chosenTrigger) || SampleEvents.isCloudEvent(chosen, text);
		byte[] cloudEvent;
		try {
			cloudEvent = asIs ? payload : SampleEvents.of(chosen, chosenTrigger, EventSettings.defaults()
				.withFunction(function).withBody(text).withContentType(contentType)).getBytes(StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw new MojoExecutionException(e.getMessage());
		}
		LocalClouds clouds = new LocalClouds(this);
		Path artifact = chosen == Cloud.WEB ? null : packaged(CloudTarget.of(chosen).orElseThrow());
		Invocation invocation = new Invocation(chosen, chosenTrigger, function, cloudEvent, contentType, artifact,
				workDir(chosen.id() + "-" + function));
		PrintStream out = System.out;
		String input = SampleEvents.isPlainHttp(chosen, chosenTrigger) ? "the request body"
				: asIs ? "the " + chosen.id() + " event as given"
						: "the payload wrapped in " + (chosenTrigger == Trigger.HTTP ? "an HTTP" : "a " + chosenTrigger.id()) + " event";
		out.println("[polyfn] " + chosen.id() + ": " + clouds.describe(chosen, chosenTrigger) + ", function " + function + ", "
				+ input + (event == null ? " (empty)" : " from " + event));
		InvocationOutcome outcome;
		try {
			outcome = clouds.of(chosen).invoke(invocation);
		}
		catch (MojoExecutionException e) {
			throw e;
		}
		catch (Exception e) {
			throw new MojoExecutionException("The local " + chosen.id() + " runtime failed: " + e, e);
		}
		print(out, outcome);
		if (outcome.failed()) {
			throw new MojoFailureException("The " + chosen.id() + " invocation of '" + function + "' failed (response above)");
		}
	}

	private static void print(PrintStream out, InvocationOutcome outcome) {
		out.println("---- function log ----");
		out.println(outcome.log().strip());
		out.println("---- response ----");
		out.println(outcome.response());
		if (outcome.functionAnswer() != null && !outcome.functionAnswer().equals(outcome.response())) {
			out.println("---- " + outcome.answerSource() + " ----");
			out.println(outcome.functionAnswer());
		}
		out.printf("[polyfn] cold start %.0f ms (runtime start to answer), invocation %.0f ms%n", outcome.coldStartMillis(),
				outcome.invocationMillis());
	}

	private Trigger trigger() throws MojoExecutionException {
		try {
			return Trigger.of(trigger);
		}
		catch (IllegalArgumentException e) {
			throw new MojoExecutionException(e.getMessage());
		}
	}

	private byte[] payload() throws MojoExecutionException {
		if (event == null) {
			return new byte[0];
		}
		File file = event.isAbsolute() ? event : new File(project.getBasedir(), event.getPath());
		try {
			return Files.readAllBytes(file.toPath());
		}
		catch (IOException e) {
			throw new MojoExecutionException("polyfn.event=" + event + ": cannot read " + file, e);
		}
	}
}
