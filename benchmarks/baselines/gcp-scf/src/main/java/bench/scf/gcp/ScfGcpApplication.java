package bench.scf.gcp;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The trivial String functions, written the way Spring Cloud Function's own samples write them. */
@SpringBootApplication
public class ScfGcpApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScfGcpApplication.class, args);
	}

	@Bean
	public Function<String, String> reverse() {
		return text -> new StringBuilder(text).reverse().toString();
	}

	@Bean
	public Function<String, String> uppercase() {
		return text -> text.toUpperCase(Locale.ROOT);
	}
}
