package dev.polyfn.aotsample;

import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application for {@code AheadOfTimeTest} alone, outside the packages other test applications scan: a proxied {@code @Configuration} (its CGLIB subclass is made
 * at build time) with a bean that takes a {@code @Value}. No other test starts it, so no proxy is cached yet.
 */
@Configuration
public class AotTestApplication {

	@Bean
	public Function<String, String> reverse() {
		return s -> new StringBuilder(s).reverse().toString();
	}

	@Bean
	public Function<String, String> greet(@Value("${aot.greeting:hello}") String greeting) {
		return name -> greeting + ", " + name;
	}
}
