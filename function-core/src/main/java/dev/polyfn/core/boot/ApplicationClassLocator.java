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
 * application the package's ahead-of-time bean definitions were made for, else the {@code Start-Class} (or
 * a configuration class named as {@code Main-Class}) of the packaged jar's manifest.
 */
final class ApplicationClassLocator {

	private ApplicationClassLocator() {
	}

	static Class<?> locate(ClassLoader loader) {
		String named = System.getProperty("polyfn.main-class", System.getenv("MAIN_CLASS"));
		if (named != null && !named.isBlank()) {
			return load(named.trim(), loader, "MAIN_CLASS");
		}
		String packaged = AotInitializer.packagedApplication(loader);
		if (packaged != null) {
			return load(packaged, loader, AotInitializer.DESCRIPTOR);
		}
		List<String> startClasses = new ArrayList<>();
		List<String> mainClasses = new ArrayList<>();
		try {
			Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
			while (manifests.hasMoreElements()) {
				try (InputStream in = manifests.nextElement().openStream()) {
					var attributes = new Manifest(in).getMainAttributes();
					addIfPresent(startClasses, attributes.getValue("Start-Class"));
					addIfPresent(mainClasses, attributes.getValue("Main-Class"));
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read the jar manifests to find the application class", e);
		}
		// Start-Class is written by polyfn's packaging (and Spring Boot's) for exactly this: the application class.
		for (String candidate : startClasses) {
			try {
				return Class.forName(candidate, false, loader);
			}
			catch (ClassNotFoundException | LinkageError notHere) {
				// a manifest of some other jar on the class path
			}
		}
		for (String candidate : mainClasses) {
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
