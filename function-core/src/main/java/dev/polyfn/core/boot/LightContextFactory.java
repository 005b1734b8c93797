package dev.polyfn.core.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Starts the user's application for a cloud runtime without Spring Boot's auto-configuration scan: the
 * application class (its {@code @Bean}s, {@code @ComponentScan}, {@code @Import}s, {@code @Value}s and
 * {@code @ConfigurationProperties}), Spring Cloud Function's catalog configuration and polyfn's own, nothing else.
 * That halves the cold start. Functions that need auto-configured beans (a DataSource, say) set
 * {@code POLYFN_BOOTSTRAP=boot} to get a full {@code SpringApplication}.
 */
final class LightContextFactory {

	private LightContextFactory() {
	}

	static ConfigurableApplicationContext start(Class<?> applicationClass, Map<String, Object> properties) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		ClassLoader loader = applicationClass.getClassLoader();
		context.setClassLoader(loader);
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> light = new java.util.LinkedHashMap<>(properties);
		// @SpringBootApplication imports the auto-configuration selector; this switch turns its scan off.
		light.put("spring.boot.enableautoconfiguration", "false");
		environment.getPropertySources().addFirst(new MapPropertySource("polyfn", light));
		// Lowest precedence, as in Boot: system properties and environment variables override the files.
		addIfPresent(environment, loader, "application.properties");
		addIfPresent(environment, loader, "application.yml");
		addIfPresent(environment, loader, "application.yaml");
		ConfigurationPropertySources.attach(environment);
		applyPolyfnEnvironmentDefaults(environment, applicationClass, loader);
		initialiseLogging(environment, loader);

		ConfigurationPropertiesBindingPostProcessor.register(context);
		context.register(applicationClass, ContextFunctionCatalogAutoConfiguration.class);
		context.register(polyfnConfigurations(loader));
		context.refresh();
		context.registerShutdownHook();
		return context;
	}

	/**
	 * Adapters contribute defaults (a cloud's port variable, its body limit) as environment post-processors; only
	 * polyfn's own are applied here, read straight from every {@code META-INF/spring.factories} on the class path.
	 */
	private static void applyPolyfnEnvironmentDefaults(ConfigurableEnvironment environment, Class<?> applicationClass,
			ClassLoader loader) {
		String key = org.springframework.boot.EnvironmentPostProcessor.class.getName();
		java.util.Set<String> names = new java.util.LinkedHashSet<>();
		try {
			var resources = loader.getResources("META-INF/spring.factories");
			while (resources.hasMoreElements()) {
				java.util.Properties factories = org.springframework.core.io.support.PropertiesLoaderUtils
					.loadProperties(new org.springframework.core.io.UrlResource(resources.nextElement()));
				for (String name : factories.getProperty(key, "").split(",")) {
					if (name.trim().startsWith("dev.polyfn.")) {
						names.add(name.trim());
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read META-INF/spring.factories", e);
		}
		org.springframework.boot.SpringApplication application = names.isEmpty() ? null
				: new org.springframework.boot.SpringApplication(applicationClass);
		for (String name : names) {
			var processor = (org.springframework.boot.EnvironmentPostProcessor) org.springframework.beans.BeanUtils
				.instantiateClass(org.springframework.util.ClassUtils.resolveClassName(name, loader));
			processor.postProcessEnvironment(environment, application);
		}
	}

	/** polyfn's own auto-configurations (function-core's and the adapters'), in their declared order. */
	private static Class<?>[] polyfnConfigurations(ClassLoader loader) {
		return org.springframework.boot.context.annotation.ImportCandidates
			.load(org.springframework.boot.autoconfigure.AutoConfiguration.class, loader)
			.getCandidates()
			.stream()
			.filter(name -> name.startsWith("dev.polyfn."))
			.map(name -> org.springframework.util.ClassUtils.resolveClassName(name, loader))
			.toArray(Class<?>[]::new);
	}

	private static void addIfPresent(ConfigurableEnvironment environment, ClassLoader loader, String name) {
		ClassPathResource resource = new ClassPathResource(name, loader);
		if (!resource.exists()) {
			return;
		}
		try {
			if (name.endsWith(".properties")) {
				environment.getPropertySources().addLast(new ResourcePropertySource("classpath:" + name, resource));
			}
			else {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load("classpath:" + name, resource)) {
					environment.getPropertySources().addLast(source);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + name, e);
		}
	}

	/** Boot's logging set-up, so logging.level.* and the log format are the same as under SpringApplication. */
	private static void initialiseLogging(ConfigurableEnvironment environment, ClassLoader loader) {
		LoggingSystem logging = LoggingSystem.get(loader);
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(environment), null, null);
		org.springframework.boot.context.properties.bind.Binder.get(environment)
			.bind("logging.level", org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
			.ifBound(levels -> levels.forEach((name, level) -> logging.setLogLevel(
					"root".equalsIgnoreCase(name) ? null : name,
					org.springframework.boot.logging.LogLevel.valueOf(level.trim().toUpperCase(java.util.Locale.ROOT)))));
	}
}
