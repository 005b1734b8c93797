package dev.polyfn.examples;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The smallest functions: text in, text out; one supplier and one consumer to show the other two shapes. */
@Configuration(proxyBeanMethods = false)
public class TextFunctions {

	private static final Logger log = LoggerFactory.getLogger(TextFunctions.class);

	/** Reverses by code point, so emoji and other surrogate pairs survive. */
	@Bean
	public Function<String, String> reverse() {
		return text -> new StringBuilder(text).reverse().toString();
	}

	@Bean
	public Function<String, String> uppercase() {
		return text -> text.toUpperCase(Locale.ROOT);
	}

	@Bean
	public Supplier<String> hello() {
		return () -> "Hello from polyfn";
	}

	/** Records a line in the audit log; a consumer answers 202 with no body. */
	@Bean
	public Consumer<String> audit(AuditLog auditLog) {
		return line -> {
			auditLog.record(line);
			log.info("audit: {} line(s) recorded", auditLog.size());
		};
	}

	@Bean
	public AuditLog auditLog() {
		return new AuditLog();
	}
}
