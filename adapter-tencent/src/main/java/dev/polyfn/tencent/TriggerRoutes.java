package dev.polyfn.tencent;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.deploy.FunctionDeployment.Trigger;
import dev.polyfn.tencent.events.NormalisedEvent.EventBatch;

/**
 * Which function a trigger runs when one SCF event function carries several triggers (the generated
 * {@code serverless.yml} gives the app's single event function one trigger per {@code polyfn.deploy.*} entry):
 * a timer trigger is named after its function, a COS trigger's bucket and a CKafka/CMQ topic are the entry's
 * {@code source}. A configured {@code SPRING_CLOUD_FUNCTION_DEFINITION} always wins over these routes.
 */
final class TriggerRoutes {

	private static final Logger log = LoggerFactory.getLogger(TriggerRoutes.class);

	private final List<FunctionDeployment> plan;

	TriggerRoutes(List<FunctionDeployment> plan) {
		this.plan = List.copyOf(plan);
	}

	/** The plan packaged in the application's {@code application.properties}; empty when there is none. */
	static TriggerRoutes fromClassPath(ClassLoader loader) {
		Properties properties = new Properties();
		try (InputStream in = loader.getResourceAsStream("application.properties")) {
			if (in != null) {
				properties.load(in);
			}
			return new TriggerRoutes(properties.stringPropertyNames().stream().anyMatch(k -> k.startsWith("polyfn.deploy."))
					? DeploymentPlan.from(properties, "function") : List.of());
		}
		catch (IOException | IllegalArgumentException unreadable) {
			log.warn("polyfn.deploy.* routes not used: {}", unreadable.getMessage());
			return new TriggerRoutes(List.of());
		}
	}

	/** The definition deployed for this trigger, or null when no entry matches. */
	String definitionFor(EventBatch batch) {
		if (batch.source() == null) {
			return null;
		}
		for (FunctionDeployment entry : plan) {
			if (matches(entry, batch)) {
				return entry.definition();
			}
		}
		return null;
	}

	private static boolean matches(FunctionDeployment entry, EventBatch batch) {
		String source = batch.source();
		return switch (batch.trigger()) {
			case SCHEDULE -> entry.trigger() == Trigger.SCHEDULE && entry.name().equals(source);
			case STORAGE -> entry.trigger() == Trigger.STORAGE && entry.source() != null
					&& (entry.source().equals(source) || entry.source().startsWith(source + "-"));
			case QUEUE, PUBSUB -> (entry.trigger() == Trigger.QUEUE || entry.trigger() == Trigger.PUBSUB)
					&& source.equals(entry.source());
			case HTTP -> false;
		};
	}
}
