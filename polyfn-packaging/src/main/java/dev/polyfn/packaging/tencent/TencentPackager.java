package dev.polyfn.packaging.tencent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.AheadOfTime;
import dev.polyfn.packaging.ClassDataTraining;
import dev.polyfn.packaging.CloudRuntime;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.packaging.DeploySummary;
import dev.polyfn.packaging.FileTrees;
import dev.polyfn.packaging.PlanFromBeans;
import dev.polyfn.packaging.UploadZip;
import dev.polyfn.tencent.ScfCustomRuntime;

/**
 * The last step of {@code mvn -Ptencent package} (run after the shade step). SCF's Java runtimes are Java 8 and 11
 * only, so the package brings its own JRE. Writes to {@code target/polyfn/tencent/}:
 * <ul>
 * <li>{@code code/}: {@code lib/<jar>}, {@code jre/} (jlinked from the build JDK), {@code app.jsa} (the
 * class-data archive of a training run), {@code scf_bootstrap} (web function) and {@code bootstrap} (event
 * function on the Custom Runtime), both mode 755 and both starting {@code jre/bin/java};</li>
 * <li>{@code <app>-tencent.zip}: that folder, modes and the jar's time kept, for console upload;</li>
 * <li>{@code event-function/serverless.yml} and {@code web-function/serverless.yml} (component scf);</li>
 * <li>{@code DEPLOY.md}, printed as well.</li>
 * </ul>
 * Arguments: classes folder, shaded jar, output folder, application name, module folder. System properties:
 * {@code polyfn.tencent.jdk} (the JDK to link from, default the one running the build) and
 * {@code polyfn.tencent.cds=false} (no class-data archive).
 */
public final class TencentPackager {

	static final String CLOUD = "tencent";

	/** The web function's image is a runtime row of its own: its Java is not the one that runs. */
	static final String WEB_IMAGE = "tencent-web";

	static final String JRE_IN_ZIP = "jre";

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
		String startUp = AheadOfTime.addToPackage(shadedJar, CLOUD, shadedJar.resolveSibling("polyfn-aot/tencent"));
		Properties properties = applicationProperties(classes);
		List<FunctionDeployment> plan = PlanFromBeans.fromClassesDir(classes, app);
		CloudRuntime eventRuntime = CloudRuntimes.target(CLOUD, properties);
		CloudRuntime webImage = CloudRuntimes.target(WEB_IMAGE, properties);
		String jarInZip = "lib/" + app + "-tencent.jar";
		boolean classData = !"false".equalsIgnoreCase(System.getProperty("polyfn.tencent.cds", "true").trim());

		Path code = out.resolve("code");
		FileTrees.delete(code);
		Path jar = write(code.resolve(jarInZip), null, shadedJar);
		ClassDataTraining.pinModificationTimes(List.of(jar));
		BuildJdk jdk = BuildJdk.resolve(System.getProperty(BuildJdk.PROPERTY));
		List<String> modules = JreLinker.link(jdk, shadedJar, code.resolve(JRE_IN_ZIP), !classData);
		String webScript = ScfBootstrap.webFunction(jarInZip, classData);
		String eventScript = ScfBootstrap.customRuntime(jarInZip, classData);
		executable(write(code.resolve(ScfBootstrap.FILE_NAME), webScript, null));
		executable(write(code.resolve(ScfBootstrap.CUSTOM_RUNTIME_FILE_NAME), eventScript, null));
		UploadZip upload = UploadZip.create()
				.file(jarInZip, jar)
				.script(ScfBootstrap.FILE_NAME, webScript)
				.script(ScfBootstrap.CUSTOM_RUNTIME_FILE_NAME, eventScript)
				.folder(JRE_IN_ZIP, code.resolve(JRE_IN_ZIP));
		if (classData) {
			upload.file(ClassDataTraining.ARCHIVE,
					ClassDataTraining.train(code, ScfBootstrap.trainingLaunch(jarInZip),
							out.resolve("class-data-training.log")));
		}
		Path zip = upload.writeTo(out.resolve(app + "-tencent.zip"));
		PackageSize size = PackageSize.check(zip, code);
		Path eventYml = write(out.resolve("event-function/serverless.yml"),
				ServerlessYaml.eventFunction(app, plan, eventRuntime), null);
		Path webYml = write(out.resolve("web-function/serverless.yml"), ServerlessYaml.webFunction(app, plan, webImage),
				null);

		summary(app, plan, zip, eventYml, webYml, jarInZip, startClass, moduleDir.toAbsolutePath(),
				new Runtimes(eventRuntime, webImage), size, classData)
			.fact("Bundled JRE", "Java " + jdk.feature() + " from " + jdk.home() + " (" + jdk.why() + "), "
					+ DeploySummary.humanSize(PackageSize.folderSize(code.resolve(JRE_IN_ZIP))) + " unpacked; modules "
					+ String.join(", ", modules))
			.fact("Start-up", startUp)
			.writeAndPrint(out);
	}

	/** The two runtime rows the package targets. */
	record Runtimes(CloudRuntime event, CloudRuntime webImage) {
	}

	private static DeploySummary summary(String app, List<FunctionDeployment> plan, Path zip, Path eventYml, Path webYml,
			String jarInZip, String startClass, Path base, Runtimes runtimes, PackageSize size, boolean classData) {
		String httpPaths = plan.stream().filter(d -> d.trigger() == FunctionDeployment.Trigger.HTTP)
				.map(d -> "/" + d.name()).collect(Collectors.joining(", "));
		String routes = plan.stream().map(d -> d.name() + " ← " + describe(d)).collect(Collectors.joining("; "));
		String upload = PackageSize.throughCos()
				? "Submitting method: Upload a ZIP pack via COS: put " + zip.getFileName() + " ("
						+ DeploySummary.humanSize(size.zipBytes()) + ") in a COS bucket of the function's region and pick it"
				: "Submitting method: Local ZIP file, upload " + zip.getFileName() + " ("
						+ DeploySummary.humanSize(size.zipBytes()) + "; should the console refuse its size, put it in a COS"
						+ " bucket and choose \"Upload a ZIP pack via COS\")";
		DeploySummary summary = DeploySummary.titled("Tencent Cloud SCF package: " + app)
				.artifact("ZIP (event and web function)", zip, base)
				.fact("Size", DeploySummary.humanSize(size.zipBytes()) + " ZIP (polyfn fails the build past "
						+ DeploySummary.humanSize(PackageSize.DIRECT_UPLOAD_LIMIT) + ", the console's local ZIP upload); "
						+ DeploySummary.humanSize(size.unpackedBytes()) + " unpacked (SCF allows "
						+ DeploySummary.humanSize(PackageSize.UNPACKED_LIMIT) + ", " + PackageSize.QUOTA_PAGE
						+ ", checked 2026-12-01)")
				.fact("Why a bundled JRE", "SCF's Java runtimes are Java 8 and 11 only ("
						+ CloudRuntimes.of(CLOUD).stream().filter(r -> r.id().equals("Java11")).findFirst()
								.map(CloudRuntime::citation).orElse("")
						+ "); Spring Boot 4 needs Java " + CloudRuntimes.MINIMUM_JAVA)
				.fact("Event function runtime", runtimes.event().id() + ", bootstrap runs " + ScfBootstrap.JAVA_IN_ZIP
						+ " with " + ScfBootstrap.CUSTOM_RUNTIME_LOOP + " (" + runtimes.event().citation() + ")")
				.fact("Web function runtime", runtimes.webImage().id() + " image, scf_bootstrap runs: "
						+ ScfBootstrap.javaCommand(jarInZip, classData) + " (serving " + startClass + "; "
						+ runtimes.webImage().citation() + ")")
				.fact("Class-data sharing", classData ? ClassDataTraining.ARCHIVE
						+ " from a training run at package time, used with -XX:SharedArchiveFile"
						: "off (-Dpolyfn.tencent.cds=false)")
				.fact("Triggers (event function)", routes)
				.artifact("serverless.yml (event function)", eventYml, base)
				.artifact("serverless.yml (web function)", webYml, base)
				.steps("Console: event function (Custom Runtime; " + runtimes.event().citation() + ")", List.of(
						"SCF console → Functions → Create → Start from scratch; Function type: Event function",
						"Runtime environment: " + runtimes.event().id() + " (the ZIP's bootstrap starts its own Java "
								+ CloudRuntimes.MINIMUM_JAVA + "+; SCF's Java 8 / Java 11 cannot run Spring Boot 4)",
						upload,
						"Execution method: " + ScfCustomRuntime.HANDLER + " (SCF requires one; bootstrap sends every event"
								+ " to TencentEventFunction whatever it says)",
						"Advanced configuration: memory " + plan.stream().mapToInt(FunctionDeployment::memoryMb).max().orElse(1024)
								+ " MB, timeout " + plan.stream().mapToInt(FunctionDeployment::timeoutSeconds).max().orElse(30)
								+ " s; environment variable SPRING_CLOUD_FUNCTION_DEFINITION=<function> for a single-purpose"
								+ " function (without it each trigger runs its polyfn.deploy.* function: timer trigger named"
								+ " after the function, COS bucket / CKafka topic = its source)",
						"Create, then Function code → Test with the template \"API Gateway\" (path /reverse, body hello)"
								+ " or a plain JSON event such as {\"numbers\":[1,2,3]} with SPRING_CLOUD_FUNCTION_DEFINITION=square",
						"Triggers: add API Gateway (paths " + httpPaths + "), Timer (name = function name), COS, CKafka"
								+ " as listed above"))
				.steps("Console: web function with a Function URL (" + runtimes.webImage().citation() + ")", List.of(
						"SCF console → Functions → Create → Start from scratch; Function type: Web function",
						"Runtime environment: Java 11 (only its CentOS image is used: scf_bootstrap at the ZIP's root starts"
								+ " the bundled " + ScfBootstrap.JAVA_IN_ZIP + " and listens on port " + ScfBootstrap.PORT + ")",
						upload,
						"Create; then Function URL → Create function URL (public, authentication as needed)",
						"Call https://<url>/reverse with a body, e.g. curl -d hello https://<url>/reverse"))
				.stepsIfAny("Storage (functions that read or write a bucket)", storageSteps(plan))
				.stepsIfAny("Messaging (functions that publish to a CKafka topic)", messagingSteps(plan))
				.commands("Serverless Framework (sls) CLI; it uploads the code through COS", List.of(
						"npm install -g serverless",
						"cd " + base.relativize(eventYml.getParent().toAbsolutePath()) + " && echo REGION=ap-guangzhou > .env"
								+ " && echo TENCENT_APP_ID=<appid> >> .env && echo CKAFKA_INSTANCE_ID=<ckafka-id> >> .env"
								+ (plan.stream().anyMatch(d -> !d.storage().isEmpty()) ? " && echo SCF_STORAGE_ROLE=<role> >> .env" : "")
								+ (plan.stream().anyMatch(d -> !d.messaging().isEmpty())
										? " && echo CKAFKA_BOOTSTRAP_SERVERS=<vpc-access-point> >> .env && echo CKAFKA_VPC_ID=<vpc-id> >> .env"
												+ " && echo CKAFKA_SUBNET_ID=<subnet-id> >> .env"
										: "")
								+ " && sls deploy",
						"cd " + base.relativize(webYml.getParent().toAbsolutePath()) + " && echo REGION=ap-guangzhou > .env && sls deploy",
						"sls remove    # in either folder: deletes what sls deploy created"));
		return summary;
	}

	private static List<String> storageSteps(List<FunctionDeployment> plan) {
		List<String> steps = new java.util.ArrayList<>();
		plan.stream().flatMap(d -> d.storage().stream()).distinct().forEach(use -> steps.add("Environment variables: "
				+ use.environmentVariable() + " = " + use.bucket() + "-<appid> (the COS bucket for '" + use.alias()
				+ "'), POLYFN_STORAGE_COS_REGION = its region (e.g. ap-guangzhou); Permissions → Execution role: a CAM role "
				+ "trusted by scf.qcloud.com with cos:GetObject, cos:PutObject, cos:DeleteObject and cos:GetBucket on that "
				+ "bucket (serverless.yml: role ${env:SCF_STORAGE_ROLE})"));
		return steps;
	}

	/**
	 * Per messaging alias: the CKafka topic to create, the variables, and how the function reaches the instance. The
	 * SASL user's form {@code <instanceId>#<user>}: "sasl_plain_username = "instanceId#username""
	 * (https://tencentcloud.com/document/product/597/43839, read 2026-12-06); the public access point is a routing
	 * policy of type "Public domain name access", access mode SASL_PLAINTEXT
	 * (https://tencentcloud.com/document/product/597/40057, read 2026-12-06).
	 */
	static List<String> messagingSteps(List<FunctionDeployment> plan) {
		List<FunctionDeployment.MessagingUse> uses = plan.stream().flatMap(d -> d.messaging().stream()).distinct().toList();
		if (uses.isEmpty()) {
			return List.of();
		}
		List<String> steps = new java.util.ArrayList<>();
		for (FunctionDeployment.MessagingUse use : uses) {
			steps.add("CKafka console → the instance → Topic Management → Create: topic " + use.destination()
					+ " (messaging alias '" + use.alias() + "', " + use.kind().name().toLowerCase(java.util.Locale.ROOT)
					+ "; a CKafka topic serves both) with its default max message size (polyfn checks 1 MiB before sending; "
					+ "raise both with POLYFN_MESSAGING_" + use.alias().replace('-', '_').toUpperCase(java.util.Locale.ROOT)
					+ "_MAX_MESSAGE_BYTES, CKafka takes at most 12 MB)");
			steps.add("Environment variable: " + use.environmentVariable() + " = " + use.destination());
		}
		steps.add("Environment variable: " + ServerlessYaml.MESSAGING_BOOTSTRAP_SERVERS + " = the instance's VPC access point"
				+ " (Basic Info → Access Mode, PLAINTEXT, e.g. 10.0.0.12:9092); serverless.yml takes it from CKAFKA_BOOTSTRAP_SERVERS");
		// "the ACL previously set for the topic still takes effect ... add read/write permissions for all users to the
		// topics that need to be accessed via PLAINTEXT" (https://www.tencentcloud.com/document/product/597/40314, read 2026-12-06)
		steps.add("Permissions: the VPC access point takes no CKafka user; a topic that has ACL policies must grant write"
				+ " to all users for a PLAINTEXT publish (ACL Policy Management → the topic → add a policy without users)");
		steps.add("Network: the function in the CKafka instance's VPC and a subnet of it (Function configuration → VPC; "
				+ "serverless.yml vpcConfig from CKAFKA_VPC_ID and CKAFKA_SUBNET_ID): the VPC access point is reachable only there");
		steps.add("Or, outside the VPC: add a routing policy \"Public domain name access\" with access mode SASL_PLAINTEXT,"
				+ " create a user (ACL Policy Management → User Management) with write permission on the topics, set "
				+ ServerlessYaml.MESSAGING_BOOTSTRAP_SERVERS + " to that access point, POLYFN_MESSAGING_KAFKA_SASL_USERNAME ="
				+ " <instanceId>#<user> and POLYFN_MESSAGING_KAFKA_SASL_PASSWORD (keep it out of serverless.yml), and drop vpcConfig");
		return steps;
	}

	/** The application's own application.properties from the classes folder (empty when it has none). */
	private static Properties applicationProperties(Path classes) {
		Properties properties = new Properties();
		Path file = classes.resolve("application.properties");
		if (Files.isRegularFile(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				properties.load(in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return properties;
	}

	private static void executable(Path script) {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			try {
				Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private static String describe(FunctionDeployment d) {
		return switch (d.trigger()) {
			case HTTP -> "API Gateway /" + d.name();
			case SCHEDULE -> "timer '" + d.name() + "' " + ServerlessYaml.cron(d);
			case STORAGE -> "COS bucket " + d.source();
			case QUEUE -> "CKafka topic " + d.source();
			case PUBSUB -> "CKafka topic " + d.source() + " (SCF's CMQ topic trigger is retired)";
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
}
