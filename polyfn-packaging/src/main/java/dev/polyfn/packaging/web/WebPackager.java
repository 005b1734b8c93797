package dev.polyfn.packaging.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.polyfn.packaging.AheadOfTime;
import dev.polyfn.packaging.ClassDataTraining;
import dev.polyfn.packaging.DeploySummary;

/**
 * The last step of {@code mvn package} without a cloud: the web app in {@code target/polyfn/web/}, made to start
 * the way the cloud packages do. Around the thin application jar and its {@code lib/} (laid out by
 * polyfn-maven-plugin, as Spring Boot's {@code jarmode=tools extract} would) it adds the ahead-of-time bean
 * definitions to the jar and writes {@value ClassDataTraining#ARCHIVE}, a class-data archive from a training run
 * with the JVM that runs the build, then DEPLOY.md with the command that starts it.
 * <p>
 * Why not Spring Boot's executable jar: classes read from jars nested in a jar cost a JVM with the default flags
 * about half a second more to start on two cores, and an archive cannot map them. The executable jar is still built
 * (spring-boot-maven-plugin) for those who copy one file around.
 * <p>
 * The archive is trained on the jar's absolute path, so it holds for {@code java -jar} with any relative or
 * absolute path to the same file; another JVM, a moved folder or a rebuilt jar makes the JVM start without it,
 * as fast as it would without one. Arguments: the classes folder, the output folder, the jar's name ({@code finalName}), the project
 * folder. {@code -Dpolyfn.web.cds=false} leaves the archive out.
 */
public final class WebPackager {

	/** The build setting that, {@code false}, packages without the class-data archive. */
	static final String CDS_SETTING = "polyfn.web.cds";

	private static final String SERVER = "dev.polyfn.core.boot.PolyfnServer";

	private WebPackager() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 4) {
			throw new IllegalArgumentException("usage: WebPackager <classes dir> <output dir> <final name> <project dir>");
		}
		Path out = Paths.get(args[1]).toAbsolutePath();
		Path project = Paths.get(args[3]).toAbsolutePath();
		Path jar = out.resolve(args[2] + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The application jar " + jar + " is missing: polyfn-maven-plugin lays it out first");
		}
		Path work = out.getParent().getParent().resolve("polyfn-aot").resolve("web");
		String startUp = AheadOfTime.addToPackage(jar, "web", work);
		Files.deleteIfExists(out.resolve(ClassDataTraining.ARCHIVE));
		List<Path> dependencies;
		try (Stream<Path> lib = Files.list(out.resolve("lib"))) {
			dependencies = lib.filter(f -> f.toString().endsWith(".jar")).toList();
		}
		String archive = Boolean.parseBoolean(System.getProperty(CDS_SETTING, "true")) ? train(out, jar, dependencies)
				: "none (" + CDS_SETTING + "=false)";
		summary(project, out, jar, dependencies.size(), startUp, archive).writeAndPrint(out);
	}

	/** The archive, or why there is none: a failed training run leaves the web app without one, not the build red. */
	private static String train(Path out, Path jar, List<Path> dependencies) {
		Path log = out.resolve("class-data-training.log");
		List<Path> jars = new ArrayList<>(dependencies);
		jars.add(jar);
		ClassDataTraining.pinModificationTimes(jars);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		try {
			ClassDataTraining.train(out, new ClassDataTraining.Launch(java, List.of(), jar.toString(), SERVER, "PORT",
					"/polyfn-class-data-training"), log);
			return ClassDataTraining.ARCHIVE + ", made by " + System.getProperty("java.vm.name") + " "
					+ System.getProperty("java.runtime.version") + " (" + System.getProperty("java.home")
					+ "); the same JVM maps it, another starts without it";
		}
		catch (RuntimeException e) {
			System.out.println("[polyfn] WARNING: the web app's class-data training run failed, it starts without an archive: "
					+ e.getMessage());
			return "none: the training run failed (" + e.getMessage() + ")";
		}
	}

	/** The command that starts the web app from the project folder, with the archive when there is one. */
	static String command(Path project, Path out, Path jar) {
		String dir = project.relativize(out).toString().replace('\\', '/');
		boolean archive = Files.isRegularFile(out.resolve(ClassDataTraining.ARCHIVE));
		return "java " + (archive ? "-XX:SharedArchiveFile=" + dir + "/" + ClassDataTraining.ARCHIVE + " " : "")
				+ "-jar " + dir + "/" + jar.getFileName();
	}

	private static DeploySummary summary(Path project, Path out, Path jar, int jars, String startUp, String archive) {
		String dir = project.relativize(out).toString().replace('\\', '/');
		return DeploySummary.titled("Web app")
			.artifact("Application jar", jar, project)
			.fact("Dependencies", dir + "/lib/ (" + jars + " jars, named in the jar's Class-Path)")
			.fact("Start-up", startUp)
			.fact("Class-data archive", archive)
			.notes("How it runs", List.of(
					"Every function at `POST /<function>` on `0.0.0.0:$PORT` (8080 without PORT); `GET /actuator/health`.",
					"The folder runs as a whole: keep `" + dir + "/lib/` beside the jar. Moving the folder, another"
							+ " `java` or a rebuilt jar only loses the archive (the JVM starts as it would without one).",
					"Spring Boot's executable jar, if the project builds one, serves the same functions, slower to start."))
			.commands("Run it (from the project folder)", List.of(command(project, out, jar)));
	}
}
