package dev.polyfn.packaging.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.AheadOfTime;
import dev.polyfn.packaging.ApplicationProperties;
import dev.polyfn.packaging.CloudRuntime;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.packaging.DeploySummary;
import dev.polyfn.packaging.PlanFromBeans;

/**
 * The last step of {@code mvn -Paws package} (run by exec:java after the shade plugin): checks the flat jar
 * (no Spring Boot nested layout, the adapter inside, under Lambda's 50 MB direct-upload limit), copies it to
 * {@code target/polyfn/aws/<artifactId>-aws.jar}, writes the SAM {@code template.yaml} from the deployment plan
 * in application.properties, and prints the same summary it writes to DEPLOY.md.
 *
 * <p>Arguments: {@code <shaded jar> <classes dir> <output dir> <artifactId>}.
 */
public final class AwsPackager {

	/** Lambda's limit for a zip or jar uploaded directly (console or --zip-file). */
	static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

	private AwsPackager() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 4) {
			throw new IllegalArgumentException("usage: AwsPackager <shaded jar> <classes dir> <output dir> <artifactId>");
		}
		package_(Paths.get(args[0]), Paths.get(args[1]), Paths.get(args[2]), args[3]);
	}

	/** Does the whole step; returns the uploadable jar. */
	static Path package_(Path shadedJar, Path classes, Path outDir, String artifactId) throws IOException {
		checkJar(shadedJar);
		String startUp = AheadOfTime.addToPackage(shadedJar, "aws", shadedJar.resolveSibling("polyfn-aot/aws"));
		Files.createDirectories(outDir);
		Path jar = outDir.resolve(artifactId + "-aws.jar");
		Files.copy(shadedJar, jar, StandardCopyOption.REPLACE_EXISTING);
		List<FunctionDeployment> plan = PlanFromBeans.fromClassesDir(classes, artifactId);
		CloudRuntime runtime = CloudRuntimes.target("aws", ApplicationProperties.fromClassesDir(classes));
		Files.writeString(outDir.resolve("template.yaml"),
				SamTemplate.render(artifactId, jar.getFileName().toString(), runtime, plan));
		summary(jar, artifactId, runtime, plan).fact("Start-up", startUp).writeAndPrint(outDir);
		return jar;
	}

	/** The jar Lambda can load: flat (its class loader cannot read BOOT-INF/lib nested jars) and small enough. */
	static void checkJar(Path jar) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The shaded jar " + jar + " is missing: the aws profile's shade step did not run");
		}
		long size = Files.size(jar);
		if (size > DIRECT_UPLOAD_LIMIT) {
			throw new IllegalStateException(jar + " is " + DeploySummary.humanSize(size)
					+ ", over Lambda's 50 MB direct-upload limit: leave unneeded dependencies out of the aws profile");
		}
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			if (zip.getEntry("BOOT-INF/") != null || zip.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/"))) {
				throw new IllegalStateException(jar + " has the Spring Boot nested-jar layout (BOOT-INF/), which Lambda cannot load");
			}
			if (zip.getEntry("dev/polyfn/aws/LambdaEntry.class") == null) {
				throw new IllegalStateException(jar + " does not contain adapter-aws: add the dependency dev.polyfn:adapter-aws");
			}
		}
	}

	static DeploySummary summary(Path jar, String artifactId, CloudRuntime runtime, List<FunctionDeployment> plan) {
		Path base = Paths.get("").toAbsolutePath();
		DeploySummary summary = DeploySummary.titled("AWS Lambda package")
				.artifact("Artifact", jar.toAbsolutePath(), base)
				.fact("Runtime", "`" + runtime.id() + "` (Java " + runtime.java() + ", " + runtime.os()
						+ "; set polyfn.aws.runtime in application.properties for another)")
				.fact("Checked against", runtime.citation())
				.fact("Template", jar.resolveSibling("template.yaml").getFileName() + " (AWS SAM)");
		List<String> handlers = new ArrayList<>();
		for (FunctionDeployment function : plan) {
			handlers.add(function.name() + ": handler `" + handler(function.trigger()) + "`, "
					+ (function.definition() == null ? "the only function" : "SPRING_CLOUD_FUNCTION_DEFINITION=" + function.definition())
					+ ", trigger " + triggerText(function) + ", " + function.memoryMb() + " MB, " + function.timeoutSeconds() + " s"
					+ function.storage().stream().map(use -> ", storage '" + use.alias() + "' (S3 bucket " + use.bucket() + ")")
						.collect(java.util.stream.Collectors.joining())
					+ function.messaging().stream().map(use -> ", messaging '" + use.alias() + "' (" + messagingText(use) + ")")
						.collect(java.util.stream.Collectors.joining()));
		}
		// The console walk-through uses an HTTP function when there is one: the quickest to try.
		FunctionDeployment first = plan.stream().filter(f -> f.trigger() == FunctionDeployment.Trigger.HTTP).findFirst()
				.orElse(plan.get(0));
		summary.notes("Functions", handlers)
				.steps("Lambda console (one function)", List.of(
						"Lambda console → Functions → Create function → Author from scratch (an Event Function: Lambda Web"
								+ " Functions run Node.js servers only); name it (e.g. " + first.name() + ")",
						"Runtime: Java " + runtime.java() + " (`" + runtime.id() + "`); architecture x86_64 or arm64 → Create function",
						"Code → Upload from → .zip or .jar file → " + jar.getFileName(),
						"Runtime settings → Edit → Handler: " + handler(first.trigger())
								+ " (the handler listed above for the function's trigger; "
								+ "dev.polyfn.aws.LambdaHandler::handleRequest recognises any trigger)",
						"Configuration → Environment variables → SPRING_CLOUD_FUNCTION_DEFINITION = "
								+ (first.definition() == null ? "(not needed: one function)" : first.definition()),
						"Configuration → General configuration → Memory " + first.memoryMb() + " MB, Timeout "
								+ first.timeoutSeconds() + " s",
						"Test → Create new event → Template: the trigger's (" + testTemplate(first.trigger())
								+ "); put your input in its body → Test",
						"HTTP from a browser or curl: Configuration → Function URL → Create (auth type NONE), set the handler to "
								+ "dev.polyfn.aws.FunctionUrlHandler::handleRequest, then curl -d 'hello' <function URL>",
						"SQS trigger: Add trigger → SQS → tick 'Report batch item failures', so only the failed messages are retried",
						"Faster cold starts: Configuration → General configuration → Edit → SnapStart: PublishedVersions → Save;"
								+ " then Actions → Publish new version, and point triggers at that version or an alias"
								+ " (SnapStart applies to published versions only; template.yaml does this with AutoPublishAlias)"))
				.commands("AWS SAM (every function, with its trigger)", List.of(
						"cd " + base.relativize(jar.toAbsolutePath().getParent()),
						"sam deploy --guided --capabilities CAPABILITY_IAM"))
				.commands("AWS CLI (one function; needs an execution role)", List.of(
						"aws lambda create-function --function-name " + first.name() + " --runtime " + runtime.id()
								+ " --handler " + handler(first.trigger()) + " --memory-size " + first.memoryMb()
								+ " --timeout " + first.timeoutSeconds() + " --zip-file fileb://" + jar.getFileName()
								+ " --role arn:aws:iam::<account>:role/<lambda-execution-role>"
								+ (first.definition() == null ? ""
										: " --environment Variables={SPRING_CLOUD_FUNCTION_DEFINITION=" + first.definition() + "}")));
		List<String> storage = new ArrayList<>();
		for (FunctionDeployment function : plan) {
			for (FunctionDeployment.StorageUse use : function.storage()) {
				storage.add(function.name() + ": Configuration → Environment variables → " + use.environmentVariable()
						+ " = the name of your bucket for '" + use.alias() + "' (template.yaml: "
						+ SamTemplate.bucketName(artifactId, use.bucket())
						+ "); Configuration → Permissions → the execution role → Add permissions → an inline policy allowing"
						+ " s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket on that bucket (template.yaml: S3CrudPolicy)");
			}
		}
		summary.stepsIfAny("Storage (functions that read or write a bucket)", storage);
		return summary.stepsIfAny("Messaging (functions that publish to a queue or topic)", messagingSteps(plan));
	}

	/**
	 * The console steps for each alias a function publishes to: the queue or topic, the role's permission to send, and
	 * the variable that binds the alias (what template.yaml does with its resources, policy templates and !Ref).
	 */
	private static List<String> messagingSteps(List<FunctionDeployment> plan) {
		List<String> steps = new ArrayList<>();
		for (FunctionDeployment function : plan) {
			for (FunctionDeployment.MessagingUse use : function.messaging()) {
				boolean topic = use.kind() == dev.polyfn.core.messaging.MessagingSettings.Kind.TOPIC;
				boolean fifo = use.destination().endsWith(".fifo");
				String resource = SamTemplate.messagingId(use);
				if (topic) {
					steps.add(function.name() + ": SNS console → Topics → Create topic → " + (fifo ? "FIFO" : "Standard") + ", name "
							+ use.destination() + " → Create topic; copy its ARN (template.yaml: " + resource + ")");
					steps.add(function.name() + ": Lambda console → Configuration → Permissions → the execution role → Add permissions"
							+ " → an inline policy allowing sns:Publish on that topic's ARN (template.yaml: SNSPublishMessagePolicy)");
					steps.add(function.name() + ": Configuration → Environment variables → " + use.environmentVariable()
							+ " = the topic's ARN (arn:aws:sns:<region>:<account>:" + use.destination() + ")");
				}
				else {
					steps.add(function.name() + ": SQS console → Create queue → " + (fifo ? "FIFO" : "Standard") + ", name "
							+ use.destination() + " → Create queue; copy its URL (template.yaml: " + resource + ")");
					steps.add(function.name() + ": Lambda console → Configuration → Permissions → the execution role → Add permissions"
							+ " → an inline policy allowing sqs:SendMessage on that queue's ARN (it covers SendMessageBatch;"
							+ " template.yaml: SQSSendMessagePolicy)");
					steps.add(function.name() + ": Configuration → Environment variables → " + use.environmentVariable()
							+ " = the queue's URL (https://sqs.<region>.amazonaws.com/<account>/" + use.destination() + ")");
				}
			}
		}
		return steps;
	}

	private static String messagingText(FunctionDeployment.MessagingUse use) {
		return (use.kind() == dev.polyfn.core.messaging.MessagingSettings.Kind.TOPIC ? "SNS topic " : "SQS queue ") + use.destination();
	}

	/** The entry class for a trigger: the handler string typed into the console or written to template.yaml. */
	static String handler(FunctionDeployment.Trigger trigger) {
		return HANDLERS.get(trigger) + "::handleRequest";
	}

	private static final Map<FunctionDeployment.Trigger, String> HANDLERS = Map.of(
			FunctionDeployment.Trigger.HTTP, "dev.polyfn.aws.ApiGatewayHttpHandler",
			FunctionDeployment.Trigger.QUEUE, "dev.polyfn.aws.SqsHandler",
			FunctionDeployment.Trigger.STORAGE, "dev.polyfn.aws.S3Handler",
			FunctionDeployment.Trigger.SCHEDULE, "dev.polyfn.aws.EventBridgeHandler",
			FunctionDeployment.Trigger.PUBSUB, "dev.polyfn.aws.SnsHandler");

	private static String testTemplate(FunctionDeployment.Trigger trigger) {
		return switch (trigger) {
			case HTTP -> "API Gateway HTTP API";
			case QUEUE -> "SQS";
			case STORAGE -> "S3 Put";
			case SCHEDULE -> "EventBridge (CloudWatch Events)";
			case PUBSUB -> "SNS Topic Notification";
		};
	}

	private static String triggerText(FunctionDeployment function) {
		return switch (function.trigger()) {
			case HTTP -> "HTTP API /" + function.name();
			case QUEUE -> "SQS queue " + function.source();
			case STORAGE -> "S3 bucket " + function.source();
			case SCHEDULE -> "schedule " + SamTemplate.rate(function.everyMinutes());
			case PUBSUB -> "SNS topic " + function.source();
		};
	}
}
