package dev.polyfn.core.messaging;

/** What the service answered for one published message: the id it gave it (SQS MessageId, Pub/Sub messageId, a Kafka partition-offset, ...). */
public record PublishResult(String messageId) {
}
