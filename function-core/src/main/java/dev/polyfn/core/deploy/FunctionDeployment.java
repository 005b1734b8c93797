package dev.polyfn.core.deploy;

import java.time.Duration;

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
 */
public record FunctionDeployment(String name, String definition, Trigger trigger, String source, Duration every,
		int memoryMb, int timeoutSeconds) {

	public enum Trigger {
		HTTP, QUEUE, STORAGE, SCHEDULE, PUBSUB
	}

	/** The interval in whole minutes (at least 1), for clouds whose schedules count in minutes. */
	public long everyMinutes() {
		return every == null ? 60 : Math.max(1, every.toMinutes());
	}
}
