package dev.polyfn.core.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

import dev.polyfn.core.logging.PolyfnLogging;

/**
 * Starts the user's application for a cloud runtime without Spring Boot's auto-configuration scan: the
 * application class (its {@code @Bean}s, {@code @ComponentScan}, {@code @Import}s, {@code @Value}s and
 * {@code @ConfigurationProperties}), Spring Cloud Function's catalog and polyfn's own beans, nothing else. When
 * the package carries ahead-of-time bean definitions for the application ({@link AotInitializer}), those replace
 * the annotation processing too. Functions that need auto-configured beans (a DataSource, say) set
 * {@code POLYFN_BOOTSTRAP=boot} to get a full {@code SpringApplication}.
 */
final class LightContextFactory {

	private LightContextFactory() {
	}

	static ConfigurableApplicationContext start(Class<?> applicationClass, Map<String, Object> properties,
			boolean polyfnLogging) {
		GenericApplicationContext context = new PolyfnApplicationContext();
		ClassLoader loader = applicationClass.getClassLoader();
		context.setClassLoader(loader);
		ConfigurableEnvironment environment = context.getEnvironment();
		LightEnvironment.prepare(environment, loader, properties);
		initialiseLogging(environment, loader, polyfnLogging);

		AotInitializer aot = AotInitializer.find(applicationClass);
		if (aot != null) {
			aot.initialize(context);
			if (aot.configurationProperties()) {
				ConfigurationPropertiesBindingPostProcessor.register(context);
			}
		}
		else {
			ConfigurationPropertiesBindingPostProcessor.register(context);
			new AnnotatedBeanDefinitionReader(context).register(applicationClass);
		}
		context.register(new FunctionCatalogRegistrar(), new PolyfnBeans());
		context.register(adapterRegistrars(loader).toArray(BeanRegistrar[]::new));
		if (LazyApplicationBeans.enabled(environment)) {
			context.addBeanFactoryPostProcessor(new LazyApplicationBeans());
		}
		context.refresh();
		context.registerShutdownHook();
		return context;
	}

	/** Where a polyfn module names the {@link BeanRegistrar}s it adds, one class name a line ({@code #} comments). */
	static final String BEAN_REGISTRARS = "META-INF/polyfn/bean-registrars";

	/**
	 * What the cloud adapters and storage modules add (endpoints, interceptors, providers): the {@link BeanRegistrar}s
	 * their {@value #BEAN_REGISTRARS} files name, the same ones their auto-configurations import under
	 * SpringApplication. Read as text: taking them from the auto-configurations' {@code @Import} would parse
	 * annotations at start-up, which generates proxy classes (about 70 classes loaded, measured on the AWS package's
	 * cold start).
	 */
	static List<BeanRegistrar> adapterRegistrars(ClassLoader loader) {
		List<BeanRegistrar> registrars = new ArrayList<>();
		try {
			java.util.Enumeration<java.net.URL> files = loader.getResources(BEAN_REGISTRARS);
			while (files.hasMoreElements()) {
				java.net.URL file = files.nextElement();
				try (java.io.InputStream in = file.openStream()) {
					for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
						String name = line.strip();
						if (name.isEmpty() || name.startsWith("#")) {
							continue;
						}
						Class<?> type = ClassUtils.resolveClassName(name, loader);
						if (!BeanRegistrar.class.isAssignableFrom(type)) {
							throw new IllegalStateException(file + " names " + name + ", which is no BeanRegistrar");
						}
						registrars.add((BeanRegistrar) BeanUtils.instantiateClass(type));
					}
				}
			}
		}
		catch (java.io.IOException unreadable) {
			throw new java.io.UncheckedIOException("Could not read " + BEAN_REGISTRARS, unreadable);
		}
		return registrars;
	}

	/**
	 * polyfn's own logging takes its levels from the environment; with Logback, Boot's logging set-up runs, so
	 * that logging.level.* and the log format are the same as under SpringApplication.
	 */
	private static void initialiseLogging(ConfigurableEnvironment environment, ClassLoader loader, boolean polyfnLogging) {
		if (polyfnLogging) {
			PolyfnLogging.configure(environment);
			return;
		}
		LogbackStatus.quiet();
		LoggingSystem logging = LoggingSystem.get(loader);
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(environment), null, null);
		Binder.get(environment)
			.bind("logging.level", Bindable.mapOf(String.class, String.class))
			.ifBound(levels -> levels.forEach((name, level) -> logging.setLogLevel(
					"root".equalsIgnoreCase(name) ? null : name,
					LogLevel.valueOf(level.trim().toUpperCase(java.util.Locale.ROOT)))));
	}
}
