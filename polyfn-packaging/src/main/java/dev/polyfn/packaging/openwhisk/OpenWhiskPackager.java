package dev.polyfn.packaging.openwhisk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipFile;

import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.AheadOfTime;
import dev.polyfn.packaging.ApplicationProperties;
import dev.polyfn.packaging.CloudRuntime;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.packaging.DeploySummary;
import dev.polyfn.packaging.PlanFromBeans;

/**
 * The last step of {@code mvn -Popenwhisk package}: from the flat jar it writes under
 * {@code target/polyfn/openwhisk/} the action jar ({@code <artifactId>-openwhisk.jar}, what {@code /init} gets as
 * base64 {@code code}), the wskdeploy {@code manifest.yaml}, and DEPLOY.md with the {@code wsk action create}
 * lines, and prints the same summary.
 *
 * <p>Settings ({@code -D}, a pom property, or application.properties): {@code polyfn.openwhisk.runtime} (a row of
 * {@link CloudRuntimes}), {@code polyfn.openwhisk.image} (where that image is pushed; by default the name its
 * Gradle build gives it locally, {@code whisk/<id>}), {@code polyfn.openwhisk.main} (another {@code --main}, e.g.
 * {@code com.example.Actions#reverse}), {@code polyfn.openwhisk.web} ({@code raw}, the default, or {@code true}).
 *
 * <p>Arguments: the flat jar, the classes folder, the output folder, the artifactId, the project folder.
 */
public final class OpenWhiskPackager {

	/** "The maximum code size for an Action currently must be less than 48 MB" (wskdeploy spec_actions.md, Notes). */
	static final long CODE_SIZE_LIMIT = 48L * 1024 * 1024;

	private OpenWhiskPackager() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 5) {
			throw new IllegalArgumentException(
					"usage: OpenWhiskPackager <flat jar> <classes dir> <output dir> <artifactId> <project dir>");
		}
		package_(Paths.get(args[0]), Paths.get(args[1]), Paths.get(args[2]), args[3], Paths.get(args[4]).toAbsolutePath());
	}

	static Path package_(Path flatJar, Path classes, Path outDir, String artifactId, Path project) throws IOException {
		Properties properties = ApplicationProperties.fromClassesDir(classes);
		String main = setting(properties, "main", OpenWhiskActions.DEFAULT_MAIN);
		checkJar(flatJar, main);
		String startUp = AheadOfTime.addToPackage(flatJar, "openwhisk", flatJar.resolveSibling("polyfn-aot/openwhisk"));
		Files.createDirectories(outDir);
		Path jar = outDir.resolve(artifactId + "-openwhisk.jar");
		Files.copy(flatJar, jar, StandardCopyOption.REPLACE_EXISTING);

		CloudRuntime runtime = configuredRuntime(properties);
		OpenWhiskActions actions = new OpenWhiskActions(artifactId, jar.getFileName().toString(), runtime,
				setting(properties, "image", "whisk/" + runtime.id()), main, setting(properties, "web", "raw"));
		List<FunctionDeployment> plan = PlanFromBeans.fromClassesDir(classes, artifactId);
		Files.writeString(outDir.resolve("manifest.yaml"), WskdeployManifest.render(actions, plan));
		summary(actions, plan, jar, project).fact("Start-up", startUp).writeAndPrint(outDir);
		return jar;
	}

	/** {@code polyfn.openwhisk.<name>}: the build's setting ({@code -D}, pom), else application.properties'. */
	static String setting(Properties applicationProperties, String name, String fallback) {
		String key = "polyfn.openwhisk." + name;
		String value = System.getProperty(key, applicationProperties.getProperty(key));
		return value == null || value.isBlank() ? fallback : value.trim();
	}

	private static CloudRuntime configuredRuntime(Properties applicationProperties) {
		Properties merged = new Properties();
		merged.putAll(applicationProperties);
		String built = System.getProperty(CloudRuntimes.property("openwhisk"));
		if (built != null) {
			merged.setProperty(CloudRuntimes.property("openwhisk"), built);
		}
		return CloudRuntimes.target("openwhisk", merged);
	}

	/**
	 * The jar the runtime can {@code /init}: flat (the runtime puts the jar itself on a class path, it reads no
	 * BOOT-INF/lib), holding the {@code --main} class and Gson (the ActionLoop image has no Gson of its own on the
	 * action's class path; see adapter-openwhisk's pom), and under the code size limit.
	 */
	static void checkJar(Path jar, String main) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The flat jar " + jar + " is missing: polyfn-maven-plugin writes it before this step");
		}
		long size = Files.size(jar);
		if (size > CODE_SIZE_LIMIT) {
			throw new IllegalStateException(jar + " is " + DeploySummary.humanSize(size)
					+ ", over OpenWhisk's 48 MB action code limit: leave unneeded dependencies out of the openwhisk profile");
		}
		String mainClass = main.split("#")[0].replace('.', '/') + ".class";
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			if (zip.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/"))) {
				throw new IllegalStateException(jar + " has the Spring Boot nested-jar layout (BOOT-INF/), which the action runtime cannot load");
			}
			if (zip.getEntry(mainClass) == null) {
				throw new IllegalStateException(jar + " does not contain the --main class " + main.split("#")[0]
						+ (main.equals(OpenWhiskActions.DEFAULT_MAIN) ? ": add the dependency dev.polyfn:adapter-openwhisk"
								: " (polyfn.openwhisk.main)"));
			}
			if (zip.getEntry("com/google/gson/JsonObject.class") == null) {
				throw new IllegalStateException(jar + " does not contain Gson, which the ActionLoop Java runtime needs in"
						+ " the action jar: adapter-openwhisk brings com.google.code.gson:gson unless the build excludes it");
			}
		}
	}

	static DeploySummary summary(OpenWhiskActions actions, List<FunctionDeployment> plan, Path jar, Path project) {
		CloudRuntime runtime = actions.runtime();
		List<String> functions = new ArrayList<>();
		for (FunctionDeployment function : plan) {
			functions.add("`" + actions.actionName(function) + "`: " + (OpenWhiskActions.isWeb(function)
					? "web action (`--web " + actions.webMode() + "`), https://<APIHOST>/api/v1/web/<namespace>/"
							+ actions.actionName(function)
					: "plain action for a " + OpenWhiskActions.trigger(function) + " trigger"
							+ (function.source() == null ? "" : " (`" + function.source() + "`)")
							+ ", its parameters the function's JSON input; no OpenWhisk trigger is created for it")
					+ ", " + OpenWhiskActions.DEFINITION_PARAMETER + "=`"
					+ (function.definition() == null ? "(not needed: one function)" : function.definition()) + "`, "
					+ function.memoryMb() + " MB, " + OpenWhiskActions.timeoutMillis(function) + " ms");
		}
		String folder = project.relativize(jar.toAbsolutePath().getParent()).toString().replace('\\', '/');
		List<String> image = actions.usesKind() ? List.of() : List.of(
				"The Java 17 image (once): `git clone https://github.com/apache/openwhisk-runtime-java`, then"
						+ " `docker build -t " + actions.image() + " core/" + imageFolder(runtime) + "` and `docker push "
						+ actions.image() + "` to a registry the invokers pull from (the project publishes only its"
						+ " Java 8 images; set `polyfn.openwhisk.image` to the pushed name and package again)",
				"Or a deployment whose runtimes manifest registers a Java 17 kind: replace `--docker " + actions.image()
						+ "` with `--kind <that kind>`");
		List<String> steps = new ArrayList<>(image);
		steps.add("`wsk property set --apihost <APIHOST> --auth <KEY>`, then the lines below from " + folder + "/ (or"
				+ " `wskdeploy -m manifest.yaml` there)");
		steps.add("Which function an action runs is its parameter " + OpenWhiskActions.DEFINITION_PARAMETER + " (`--param`;"
				+ " web actions make it final, so a caller cannot change it). An action has no environment variables of"
				+ " its own, and the runtime's copy of `__OW_*` into the environment fails on Java 16+");
		steps.add("Try it: `wsk action invoke " + actions.packageName() + "/<plain action> --result --param key value`;"
				+ " `curl -X POST -H 'Content-Type: text/plain' -d hello <the --url of a web action>`");
		return DeploySummary.titled("Apache OpenWhisk package")
				.artifact("Action jar", jar, project)
				.fact(actions.usesKind() ? "Kind" : "Runtime image", "`" + runtime.id() + "` (Java " + runtime.java() + ", "
						+ runtime.os() + "; set polyfn.openwhisk.runtime for another)"
						+ (actions.usesKind() ? "" : ", pushed as `" + actions.image() + "` (polyfn.openwhisk.image)"))
				.fact("Checked against", runtime.citation())
				.fact("--main", "`" + actions.main() + "` (polyfn.openwhisk.main)")
				.fact("Function setting", "action parameter `" + OpenWhiskActions.DEFINITION_PARAMETER + "`")
				.fact("wskdeploy manifest", "manifest.yaml")
				.notes("Actions", functions)
				.steps("Deploy", steps)
				.commands("wsk (run from " + folder + "/)", actions.wskLines(plan));
	}

	private static String imageFolder(CloudRuntime runtime) {
		return runtime.id().equals("actionloop-java-v17") ? "java17actionloop" : runtime.id().equals("java17action") ? "java17"
				: runtime.id();
	}
}
