package dev.polyfn.core.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Properties;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The bean definitions of the application, generated at package time by Spring's ahead-of-time engine
 * (polyfn-packaging's {@code AheadOfTime}) and recorded in {@value #DESCRIPTOR}: plain code that
 * registers each bean, instead of parsing {@code @Configuration} classes, scanning packages and evaluating
 * conditions at every cold start. {@code POLYFN_AOT=false} turns it off.
 */
public record AotInitializer(String applicationClass, String initializerClass, boolean configurationProperties,
		boolean eventListeners) {

	public static final String DESCRIPTOR = "META-INF/polyfn/aot.properties";

	/** The generated initializer packaged for this application class, if there is one and it is not turned off. */
	static AotInitializer find(Class<?> applicationClass) {
		String setting = System.getProperty("polyfn.aot.enabled", System.getenv().getOrDefault("POLYFN_AOT", "true"));
		if ("false".equalsIgnoreCase(setting.trim())) {
			return null;
		}
		Properties properties = descriptor(applicationClass.getClassLoader());
		if (properties == null) {
			return null;
		}
		if (!applicationClass.getName().equals(properties.getProperty("application"))) {
			return null;
		}
		return new AotInitializer(applicationClass.getName(), properties.getProperty("initializer"),
				Boolean.parseBoolean(properties.getProperty("configuration-properties", "true")),
				Boolean.parseBoolean(properties.getProperty("event-listeners", "true")));
	}

	/** The application class the package's bean definitions were generated for; null without any. */
	static String packagedApplication(ClassLoader loader) {
		Properties properties = descriptor(loader);
		String application = properties == null ? null : properties.getProperty("application");
		return application == null || application.isBlank() ? null : application.trim();
	}

	private static Properties descriptor(ClassLoader loader) {
		URL descriptor = loader.getResource(DESCRIPTOR);
		if (descriptor == null) {
			return null;
		}
		Properties properties = new Properties();
		try (InputStream in = descriptor.openStream()) {
			properties.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + DESCRIPTOR, e);
		}
		return properties;
	}

	@SuppressWarnings("unchecked")
	public void initialize(GenericApplicationContext context) {
		try {
			Class<?> type = Class.forName(initializerClass, true, context.getClassLoader());
			((ApplicationContextInitializer<GenericApplicationContext>) type.getDeclaredConstructor().newInstance())
				.initialize(context);
			if (!eventListeners) {
				for (String processor : new String[] { AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME,
						AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME }) {
					if (context.containsBeanDefinition(processor)) {
						context.removeBeanDefinition(processor);
					}
				}
			}
		}
		catch (ReflectiveOperationException | LinkageError e) {
			throw new IllegalStateException("The ahead-of-time bean definitions " + initializerClass
					+ " in this package do not load (rebuild the package, or set POLYFN_AOT=false): " + e, e);
		}
	}
}
