package dev.polyfn.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.deploy.FunctionDeployment;

/** The plan a package gets from the application's function beans, read at package time. */
class PlanFromBeansTest {

	@TempDir
	Path classes;

	@BeforeEach
	void packageTheTwoFunctionApplication() {
		System.setProperty("polyfn.main-class", TwoFunctions.class.getName());
	}

	@AfterEach
	void clear() {
		System.clearProperty("polyfn.main-class");
	}

	@Test
	void without_deploy_entries_each_function_bean_is_one_http_deployment_named_after_it() {
		List<FunctionDeployment> plan = PlanFromBeans.fromClassesDir(classes, "myapp");

		assertThat(plan).extracting(d -> d.name() + "=" + d.definition() + ":" + d.trigger())
			.containsExactly("greeting=greeting:HTTP", "shout=shout:HTTP");
	}

	@Test
	void an_entry_for_a_function_that_is_no_bean_fails_naming_the_setting() throws IOException {
		Files.writeString(classes.resolve("application.properties"), "polyfn.deploy.myapp.trigger=http\n");

		assertThatThrownBy(() -> PlanFromBeans.fromClassesDir(classes, "myapp"))
			.hasMessageStartingWith("polyfn.deploy.myapp names no function")
			.hasMessageContaining("[greeting, shout]");
	}

	@Test
	void a_definition_composing_an_unknown_function_fails_naming_the_definition() throws IOException {
		Files.writeString(classes.resolve("application.properties"),
				"polyfn.deploy.loud.trigger=http\npolyfn.deploy.loud.definition=greeting|whisper\n");

		assertThatThrownBy(() -> PlanFromBeans.fromClassesDir(classes, "myapp"))
			.hasMessageStartingWith("polyfn.deploy.loud.definition=greeting|whisper names no function: 'whisper'");
	}

	@SpringBootConfiguration
	static class TwoFunctions {

		@Bean
		Function<String, String> shout() {
			return String::toUpperCase;
		}

		@Bean
		Supplier<String> greeting() {
			return () -> "hello";
		}

		@Bean
		String notAFunction() {
			return "plain bean";
		}
	}
}
