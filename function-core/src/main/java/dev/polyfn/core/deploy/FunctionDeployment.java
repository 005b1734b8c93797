package dev.polyfn.core.deploy;

import java.time.Duration;
import java.util.List;

/**
 * One function as it is deployed on a cloud: which bean definition runs, what triggers it, and the sizing.
 *
 * @param name the deployed function's name (also the default definition)
 * @param definition the bean definition to run (SPRING_CLOUD_FUNCTION_DEFINITION), e.g. {@code uppercase|reverse}
 * @param trigger what invokes it
 * @param source the queue, topic or bucket it listens to; null for HTTP and schedules
 * @param every the schedule interval for {@link Trigger#SCHEDULE}; null otherwise
 * @param memoryMb memory to give the function
 * @param timeoutSeconds how long one invocation may take
 * @param storage the storage aliases the function reads and writes ({@code polyfn.deploy.<name>.storage=uploads}):
 *        the deploy plan grants it their buckets and sets {@code POLYFN_STORAGE_<ALIAS>_BUCKET}
 * @param messaging the messaging aliases the function publishes to ({@code polyfn.deploy.<name>.messaging=order-results}):
 *        the deploy plan grants it the send permission and sets {@code POLYFN_MESSAGING_<ALIAS>_DESTINATION}
 */
public record FunctionDeployment(String name, String definition, Trigger trigger, String source, Duration every,
		int memoryMb, int timeoutSeconds, List<StorageUse> storage, List<MessagingUse> messaging) {

	public FunctionDeployment {
		storage = storage == null ? List.of() : List.copyOf(storage);
		messaging = messaging == null ? List.of() : List.copyOf(messaging);
	}

	public FunctionDeployment(String name, String definition, Trigger trigger, String source, Duration every,
			int memoryMb, int timeoutSeconds, List<StorageUse> storage) {
		this(name, definition, trigger, source, every, memoryMb, timeoutSeconds, storage, List.of());
	}

	public FunctionDeployment(String name, String definition, Trigger trigger, String source, Duration every,
			int memoryMb, int timeoutSeconds) {
		this(name, definition, trigger, source, every, memoryMb, timeoutSeconds, List.of());
	}

	/**
	 * A storage alias a function uses and the bucket of the plan behind it: {@code polyfn.storage.<alias>.bucket}
	 * in the application's properties, else the alias. A bucket that is also a storage trigger's source is that
	 * same bucket.
	 */
	public record StorageUse(String alias, String bucket) {

		/** {@code POLYFN_STORAGE_UPLOADS_BUCKET}: the variable the deployed function reads the real bucket name from. */
		public String environmentVariable() {
			return dev.polyfn.core.storage.StorageSettings.environmentVariable(alias, "bucket");
		}
	}

	/**
	 * A messaging alias a function publishes to and the queue or topic of the plan behind it:
	 * {@code polyfn.messaging.<alias>.destination} in the application's properties, else the alias; its kind is
	 * {@code polyfn.messaging.<alias>.kind} (queue unless it says topic).
	 */
	public record MessagingUse(String alias, String destination, dev.polyfn.core.messaging.MessagingSettings.Kind kind) {

		/** {@code POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION}: the variable the deployed function reads the real name from. */
		public String environmentVariable() {
			return dev.polyfn.core.messaging.MessagingSettings.environmentVariable(alias, "destination");
		}
	}

	public enum Trigger {
		HTTP, QUEUE, STORAGE, SCHEDULE, PUBSUB
	}

	/** The interval in whole minutes (at least 1), for clouds whose schedules count in minutes. */
	public long everyMinutes() {
		return every == null ? 60 : Math.max(1, every.toMinutes());
	}
}
