package dev.polyfn.packaging.aliyun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.AheadOfTime;
import dev.polyfn.packaging.ApplicationProperties;
import dev.polyfn.packaging.CloudRuntime;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.packaging.DeploySummary;
import dev.polyfn.packaging.PlanFromBeans;
import dev.polyfn.packaging.UploadZip;

/**
 * {@code mvn -Paliyun package}'s last step (exec:java): writes under {@code target/polyfn/aliyun/} the ZIP for
 * console upload (the shaded jar and an executable {@code bootstrap}), the Serverless Devs {@code s.yaml} and
 * DEPLOY.md, and prints the same summary.
 *
 * <p>Arguments: the shaded jar, the classes folder (for the deployment plan), the output folder, the project
 * folder (to show paths relative to it) and the application name.
 */
public final class AliyunPackager {


	private AliyunPackager() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 5) {
			throw new IllegalArgumentException(
					"Usage: AliyunPackager <shaded-jar> <classes-dir> <output-dir> <project-dir> <app-name>");
		}
		Path jar = Paths.get(args[0]).toAbsolutePath();
		Path classes = Paths.get(args[1]);
		Path out = Paths.get(args[2]).toAbsolutePath();
		Path project = Paths.get(args[3]).toAbsolutePath();
		String app = args[4];
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The shaded jar " + jar + " is missing; the aliyun profile's shade step makes it");
		}
		// The launcher finds the application through Start-Class: fail the build now, not the first cold start.
		startClass(jar);
		String startUp = AheadOfTime.addToPackage(jar, "aliyun", jar.resolveSibling("polyfn-aot/aliyun"));
		List<FunctionDeployment> plan = PlanFromBeans.fromClassesDir(classes, app);
		CloudRuntime layer = CloudRuntimes.target("aliyun", ApplicationProperties.fromClassesDir(classes));

		Files.createDirectories(out);
		Path zip = out.resolve(app + "-aliyun.zip");
		writeZip(zip, jar, BootstrapScript.render(jar.getFileName().toString(), BootstrapScript.LAUNCHER,
				ServerlessDevsYaml.javaHome(layer)));
		Files.writeString(out.resolve("s.yaml"), ServerlessDevsYaml.render(app, zip.getFileName().toString(), layer, plan),
				StandardCharsets.UTF_8);
		DeploySummary summary = summary(zip, project, app, layer, plan).fact("Start-up", startUp);
		summary.writeAndPrint(out);
	}

	/** The application class the shade step recorded as Start-Class. */
	static String startClass(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			String start = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Start-Class");
			if (start == null || start.isBlank()) {
				throw new IllegalStateException(jar + " names no Start-Class: set the start-class property to your "
						+ "@SpringBootApplication class");
			}
			return start.trim();
		}
	}

	/** The upload ZIP: {@code bootstrap} (mode 755, so FC can run it from /code) beside the jar. */
	static void writeZip(Path zip, Path jar, String bootstrap) {
		UploadZip.create().script("bootstrap", bootstrap).file(jar.getFileName().toString(), jar).writeTo(zip);
	}

	static DeploySummary summary(Path zip, Path project, String app, CloudRuntime layer, List<FunctionDeployment> plan) {
		List<String> functions = new ArrayList<>();
		List<String> storage = new ArrayList<>();
		List<String> messaging = new ArrayList<>();
		for (FunctionDeployment function : plan) {
			String definition = function.definition() == null ? function.name() : function.definition();
			functions.add("`" + definition + "`: " + ServerlessDevsYaml.triggerLabel(function)
					+ " (SPRING_CLOUD_FUNCTION_DEFINITION=" + definition + ")");
			for (FunctionDeployment.StorageUse use : function.storage()) {
				storage.add(definition + ": Configuration → Environment variables → " + use.environmentVariable() + " = "
						+ use.bucket() + " (your OSS bucket for '" + use.alias() + "'); Configuration → Permissions → Function "
						+ "role: a RAM role trusted by fc.aliyuncs.com with oss:GetObject, oss:PutObject, oss:DeleteObject and "
						+ "oss:ListObjects on that bucket (s.yaml: role ${vars.storageRole} = "
						+ ServerlessDevsYaml.storageRole(app) + "). The function reaches the bucket at the region's internal "
						+ "S3-compatible endpoint (s3.oss-<region>-internal.aliyuncs.com); POLYFN_STORAGE_OSS_ENDPOINT sets another.");
			}
			for (FunctionDeployment.MessagingUse use : function.messaging()) {
				String role = function.storage().isEmpty() ? "${vars.messagingRole} = " + ServerlessDevsYaml.messagingRole(app)
						: "${vars.storageRole} = " + ServerlessDevsYaml.storageRole(app);
				messaging.add(definition + " publishes to '" + use.alias() + "': create the " + ServerlessDevsYaml.mnsLabel(use)
						+ " in the function's region (Simple Message Queue console → " + (use.kind() == dev.polyfn.core.messaging.MessagingSettings.Kind.TOPIC
								? "Topics → Create Topic" : "Queues → Create Queue") + "); Configuration → Environment variables → "
						+ use.environmentVariable() + " = " + use.destination() + "; Configuration → Permissions → Function role: a RAM role "
						+ "trusted by fc.aliyuncs.com whose policy allows " + String.join(" and ", ServerlessDevsYaml.mnsActions(use)) + " on "
						+ ServerlessDevsYaml.mnsResource(use, "<region>", "<account-id>") + " ({\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
						+ "\"Action\":[" + String.join(",", ServerlessDevsYaml.mnsActions(use).stream().map(a -> "\"" + a + "\"").toList())
						+ "],\"Resource\":\"" + ServerlessDevsYaml.mnsResource(use, "<region>", "<account-id>") + "\"}]}; the system policy "
						+ "AliyunMNSFullAccess also works but grants all of MNS) (s.yaml: role " + role + "). The function signs with the role's "
						+ "STS credentials and reaches MNS at https://<account-id>.mns.<region>.aliyuncs.com; POLYFN_MESSAGING_MNS_ENDPOINT sets "
						+ "another (the internal endpoint http://<account-id>.mns.<region>-internal.aliyuncs.com is plain HTTP).");
			}
		}
		String layerArn = layer.id().replace("${vars.region}", "<region>");
		String javaHome = ServerlessDevsYaml.javaHome(layer);
		String path = ServerlessDevsYaml.path(layer);
		return DeploySummary.titled("Alibaba Cloud Function Compute 3.0 (custom runtime, Java " + layer.java() + ")")
				.artifact("ZIP", zip, project)
				.fact("Runtime", ServerlessDevsYaml.RUNTIME + " (Custom Runtime, Debian 12)")
				.fact("Layer", layerArn + " (official Java " + layer.java()
						+ " layer; set polyfn.aliyun.runtime in application.properties for another)")
				.fact("Checked against", layer.citation())
				.fact("Start command", ServerlessDevsYaml.START_COMMAND)
				.fact("Port", String.valueOf(ServerlessDevsYaml.PORT))
				.fact("Environment", "PATH=" + path + ", JAVA_HOME=" + javaHome
						+ ", SPRING_CLOUD_FUNCTION_DEFINITION=<function>")
				.fact("Serverless Devs", project.relativize(zip.resolveSibling("s.yaml")).toString())
				.notes("Functions", functions)
				.steps("Console", List.of(
						"Function Compute console → Functions → Create Function → Event Function (or Web Function for HTTP-only use).",
						"Runtime: Custom Runtime → Debian 12 (the built-in Java 8 / Java 11 runtimes cannot run Spring Boot 4).",
						"Code: Upload ZIP → " + zip.getFileName() + ".",
						"Layers: Add Layer → Official Public Layer → Java" + layer.java() + " (" + layerArn + ").",
						"Start command: " + ServerlessDevsYaml.START_COMMAND + " (leave Startup Parameters empty); Listening Port: "
								+ ServerlessDevsYaml.PORT + ".",
						"Environment variables: PATH=" + path + ", JAVA_HOME=" + javaHome
								+ ", SPRING_CLOUD_FUNCTION_DEFINITION=<one of the functions above>.",
						"Memory 1024 MB or more; create the function, then add its trigger (HTTP, OSS, Timer or MNS) under Triggers.",
						"Test: event functions with a test event (the trigger's template), HTTP functions with the trigger URL + /<function>."))
				.commands("Serverless Devs (s 3.x)", List.of(
						"npm install -g @serverless-devs/s",
						"s config add        # your AccessKey; the account id fills ${config('AccountID')}",
						"cd " + project.relativize(zip.getParent()),
						"# edit vars.region in s.yaml (default " + ServerlessDevsYaml.DEFAULT_REGION + "), then",
						"s deploy -y"))
				.stepsIfAny("Storage (functions that read or write a bucket)", storage)
				.stepsIfAny("Messaging (functions that publish to an MNS queue or topic)", messaging);
	}
}
