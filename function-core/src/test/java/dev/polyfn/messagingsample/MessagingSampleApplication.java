package dev.polyfn.messagingsample;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestinations;

/** One function that publishes by injection and one that does not, for the messaging wiring tests. */
@SpringBootApplication
public class MessagingSampleApplication {

	/** Publishes the input upper-cased to the alias {@code shouts} and answers the message id. */
	@Bean
	public Function<String, String> announce(MessageDestinations messaging) {
		return text -> messaging.destination("shouts").publish(Message.text(text.toUpperCase(Locale.ROOT))
			.withAttribute("kind", "shout")).messageId();
	}

	@Bean
	public Function<String, String> whisper() {
		return text -> text.toLowerCase(Locale.ROOT);
	}
}
