package dev.polyfn.packaging.azure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.deploy.FunctionDeployment.Trigger;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.ClassDataTraining;
import dev.polyfn.packaging.FileTrees;

/**
 * The second Azure package: the same application as an Azure Functions custom handler (polyfn's own HTTP
 * server), for HTTP functions whose bodies must arrive byte for byte, such as images. The host forwards each
 * request as it came ({@code enableForwardingHttpRequest}), which the Java worker cannot (see
 * {@code dev.polyfn.azure.http.HostDecodedBody}). Layout:
 *
 * <pre>
 * &lt;app&gt;-custom-handler/
 *   host.json              customHandler: /bin/bash polyfn-handler.sh, enableForwardingHttpRequest
 *   &lt;function&gt;/function.json  httpTrigger in, http out (no scriptFile: the host runs no language worker)
 *   polyfn-handler.sh      finds Java and starts the server
 *   &lt;app&gt;.jar, lib/, jre/    the application and, when the build machine can link it, its Java runtime
 *   app.jsa                with that runtime: the class-data archive of a training run ({@code ClassDataTraining})
 * </pre>
 *
 * Queue, blob and timer functions stay in the Java-worker package: forwarding exists for HTTP only, and the
 * custom handler's invocation protocol for other triggers is not served by polyfn.
 */
final class CustomHandlerPackage {

	static final String SUFFIX = "-custom-handler";

	private CustomHandlerPackage() {
	}

	/** What the folder holds and what was left out; {@code classData}: the archive's name, or why there is none. */
	record Written(Path folder, List<FunctionDeployment> deployed, List<String> skipped, String jre, String classData) {
	}

	static Written write(List<FunctionDeployment> plan, AppSettings app, Path stagedJar, Path lib, Path folder,
			boolean linkJre, boolean trainClassData) throws IOException, InterruptedException {
		if (Files.exists(folder)) {
			FileTrees.delete(folder);
		}
		Files.createDirectories(folder);
		List<FunctionDeployment> deployed = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (FunctionDeployment function : plan) {
			if (function.trigger() != Trigger.HTTP) {
				skipped.add(function.name() + " (" + function.trigger().name().toLowerCase(java.util.Locale.ROOT)
						+ " trigger: in the Java-worker package)");
				continue;
			}
			Path functionFolder = Files.createDirectories(folder.resolve(function.name()));
			AzurePackager.writeJson(functionFolder.resolve("function.json"), functionJson(function, app));
			deployed.add(function);
		}
		AzurePackager.writeJson(folder.resolve("host.json"), hostJson(plan));
		String jarName = stagedJar.getFileName().toString();
		Files.copy(stagedJar, folder.resolve(jarName), StandardCopyOption.REPLACE_EXISTING);
		List<String> libJars = copyFolder(lib, folder.resolve("lib"));
		String classPath = CustomHandlerScript.classPath(jarName, libJars);
		String jre = linkJre ? BundledJre.link(folder.resolve("jre")) : "none (not requested)";
		boolean bundled = Files.isExecutable(folder.resolve("jre/bin/java"));
		String classData;
		boolean archived = false;
		if (!bundled) {
			classData = "none: no bundled JRE to make it with";
		}
		else if (!trainClassData) {
			classData = "none (polyfn.azure.cds=false)";
		}
		else {
			List<Path> jars = new ArrayList<>(List.of(folder.resolve(jarName)));
			libJars.forEach(jar -> jars.add(folder.resolve("lib").resolve(jar)));
			ClassDataTraining.pinModificationTimes(jars);
			archived = true;
			classData = ClassDataTraining.train(folder, CustomHandlerScript.trainingLaunch(classPath),
					folder.resolveSibling(folder.getFileName() + "-class-data-training.log")).getFileName()
					+ " (a training run's classes, made with jre/ at package time; " + ClassDataTraining.SWITCH
					+ "=off starts without it)";
		}
		Path script = folder.resolve(CustomHandlerScript.NAME);
		Files.writeString(script, CustomHandlerScript.render(classPath, archived));
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		return new Written(folder, deployed, skipped, jre, classData);
	}

	/** The Java-worker host.json plus the custom handler section (learn.microsoft.com functions-custom-handlers). */
	static ObjectNode hostJson(List<FunctionDeployment> plan) {
		ObjectNode host = AzurePackager.hostJson(plan);
		ObjectNode handler = host.putObject("customHandler");
		ObjectNode description = handler.putObject("description");
		// bash runs the script, so the script needs no executable bit after deployment.
		description.put("defaultExecutablePath", "/bin/bash");
		description.putArray("arguments").add(CustomHandlerScript.NAME);
		handler.put("enableForwardingHttpRequest", true);
		return host;
	}

	/**
	 * The HTTP entry point's bindings (httpTrigger in, http out), which the host requires for forwarding
	 * ({@code IsHttpInAndOutFunction}), without scriptFile and entryPoint.
	 */
	static ObjectNode functionJson(FunctionDeployment function, AppSettings app) {
		AzureTriggers http = AzureTriggers.HTTP;
		ObjectNode json = FunctionJsonFactory.functionJson("unused", http.entryPointName(), http.entryPoint(),
				http.attributes(function, app));
		json.remove("scriptFile");
		json.remove("entryPoint");
		ArrayNode bindings = (ArrayNode) json.get("bindings");
		bindings.forEach(binding -> {
			if (binding.path("type").asString().equals("httpTrigger")) {
				((ObjectNode) binding).put("name", "req");
			}
		});
		return json;
	}

	/** Copies the files of {@code from}; returns their names. */
	private static List<String> copyFolder(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		List<String> names = new ArrayList<>();
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.COPY_ATTRIBUTES);
				names.add(file.getFileName().toString());
			}
		}
		return names;
	}

	static Path zip(Written written, Path zip) throws IOException {
		return ExecutableZip.of(written.folder(), zip);
	}

	static boolean hasHttp(List<FunctionDeployment> plan) {
		return plan.stream().anyMatch(f -> f.trigger() == Trigger.HTTP);
	}
}
