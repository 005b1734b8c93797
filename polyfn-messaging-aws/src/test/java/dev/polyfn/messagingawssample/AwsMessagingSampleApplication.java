package dev.polyfn.messagingawssample;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestinations;

/** One function that publishes to the queue alias {@code results}, one to the topic alias {@code alerts}, one that publishes nothing. */
@SpringBootApplication
public class AwsMessagingSampleApplication {

	@Bean
	public Function<String, String> report(MessageDestinations messaging) {
		return text -> messaging.destination("results").publish(Message.text(text)).messageId();
	}

	@Bean
	public Function<String, String> alert(MessageDestinations messaging) {
		return text -> messaging.destination("alerts").publish(Message.text(text)).messageId();
	}

	@Bean
	public Function<String, String> shout() {
		return text -> text.toUpperCase(Locale.ROOT);
	}
}
