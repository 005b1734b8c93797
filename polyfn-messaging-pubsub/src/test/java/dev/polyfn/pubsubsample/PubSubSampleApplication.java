package dev.polyfn.pubsubsample;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestinations;

/** One function that publishes to the messaging alias {@code events}, one that publishes nothing. */
@SpringBootApplication
public class PubSubSampleApplication {

	/** Publishes the input as text and answers the id Pub/Sub gave it. */
	@Bean
	public Function<String, String> announce(MessageDestinations messaging) {
		return text -> messaging.destination("events").publish(Message.text(text)).messageId();
	}

	@Bean
	public Function<String, String> shout() {
		return text -> text.toUpperCase(Locale.ROOT);
	}
}
