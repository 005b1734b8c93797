package dev.polyfn.tencent.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import dev.polyfn.core.boot.AheadOfTime;
import dev.polyfn.core.deploy.DeploySummary;
import dev.polyfn.core.deploy.FileTrees;
import dev.polyfn.core.deploy.UploadZip;
import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.tencent.TencentEventFunction;

/**
 * The last step of {@code mvn -Ptencent package} (run by exec:java after the shade step). Writes to
 * {@code target/polyfn/tencent/}:
 * <ul>
 * <li>{@code code/}: {@code lib/<jar>} (SCF's Java runtime loads the jars under {@code lib/}) and
 * {@code scf_bootstrap} (mode 755) for web functions;</li>
 * <li>{@code <app>-tencent.zip}: that folder, modes kept, for console upload as an event or a web function;</li>
 * <li>{@code event-function/serverless.yml} and {@code web-function/serverless.yml} (component scf);</li>
 * <li>{@code DEPLOY.md}, printed as well.</li>
 * </ul>
 * Arguments: classes folder, shaded jar, output folder, application name, module folder.
 */
public final class TencentPackager {

	/** SCF's limit for a ZIP uploaded directly in the console or API; larger packages go through COS. */
	static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

	private TencentPackager() {
	}

	public static void main(String[] args) {
		if (args.length != 5) {
			throw new IllegalArgumentException(
					"Usage: TencentPackager <classes dir> <shaded jar> <output dir> <application name> <module dir>");
		}
		build(Paths.get(args[0]), Paths.get(args[1]), Paths.get(args[2]), args[3], Paths.get(args[4]));
	}

	static void build(Path classes, Path shadedJar, Path out, String app, Path moduleDir) {
		if (!Files.isDirectory(classes) && !Files.isRegularFile(shadedJar)) {
			// The reactor root (packaging pom) inherits the profile too; it has no code to package.
			System.out.println("polyfn tencent: " + moduleDir.getFileName() + " has no classes, nothing to package");
			return;
		}
		if (!Files.isRegularFile(shadedJar)) {
			throw new IllegalStateException("The shaded jar " + shadedJar + " is missing: the -Ptencent shade step did not run");
		}
		String startClass = startClass(shadedJar);
		String startUp = AheadOfTime.addToPackage(shadedJar, "tencent", shadedJar.resolveSibling("polyfn-aot/tencent"));
		List<FunctionDeployment> plan = DeploymentPlan.fromClassesDir(classes, app);
		String jarInZip = "lib/" + app + "-tencent.jar";

		Path code = out.resolve("code");
		FileTrees.delete(code);
		write(code.resolve(jarInZip), null, shadedJar);
		Path bootstrap = write(code.resolve(ScfBootstrap.FILE_NAME), ScfBootstrap.script(jarInZip), null);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			try {
				Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		Path zip = out.resolve(app + "-tencent.zip");
		UploadZip.create()
				.file(jarInZip, shadedJar)
				.script(ScfBootstrap.FILE_NAME, ScfBootstrap.script(jarInZip))
				.writeTo(zip);
		Path eventYml = write(out.resolve("event-function/serverless.yml"), ServerlessYaml.eventFunction(app, plan), null);
		Path webYml = write(out.resolve("web-function/serverless.yml"), ServerlessYaml.webFunction(app, plan), null);

		summary(app, plan, zip, eventYml, webYml, jarInZip, startClass, moduleDir.toAbsolutePath())
			.fact("Start-up", startUp)
			.writeAndPrint(out);
	}

	private static DeploySummary summary(String app, List<FunctionDeployment> plan, Path zip, Path eventYml, Path webYml,
			String jarInZip, String startClass, Path base) {
		long size = size(zip);
		String httpPaths = plan.stream().filter(d -> d.trigger() == FunctionDeployment.Trigger.HTTP)
				.map(d -> "/" + d.name()).collect(Collectors.joining(", "));
		String routes = plan.stream().map(d -> d.name() + " ← " + describe(d)).collect(Collectors.joining("; "));
		DeploySummary summary = DeploySummary.titled("Tencent Cloud SCF package: " + app)
				.artifact("ZIP (event and web function)", zip, base)
				.fact("Upload", size <= DIRECT_UPLOAD_LIMIT ? "direct console upload (under the 50 MB limit)"
						: "over the 50 MB direct-upload limit: upload it to a COS bucket and choose \"Upload via COS\"")
				.fact("Runtime", ServerlessYaml.RUNTIME + " (Java21 works the same)")
				.fact("Event function handler", TencentEventFunction.HANDLER)
				.fact("Web function start", "scf_bootstrap runs: " + ScfBootstrap.javaCommand(jarInZip) + " (serving "
						+ startClass + ")")
				.fact("Triggers (event function)", routes)
				.artifact("serverless.yml (event function)", eventYml, base)
				.artifact("serverless.yml (web function)", webYml, base)
				.steps("Console: event function", List.of(
						"SCF console → Functions → Create → Create from scratch; Function type: Event function",
						"Runtime: " + ServerlessYaml.RUNTIME + "; Submitting method: Local ZIP file; upload " + zip.getFileName(),
						"Handler (execution method): " + TencentEventFunction.HANDLER,
						"Advanced configuration: memory " + plan.stream().mapToInt(FunctionDeployment::memoryMb).max().orElse(1024)
								+ " MB, timeout " + plan.stream().mapToInt(FunctionDeployment::timeoutSeconds).max().orElse(30)
								+ " s; environment variable SPRING_CLOUD_FUNCTION_DEFINITION=<function> for a single-purpose"
								+ " function (without it each trigger runs its polyfn.deploy.* function: timer trigger named"
								+ " after the function, COS bucket / CKafka topic = its source)",
						"Create, then Function code → Test with the template \"API Gateway\" (path /reverse, body hello)"
								+ " or a plain JSON event such as {\"numbers\":[1,2,3]} with SPRING_CLOUD_FUNCTION_DEFINITION=square",
						"Triggers: add API Gateway (paths " + httpPaths + "), Timer (name = function name), COS, CKafka"
								+ " as listed above"))
				.steps("Console: web function with a Function URL", List.of(
						"SCF console → Functions → Create → Create from scratch; Function type: Web function",
						"Runtime: " + ServerlessYaml.RUNTIME + "; Submitting method: Local ZIP file; upload " + zip.getFileName()
								+ " (scf_bootstrap at its root starts the server on port " + ScfBootstrap.PORT + ")",
						"Create; then Function URL → Create function URL (public, authentication as needed)",
						"Call https://<url>/reverse with a body, e.g. curl -d hello https://<url>/reverse"))
				.commands("Serverless Framework (sls) CLI", List.of(
						"npm install -g serverless",
						"cd " + base.relativize(eventYml.getParent().toAbsolutePath()) + " && echo REGION=ap-guangzhou > .env"
								+ " && echo TENCENT_APP_ID=<appid> >> .env && echo CKAFKA_INSTANCE_ID=<ckafka-id> >> .env && sls deploy",
						"cd " + base.relativize(webYml.getParent().toAbsolutePath()) + " && echo REGION=ap-guangzhou > .env && sls deploy",
						"sls remove    # in either folder: deletes what sls deploy created"));
		return summary;
	}

	private static String describe(FunctionDeployment d) {
		return switch (d.trigger()) {
			case HTTP -> "API Gateway /" + d.name();
			case SCHEDULE -> "timer '" + d.name() + "' " + ServerlessYaml.cron(d);
			case STORAGE -> "COS bucket " + d.source();
			case QUEUE -> "CKafka topic " + d.source();
			case PUBSUB -> "CMQ topic " + d.source();
		};
	}

	private static String startClass(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			String start = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Start-Class");
			if (start == null || start.isBlank()) {
				throw new IllegalStateException(jar + " has no Start-Class: set the <start-class> property of your"
						+ " project to your @SpringBootApplication class");
			}
			return start.trim();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path write(Path target, String text, Path copyOf) {
		try {
			Files.createDirectories(target.getParent());
			if (copyOf != null) {
				Files.copy(copyOf, target, StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				// LF line endings whatever the build machine: scf_bootstrap must not contain CR.
				Files.writeString(target, text.replace("\r\n", "\n"), StandardCharsets.UTF_8);
			}
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
