package dev.polyfn.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

import dev.polyfn.aotsample.AotTestApplication;
import dev.polyfn.core.boot.AotInitializer;
import dev.polyfn.core.boot.LightEnvironment;


/** Package-time bean definitions: generated, compiled, and giving the same context as annotation processing. */
class AheadOfTimeTest {

	@TempDir
	Path work;

	@Test
	void the_generated_bean_definitions_start_the_same_functions() throws Exception {
		AheadOfTime.Output output = AheadOfTime.process(AotTestApplication.class, "test", work);

		Properties descriptor = new Properties();
		descriptor.load(Files.newInputStream(output.classes().resolve(AotInitializer.DESCRIPTOR)));
		assertThat(descriptor).containsEntry("application", AotTestApplication.class.getName())
			.containsEntry("initializer", output.initializer());

		try (URLClassLoader generated = new URLClassLoader(new URL[] { output.classes().toUri().toURL() },
				AotTestApplication.class.getClassLoader());
				GenericApplicationContext context = new GenericApplicationContext()) {
			context.setClassLoader(generated);
			LightEnvironment.prepare(context.getEnvironment(), generated, Map.of());
			new AotInitializer(AotTestApplication.class.getName(), output.initializer(), true, true).initialize(context);
			context.refresh();

			@SuppressWarnings("unchecked")
			Function<String, String> reverse = context.getBean("reverse", Function.class);
			assertThat(reverse.apply("abc")).isEqualTo("cba");
			assertThat(context.getBeanNamesForType(Function.class)).containsExactlyInAnyOrder("reverse", "greet");
			@SuppressWarnings("unchecked")
			Function<String, String> greet = context.getBean("greet", Function.class);
			assertThat(greet.apply("polyfn")).as("@Value resolved at run time").isEqualTo("hello, polyfn");
		}
	}

	@Test
	void the_classes_are_added_to_the_package() throws IOException {
		Path jar = work.resolve("app.jar");
		try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new java.util.zip.ZipEntry("existing.txt"));
			out.write("kept".getBytes());
		}
		Path classes = Files.createDirectories(work.resolve("classes/META-INF/polyfn")).getParent().getParent();
		Files.writeString(classes.resolve("META-INF/polyfn/aot.properties"), "application=x\n");

		AheadOfTime.addTo(jar, classes);

		try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
			assertThat(zip.getEntry("existing.txt")).isNotNull();
			assertThat(zip.getEntry("META-INF/polyfn/aot.properties")).isNotNull();
		}
	}
}
