package dev.polyfn.storages3sample;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageBuckets;

/** One function that writes to the storage alias {@code reports}, one that uses no storage. */
@SpringBootApplication
public class S3SampleApplication {

	/** Saves the input as {@code reports/latest.txt} and answers the etag S3 gave it. */
	@Bean
	public Function<String, String> saveReport(StorageBuckets storage) {
		return text -> storage.bucket("reports")
			.put("reports/latest.txt", text.getBytes(StandardCharsets.UTF_8), PutOptions.contentType("text/plain"))
			.etag();
	}

	@Bean
	public Function<String, String> shout() {
		return text -> text.toUpperCase(Locale.ROOT);
	}
}
