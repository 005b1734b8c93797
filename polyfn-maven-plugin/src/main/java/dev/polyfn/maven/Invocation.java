package dev.polyfn.maven;

import java.nio.file.Path;

import dev.polyfn.local.events.Cloud;
import dev.polyfn.local.events.Trigger;

/**
 * One local invocation: the function, the trigger it is deployed with, the event as the cloud sends it (for a
 * plain-HTTP cloud, the request body) and its content type, the packaged artifact, and a work folder for the
 * unpacked code, logs and results.
 */
record Invocation(Cloud cloud, Trigger trigger, String function, byte[] event, String contentType, Path artifact,
		Path workDir) {

	/** The definition a deployment of this function sets; an HTTP call routes by path instead (see {@link #path()}). */
	String definitionForEvents() {
		return trigger == Trigger.HTTP ? null : function;
	}

	/** HTTP calls go to /<function>, so that an unknown name gets the cloud's 404 answer rather than a failed start. */
	String path() {
		return "/" + function;
	}
}
