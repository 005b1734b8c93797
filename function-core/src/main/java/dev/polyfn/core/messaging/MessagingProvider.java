package dev.polyfn.core.messaging;

/**
 * An implementation of {@link MessageDestination} for one kind of service (SQS, SNS, Pub/Sub, ...), contributed as a
 * bean by its optional module; {@link MessageDestinations} asks it for a destination once per alias. The in-memory
 * one is built in ({@link LocalMessaging#PROVIDER}).
 */
public interface MessagingProvider {

	/** What {@code polyfn.messaging.<alias>.provider} names it by, e.g. {@code sqs}. */
	String name();

	/**
	 * Whether it is the one to use on this cloud for this kind of destination when an alias names no provider:
	 * {@code cloud} is what {@code polyfn.cloud} says; the kind decides between two services of one cloud (on AWS a
	 * queue is SQS's, a topic SNS's).
	 */
	boolean isDefaultFor(String cloud, MessagingSettings.Kind kind);

	/** A destination bound to the alias's queue or topic; called once per alias, the result is kept for the process. */
	MessageDestination open(MessagingSettings settings);
}
