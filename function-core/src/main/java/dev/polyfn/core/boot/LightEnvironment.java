package dev.polyfn.core.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.util.ClassUtils;

/**
 * The environment of the light bootstrap, in Spring Boot's order of precedence: polyfn's start-up properties,
 * system properties, environment variables ({@code POLYFN_MAX_BODY_SIZE} for {@code polyfn.max-body-size}, as
 * Spring's own relaxed lookup does), {@code application.properties} / {@code .yml}, then the adapters' defaults.
 * The same at build time (ahead-of-time processing) and at run time, so that both see the same conditions.
 */
public final class LightEnvironment {

	private LightEnvironment() {
	}

	public static void prepare(ConfigurableEnvironment environment, ClassLoader loader, Map<String, Object> properties) {
		Map<String, Object> light = new LinkedHashMap<>(properties);
		// @SpringBootApplication imports the auto-configuration selector; this switch turns its scan off.
		light.put("spring.boot.enableautoconfiguration", "false");
		environment.getPropertySources().addFirst(new MapPropertySource("polyfn", light));
		addIfPresent(environment, loader, "application.properties");
		addIfPresent(environment, loader, "application.yml");
		addIfPresent(environment, loader, "application.yaml");
		applyPolyfnEnvironmentDefaults(environment, loader);
	}

	/**
	 * Adapters contribute defaults (a cloud's port variable, its body limit) as environment post-processors; only
	 * polyfn's own are applied here, read straight from every {@code META-INF/spring.factories} on the class path.
	 */
	private static void applyPolyfnEnvironmentDefaults(ConfigurableEnvironment environment, ClassLoader loader) {
		String key = EnvironmentPostProcessor.class.getName();
		Set<String> names = new LinkedHashSet<>();
		try {
			var resources = loader.getResources("META-INF/spring.factories");
			while (resources.hasMoreElements()) {
				Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(resources.nextElement()));
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
		for (String name : names) {
			// polyfn's post-processors read and add properties only; they have no SpringApplication to look at here.
			EnvironmentPostProcessor processor = (EnvironmentPostProcessor) BeanUtils
				.instantiateClass(ClassUtils.resolveClassName(name, loader));
			processor.postProcessEnvironment(environment, null);
		}
	}

	/** Lowest precedence, as in Boot: system properties and environment variables override the files. */
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
}
