package dev.polyfn.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A measured artifact loaded as its runtime loads it: its own class loader over the shipped jar (or Lambda's
 * unpacked task root and lib/*.jar), whose parent exposes only the vendor API packages the runtime provides.
 * The benchmark jar's own classes and manifest stay invisible, so an adapter that looks for the application
 * class in the manifests finds the artifact's, as in the cloud.
 */
final class IsolatedTarget {

	/** Packages the runtime (RIC, Functions Framework invoker) provides to the function. */
	private static final List<String> VENDOR_API = List.of("com.amazonaws.services.lambda.runtime.",
			"com.google.cloud.functions.", "io.cloudevents.");

	private IsolatedTarget() {
	}

	/** The benchmark configuration the harness writes: {@code <target>.classpath}, {@code <target>.entry}. */
	static Properties config() throws IOException {
		String file = System.getProperty("bench.config");
		if (file == null) {
			throw new IllegalStateException("-Dbench.config=<file> not set (benchmarks/run.sh sets it)");
		}
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			properties.load(in);
		}
		return properties;
	}

	static byte[] event(String name) throws IOException {
		return Files.readAllBytes(Path.of(config().getProperty("events.dir"), name));
	}

	static ClassLoader loader(String classpath) throws MalformedURLException {
		List<URL> urls = new ArrayList<>();
		for (String entry : classpath.split(java.io.File.pathSeparator)) {
			if (!entry.isBlank()) {
				urls.add(Path.of(entry).toUri().toURL());
			}
		}
		return new URLClassLoader(urls.toArray(URL[]::new), new VendorApiLoader(IsolatedTarget.class.getClassLoader()));
	}

	/** Instantiates the entry class with its no-argument constructor, the context class loader set to the target's. */
	static Object instantiate(ClassLoader loader, String className) throws ReflectiveOperationException {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			return Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** Parent of the target's loader: the platform classes plus the vendor API from the benchmark's class path. */
	private static final class VendorApiLoader extends ClassLoader {

		private final ClassLoader application;

		VendorApiLoader(ClassLoader application) {
			super(ClassLoader.getPlatformClassLoader());
			this.application = application;
		}

		@Override
		protected Class<?> findClass(String name) throws ClassNotFoundException {
			for (String prefix : VENDOR_API) {
				if (name.startsWith(prefix)) {
					return application.loadClass(name);
				}
			}
			throw new ClassNotFoundException(name);
		}
	}
}
