package bench.scf.web;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** spring-cloud-function-web serves the beans at POST /{name}; the controller is the plain-MVC reference. */
@SpringBootApplication
@RestController
public class ScfWebApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScfWebApplication.class, args);
	}

	@Bean
	public Function<String, String> reverse() {
		return text -> new StringBuilder(text).reverse().toString();
	}

	@Bean
	public Function<String, String> uppercase() {
		return text -> text.toUpperCase(Locale.ROOT);
	}

	@PostMapping(path = "/mvc/reverse", produces = "text/plain;charset=UTF-8")
	public String mvcReverse(@RequestBody String text) {
		return new StringBuilder(text).reverse().toString();
	}
}
