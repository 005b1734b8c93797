package dev.polyfn.storagesample;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.StorageBuckets;

/** One function that reads from storage by injection and one that does not, for the storage wiring tests. */
@SpringBootApplication
public class StorageSampleApplication {

	/** The text of the object whose key is the input, from the storage alias {@code docs}. */
	@Bean
	public Function<String, String> readDoc(StorageBuckets storage) {
		return key -> {
			try (ObjectContent content = storage.bucket("docs").get(key)) {
				return new String(content.readAllBytes(1024), StandardCharsets.UTF_8);
			}
		};
	}

	@Bean
	public Function<String, String> shout() {
		return text -> text.toUpperCase(Locale.ROOT);
	}
}
