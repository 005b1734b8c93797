package dev.polyfn.messagingazuresample;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestinations;

/** One function that publishes to the messaging alias {@code results}, one that publishes nothing. */
@SpringBootApplication
public class QueueSampleApplication {

	/** Publishes the input to {@code results} and answers the id the queue gave it. */
	@Bean
	public Function<String, String> announce(MessageDestinations messaging) {
		return text -> messaging.destination("results").publish(Message.text(text)).messageId();
	}

	@Bean
	public Function<String, String> shout() {
		return text -> text.toUpperCase(Locale.ROOT);
	}
}
