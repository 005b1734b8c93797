package dev.polyfn.packaging.azure;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.polyfn.azure.BlobTriggerHandler;
import dev.polyfn.azure.HttpTriggerHandler;
import dev.polyfn.azure.QueueTriggerHandler;
import dev.polyfn.azure.TimerTriggerHandler;
import dev.polyfn.core.deploy.FunctionDeployment.Trigger;
import dev.polyfn.core.deploy.FunctionDeployment;

/**
 * Which entry point serves each polyfn trigger on Azure, and which trigger attributes a deployed function sets in
 * place of the entry point's generic ({@code %APP_SETTING%}) values.
 *
 * <p>A {@code pubsub} function is a Storage queue function on Azure, its topic ({@code source}) a queue of that name
 * in the app's storage account: Queue Storage has no topics, and polyfn's Azure messaging publishes a topic alias to
 * a Storage queue as well (polyfn-messaging-azure's StorageQueueMessagingProvider), so a function that another one's
 * alerts or readings are published to is triggered by that queue, one message per invocation.
 */
enum AzureTriggers {

	HTTP(Trigger.HTTP, HttpTriggerHandler.class) {
		@Override
		Map<String, Object> attributes(FunctionDeployment function, AppSettings app) {
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("authLevel", app.authLevel());
			// The generic function (no polyfn.deploy entries) keeps its {*function} route; a named one is /api/<name>.
			if (function.definition() != null) {
				attributes.put("route", function.name());
			}
			return attributes;
		}
	},
	QUEUE(Trigger.QUEUE, QueueTriggerHandler.class) {
		@Override
		Map<String, Object> attributes(FunctionDeployment function, AppSettings app) {
			return Map.of("queueName", function.source());
		}
	},
	PUBSUB(Trigger.PUBSUB, QueueTriggerHandler.class) {
		@Override
		Map<String, Object> attributes(FunctionDeployment function, AppSettings app) {
			return Map.of("queueName", function.source());
		}
	},
	STORAGE(Trigger.STORAGE, BlobTriggerHandler.class) {
		@Override
		Map<String, Object> attributes(FunctionDeployment function, AppSettings app) {
			return Map.of("path", function.source() + "/{name}");
		}
	},
	SCHEDULE(Trigger.SCHEDULE, TimerTriggerHandler.class) {
		@Override
		Map<String, Object> attributes(FunctionDeployment function, AppSettings app) {
			return Map.of("schedule", NcrontabSchedules.every(function.every()));
		}
	};

	/** The entry point method's name in every handler class. */
	static final String METHOD = "run";

	final Trigger trigger;
	final Class<?> handler;
	AzureTriggers(Trigger trigger, Class<?> handler) {
		this.trigger = trigger;
		this.handler = handler;
	}

	/** Whether the function's trigger is a Storage queue on Azure (queue and pubsub functions). */
	static boolean readsAQueue(FunctionDeployment function) {
		return function.trigger() == Trigger.QUEUE || function.trigger() == Trigger.PUBSUB;
	}

	/** The trigger attributes this deployed function sets (queue name, blob path, schedule, route). */
	abstract Map<String, Object> attributes(FunctionDeployment function, AppSettings app);

	Method entryPoint() {
		return Arrays.stream(handler.getMethods()).filter(m -> m.getName().equals(METHOD)).findFirst()
				.orElseThrow(() -> new IllegalStateException(handler.getName() + " has no method " + METHOD));
	}

	String entryPointName() {
		return handler.getName() + "." + METHOD;
	}

	static boolean supports(Trigger trigger) {
		return Arrays.stream(values()).anyMatch(t -> t.trigger == trigger);
	}

	static AzureTriggers of(Trigger trigger) {
		return Arrays.stream(values()).filter(t -> t.trigger == trigger).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No Azure trigger for " + trigger));
	}

	/** Human-readable description for the build summary. */
	String describe(FunctionDeployment function, AppSettings app) {
		Map<String, Object> attributes = attributes(function, app);
		return switch (this) {
			case HTTP -> "HTTP trigger, " + (function.definition() == null ? "/api/{function}" : "/api/" + function.name())
					+ ", auth level " + app.authLevel();
			case QUEUE -> "Storage queue trigger, queue '" + attributes.get("queueName") + "'";
			case PUBSUB -> "Storage queue trigger, queue '" + attributes.get("queueName") + "' (its pubsub topic: Azure Storage has no topics)";
			case STORAGE -> "Blob trigger, path '" + attributes.get("path") + "'";
			case SCHEDULE -> "Timer trigger, schedule '" + attributes.get("schedule") + "'";
		};
	}
}
