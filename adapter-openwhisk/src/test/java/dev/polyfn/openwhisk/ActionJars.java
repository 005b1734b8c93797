package dev.polyfn.openwhisk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.openwhisk.proxy.ActionLoopLauncher;

/**
 * The jars the emulated runtime runs. The action jar is the one {@code mvn -Popenwhisk package} writes for the
 * examples ({@code examples/target/polyfn/openwhisk/examples-openwhisk.jar}, built here into
 * {@code examples/target/e2e-openwhisk} once per test JVM): the jar {@code wsk action create} is given. The launcher
 * jar is the emulated ActionLoop launcher's classes alone, built under {@code target/openwhisk}.
 */
final class ActionJars {

	private static Path action;
	private static Path launcher;

	private ActionJars() {
	}

	static synchronized Path action() throws IOException {
		if (action == null) {
			try (Stream<Path> files = Files.list(PackagedBuild.reusing("openwhisk"))) {
				action = files.filter(p -> p.toString().endsWith("-openwhisk.jar")).findFirst().orElseThrow();
			}
		}
		return action;
	}

	static synchronized Path launcher() throws IOException {
		if (launcher == null) {
			Path target = output("action-loop-launcher.jar");
			try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
				addClasses(out, classesOf(ActionLoopLauncher.class), "dev/polyfn/openwhisk/proxy/");
			}
			launcher = target;
		}
		return launcher;
	}

	static List<String> entries(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.stream().map(JarEntry::getName).toList();
		}
	}

	private static void addClasses(JarOutputStream out, Path root, String folder) throws IOException {
		try (Stream<Path> files = Files.walk(root.resolve(folder), 1)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					copy(out, root.relativize(file).toString().replace('\\', '/'), in);
				}
			}
		}
	}

	private static void copy(JarOutputStream out, String name, InputStream in) throws IOException {
		out.putNextEntry(new JarEntry(name));
		in.transferTo(out);
		out.closeEntry();
	}

	/** The class folder a class was loaded from (target/classes or target/test-classes). */
	private static Path classesOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Path output(String name) throws IOException {
		Path folder = Path.of("target", "openwhisk");
		Files.createDirectories(folder);
		return folder.resolve(name);
	}

}
