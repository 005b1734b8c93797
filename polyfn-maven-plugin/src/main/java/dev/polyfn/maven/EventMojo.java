package dev.polyfn.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.polyfn.local.events.Cloud;
import dev.polyfn.local.events.EventSettings;
import dev.polyfn.local.events.SampleEvents;
import dev.polyfn.local.events.Trigger;

/**
 * Writes a sample event for a cloud and trigger, shaped as the vendor documents it (polyfn's own events, made by
 * code), so that {@code polyfn:event} then {@code polyfn:invoke -Dpolyfn.event=<file> -Dpolyfn.trigger=<trigger>}
 * is a complete local test. The {@code polyfn.set.*} properties fill in the bucket, key, body, queue and schedule.
 */
@Mojo(name = "event", requiresProject = false, threadSafe = true)
public class EventMojo extends AbstractMojo {

	/** The cloud: aws, azure, gcp, aliyun or tencent. */
	@Parameter(property = "polyfn.cloud", required = true)
	private String cloud;

	/** The trigger: http, queue, storage, schedule or pubsub. */
	@Parameter(property = "polyfn.trigger", defaultValue = "http")
	private String trigger;

	/** The file to write. */
	@Parameter(property = "polyfn.output", defaultValue = "event.json")
	private File output;

	/** An HTTP event's function (its path is /&lt;function&gt;). */
	@Parameter(property = "polyfn.function")
	private String function;

	/** The HTTP body, or the queue or topic message. */
	@Parameter(property = "polyfn.set.body")
	private String body;

	/** The storage bucket (container on Azure). */
	@Parameter(property = "polyfn.set.bucket")
	private String bucket;

	/** The storage object's key (blob name). */
	@Parameter(property = "polyfn.set.key")
	private String key;

	/** The queue or topic. */
	@Parameter(property = "polyfn.set.queue")
	private String queue;

	/** The schedule's (rule's, timer's) name. */
	@Parameter(property = "polyfn.set.schedule")
	private String schedule;

	/** The content type of the body or object. */
	@Parameter(property = "polyfn.set.contentType")
	private String contentType;

	@Override
	public void execute() throws MojoExecutionException {
		String json;
		try {
			json = SampleEvents.of(Cloud.of(cloud), Trigger.of(trigger), new EventSettings(function, body, contentType,
					bucket, key, queue, schedule));
		}
		catch (IllegalArgumentException e) {
			throw new MojoExecutionException(e.getMessage());
		}
		try {
			if (output.getAbsoluteFile().getParentFile() != null) {
				Files.createDirectories(output.getAbsoluteFile().getParentFile().toPath());
			}
			Files.writeString(output.toPath(), json, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new MojoExecutionException("Could not write " + output, e);
		}
		System.out.println("[polyfn] " + cloud + " " + trigger + " event written to " + output);
		System.out.println(json);
	}
}
