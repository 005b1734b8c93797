package dev.polyfn.kafkasample;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestinations;

/** One function that publishes to the messaging alias {@code events}, one that publishes nothing. */
@SpringBootApplication
public class KafkaSampleApplication {

	/** Publishes the input as a text message and answers the id Kafka gave it. */
	@Bean
	public Function<String, String> announce(MessageDestinations messaging) {
		return text -> messaging.destination("events").publish(Message.text(text)).messageId();
	}

	@Bean
	public Function<String, String> shout() {
		return text -> text.toUpperCase(Locale.ROOT);
	}
}
