package dev.polyfn.core.boot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Manifest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Finds the user's application class when a cloud runtime, not the user's {@code main}, starts the JVM:
 * {@code MAIN_CLASS} (Spring Cloud Function's convention) or {@code -Dpolyfn.main-class}, else the
 * {@code Start-Class}/{@code Main-Class} of the packaged jar's manifest.
 */
final class ApplicationClassLocator {

	private ApplicationClassLocator() {
	}

	static Class<?> locate(ClassLoader loader) {
		String named = System.getProperty("polyfn.main-class", System.getenv("MAIN_CLASS"));
		if (named != null && !named.isBlank()) {
			return load(named.trim(), loader, "MAIN_CLASS");
		}
		List<String> candidates = new ArrayList<>();
		try {
			Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
			List<String> mainClasses = new ArrayList<>();
			while (manifests.hasMoreElements()) {
				try (InputStream in = manifests.nextElement().openStream()) {
					var attributes = new Manifest(in).getMainAttributes();
					addIfPresent(candidates, attributes.getValue("Start-Class"));
					addIfPresent(mainClasses, attributes.getValue("Main-Class"));
				}
			}
			candidates.addAll(mainClasses);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read the jar manifests to find the application class", e);
		}
		for (String candidate : candidates) {
			try {
				Class<?> type = Class.forName(candidate, false, loader);
				if (type.isAnnotationPresent(SpringBootConfiguration.class) || type.isAnnotationPresent(Configuration.class)
						|| hasMetaAnnotation(type)) {
					return type;
				}
			}
			catch (ClassNotFoundException | LinkageError notHere) {
				// a manifest of some other jar on the class path
			}
		}
		throw new IllegalStateException("No application class found: set the environment variable MAIN_CLASS to your "
				+ "@SpringBootApplication class, or package with a polyfn profile (it writes Start-Class into the manifest)");
	}

	private static boolean hasMetaAnnotation(Class<?> type) {
		return org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(type, Configuration.class);
	}

	private static void addIfPresent(List<String> names, String name) {
		if (name != null && !name.isBlank() && !name.startsWith("org.springframework.boot.loader")) {
			names.add(name.trim());
		}
	}

	private static Class<?> load(String name, ClassLoader loader, String setting) {
		try {
			return Class.forName(name, false, loader);
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(setting + "=" + name + " names no class on the class path", e);
		}
	}
}
