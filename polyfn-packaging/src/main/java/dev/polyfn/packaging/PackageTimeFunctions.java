package dev.polyfn.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

import dev.polyfn.core.boot.LightEnvironment;

/**
 * The application's function beans as the packagers see them at package time: the application (the
 * {@code polyfn.main-class} the build passes, else the one {@code @SpringBootConfiguration} class of the compiled
 * classes) is read as the ahead-of-time step reads it (the light bootstrap's environment; bean definitions only: no
 * bean is made, nothing runs, no class is generated), and the beans whose type is a {@code Function}, {@code Consumer} or
 * {@code Supplier} of the application's are named. What the deployment plan deploys when it lists nothing, and what
 * it checks the functions it lists against.
 */
public final class PackageTimeFunctions {

	private PackageTimeFunctions() {
	}

	/** The function bean names, sorted; empty when the application cannot be found from {@code classes}. */
	public static Optional<List<String>> of(Path classes) {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		Optional<String> application = applicationClass(classes);
		if (application.isEmpty()) {
			return Optional.empty();
		}
		Class<?> type;
		try {
			type = Class.forName(application.get(), false, loader);
		}
		catch (ClassNotFoundException | LinkageError notOnClassPath) {
			return Optional.empty(); // the packager runs without the application's class path (its own unit tests)
		}
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.setClassLoader(loader);
			LightEnvironment.prepare(context.getEnvironment(), loader,
					Map.of("polyfn.cloud", System.getProperty("polyfn.cloud", "package")));
			new AnnotatedBeanDefinitionReader(context).register(type);
			// Bean definitions only (component scan, @Bean methods, imports, conditions). Not a refresh for AOT
			// processing: that would make the CGLIB subclasses of the configuration classes in this JVM, and the
			// ahead-of-time step the packager runs next would find them made and write none.
			ConfigurationClassPostProcessor definitions = new ConfigurationClassPostProcessor();
			definitions.setEnvironment(context.getEnvironment());
			definitions.setResourceLoader(context);
			definitions.setBeanClassLoader(loader);
			definitions.postProcessBeanDefinitionRegistry(context.getDefaultListableBeanFactory());
			TreeSet<String> names = new TreeSet<>();
			var beanFactory = context.getDefaultListableBeanFactory();
			for (String name : beanFactory.getBeanDefinitionNames()) {
				Class<?> beanType = beanFactory.getType(name, false);
				if (beanType != null && isApplicationFunction(beanType)) {
					names.add(name);
				}
			}
			return Optional.of(new ArrayList<>(names));
		}
	}

	private static boolean isApplicationFunction(Class<?> type) {
		String name = type.getName();
		return !name.startsWith("org.springframework.") && !name.startsWith("dev.polyfn.core.") && !name.startsWith("kotlin.")
				&& (Function.class.isAssignableFrom(type) || Consumer.class.isAssignableFrom(type)
						|| Supplier.class.isAssignableFrom(type));
	}

	/** {@code -Dpolyfn.main-class}, else the only {@code @SpringBootConfiguration} class (read without loading it). */
	static Optional<String> applicationClass(Path classes) {
		String named = System.getProperty("polyfn.main-class");
		if (named != null && !named.isBlank()) {
			return Optional.of(named.trim());
		}
		if (classes == null || !Files.isDirectory(classes)) {
			return Optional.empty();
		}
		SimpleMetadataReaderFactory readers = new SimpleMetadataReaderFactory(new DefaultResourceLoader());
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
				MetadataReader reader = readers.getMetadataReader(new org.springframework.core.io.FileSystemResource(file));
				if (reader.getAnnotationMetadata().hasMetaAnnotation(SpringBootConfiguration.class.getName())
						|| reader.getAnnotationMetadata().hasAnnotation(SpringBootConfiguration.class.getName())) {
					found.add(reader.getClassMetadata().getClassName());
				}
			}
		}
		catch (IOException unreadable) {
			return Optional.empty();
		}
		return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
	}
}
