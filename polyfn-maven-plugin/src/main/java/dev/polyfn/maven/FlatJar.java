package dev.polyfn.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The flat jar every cloud but Azure runs, the same as polyfn-parent's shade configuration writes: the project's
 * classes and its runtime dependencies side by side (Lambda's and the Functions Framework's class loaders cannot read
 * Spring Boot's nested jars), Spring's and {@code java.util.ServiceLoader}'s registries merged rather than the first
 * one kept, signatures and {@code module-info} left out,
 * {@code Start-Class} in the manifest.
 */
final class FlatJar {

	/** Files that list entries line by line: every jar's lines are kept. */
	private static final Set<String> APPENDED = Set.of("META-INF/spring.handlers", "META-INF/spring.schemas",
			"META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports", "META-INF/spring/aot.factories",
			// polyfn modules' registrars for the light start-up (an adapter and a storage module each have one)
			"META-INF/polyfn/bean-registrars");

	private static final String FACTORIES = "META-INF/spring.factories";

	private final Map<String, ByteArrayOutputStream> appended = new LinkedHashMap<>();
	private final Map<String, String> factories = new LinkedHashMap<>();
	private final Set<String> written = new HashSet<>();

	private FlatJar() {
	}

	static void write(Path target, Path classes, List<Path> dependencyJars, String startClass) throws IOException {
		write(target, classes, dependencyJars, manifest(startClass));
	}

	/**
	 * The project's classes alone, runnable with {@code java -jar}: {@code Main-Class} starts it and {@code Class-Path}
	 * names its dependency jars, relative to the jar (the container image's layout).
	 */
	static void writeRunnable(Path target, Path classes, String startClass, String mainClass, List<String> classPath)
			throws IOException {
		Manifest manifest = manifest(startClass);
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
		write(target, classes, List.of(), manifest);
	}

	private static void write(Path target, Path classes, List<Path> dependencyJars, Manifest manifest) throws IOException {
		FlatJar jar = new FlatJar();
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
			jar.written.add("META-INF/MANIFEST.MF");
			jar.written.add("META-INF/");
			if (Files.isDirectory(classes)) {
				try (Stream<Path> files = Files.walk(classes)) {
					for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
						try (InputStream in = Files.newInputStream(file)) {
							jar.add(out, classes.relativize(file).toString().replace('\\', '/'), in);
						}
					}
				}
			}
			for (Path dependency : dependencyJars) {
				try (JarFile file = new JarFile(dependency.toFile())) {
					for (JarEntry entry : file.stream().filter(e -> !e.isDirectory()).toList()) {
						try (InputStream in = file.getInputStream(entry)) {
							jar.add(out, entry.getName(), in);
						}
					}
				}
			}
			jar.writeMerged(out);
		}
		Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private static Manifest manifest(String startClass) {
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.putValue("Created-By", "polyfn-maven-plugin");
		main.putValue("Start-Class", startClass);
		main.putValue("Multi-Release", "true");
		return manifest;
	}

	private void add(JarOutputStream out, String name, InputStream in) throws IOException {
		if (isLeftOut(name)) {
			return;
		}
		if (APPENDED.contains(name) || (name.startsWith("META-INF/services/") && !name.endsWith("/"))) {
			ByteArrayOutputStream lines = appended.computeIfAbsent(name, n -> new ByteArrayOutputStream());
			lines.write(in.readAllBytes());
			lines.write('\n');
			return;
		}
		if (name.equals(FACTORIES)) {
			Properties properties = new Properties();
			properties.load(in);
			properties.forEach((key, value) -> factories.merge((String) key, ((String) value).trim(),
					(a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + "," + b));
			return;
		}
		if (!written.add(name)) {
			return; // the first copy wins, as with shade (the project's own classes come first)
		}
		addParents(out, name);
		out.putNextEntry(new JarEntry(name));
		in.transferTo(out);
		out.closeEntry();
	}

	private void addParents(JarOutputStream out, String name) throws IOException {
		int slash = name.indexOf('/');
		while (slash > 0) {
			String dir = name.substring(0, slash + 1);
			if (written.add(dir)) {
				out.putNextEntry(new JarEntry(dir));
				out.closeEntry();
			}
			slash = name.indexOf('/', slash + 1);
		}
	}

	private static boolean isLeftOut(String name) {
		String upper = name.toUpperCase(java.util.Locale.ROOT);
		return name.equals("META-INF/MANIFEST.MF") || name.equals("META-INF/INDEX.LIST") || name.endsWith("module-info.class")
				|| (upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
						&& (upper.endsWith(".SF") || upper.endsWith(".DSA") || upper.endsWith(".RSA") || upper.endsWith(".EC")));
	}

	private void writeMerged(JarOutputStream out) throws IOException {
		for (Map.Entry<String, ByteArrayOutputStream> file : appended.entrySet()) {
			write(out, file.getKey(), file.getValue().toByteArray());
		}
		if (!factories.isEmpty()) {
			StringBuilder text = new StringBuilder();
			factories.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
			write(out, FACTORIES, text.toString().getBytes(StandardCharsets.ISO_8859_1));
		}
	}

	private void write(JarOutputStream out, String name, byte[] bytes) throws IOException {
		addParents(out, name);
		out.putNextEntry(new JarEntry(name));
		OutputStream entry = out;
		entry.write(bytes);
		out.closeEntry();
	}
}
