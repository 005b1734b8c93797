package dev.polyfn.packaging;

import static dev.polyfn.packaging.CloudRuntime.Status.DEFAULT;
import static dev.polyfn.packaging.CloudRuntime.Status.DEPRECATED;
import static dev.polyfn.packaging.CloudRuntime.Status.OFFERED;
import static dev.polyfn.packaging.CloudRuntime.Status.TOO_OLD;

import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

/**
 * The Java runtimes each cloud offers, as its vendor documented them on the day each row was checked. The
 * packagers take the runtime they write from here (the cloud's {@link CloudRuntime.Status#DEFAULT} row unless
 * {@code polyfn.<cloud>.runtime} in application.properties names another usable one), DEPLOY.md cites the
 * page, and a test fails when a generated descriptor names a runtime this table does not mark usable.
 *
 * <p>When a vendor changes its list, change the rows here (and their {@code checked} day); nothing else names
 * a runtime id.
 */
public final class CloudRuntimes {

	/** Spring Boot 4's minimum, and the bytecode level polyfn and its users' functions are compiled for. */
	public static final int MINIMUM_JAVA = 17;

	private static final LocalDate CHECKED = LocalDate.of(2026, 12, 1);

	private static final LocalDate CONTAINER_CHECKED = LocalDate.of(2026, 12, 6);

	private static final String AWS_PAGE = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html";
	private static final String GCP_PAGE = "https://cloud.google.com/run/docs/runtimes/java";
	private static final String AZURE_LANGUAGES_PAGE = "https://learn.microsoft.com/azure/azure-functions/supported-languages?pivots=programming-language-java";
	private static final String SCF_JAVA_PAGE = "https://cloud.tencent.com/document/product/583/67366";
	private static final String SCF_CUSTOM_RUNTIME_PAGE = "https://cloud.tencent.com/document/product/583/47274";
	private static final String SCF_WEB_BOOTSTRAP_PAGE = "https://cloud.tencent.com/document/product/583/56126";
	private static final String OPENWHISK_RUNTIMES_PAGE = "https://github.com/apache/openwhisk/blob/master/ansible/files/runtimes.json";
	private static final String OPENWHISK_JAVA_PAGE = "https://github.com/apache/openwhisk-runtime-java";
	private static final LocalDate OPENWHISK_CHECKED = LocalDate.of(2026, 12, 6);
	// The Docker Official Image's tag list (docker-library/docs eclipse-temurin/README.md, read 2026-12-06); the tags
	// name the Ubuntu release, since the bare 25-jre tag moves to the newest Ubuntu when one comes out.
	private static final String TEMURIN_PAGE = "https://hub.docker.com/_/eclipse-temurin";
	private static final String FC_LAYERS_PAGE = "https://www.alibabacloud.com/help/en/functioncompute/fc/configure-common-layers-for-a-function-1";

	private static final List<CloudRuntime> ROWS = List.of(
			// AWS: java17 and java11 run on Amazon Linux 2, which reached end of life on 2026-06-30; cfn-lint's
			// lifecycle data (1.51.0) blocks creating functions on them from 2026-07-31. java21/java25 run on AL2023.
			row("aws", "java25", 25, "Amazon Linux 2023", DEFAULT, "2029-06-30", AWS_PAGE),
			row("aws", "java21", 21, "Amazon Linux 2023", OFFERED, "2029-06-30", AWS_PAGE),
			row("aws", "java17", 17, "Amazon Linux 2", DEPRECATED, "2026-06-30", AWS_PAGE),
			row("aws", "java11", 11, "Amazon Linux 2", DEPRECATED, "2026-06-30", AWS_PAGE),
			// Google Cloud Run functions: the --base-image value (gcloud run deploy --function ... --base-image).
			row("gcp", "java25", 25, "Ubuntu 24 (google-24)", DEFAULT, "2031-10-31", GCP_PAGE),
			row("gcp", "java21", 21, "Ubuntu 22 (google-22)", OFFERED, "2031-09-30", GCP_PAGE),
			row("gcp", "java17", 17, "Ubuntu 22 (google-22)", DEPRECATED, "2027-10-31", GCP_PAGE),
			row("gcp", "java11", 11, "Ubuntu 18 (google-18-full)", DEPRECATED, "2024-10-31", GCP_PAGE),
			// Azure Functions 4.x: the id is az functionapp create --runtime java --runtime-version <id>. New apps go on
			// Flex Consumption; its Java stack data (Az.Functions FunctionsStackFlexData/java.json) lists 21, so 21 is
			// the default until Flex lists 25, which the languages page gives as GA. End of support: the page's month.
			row("azure", "21", 21, "Linux (Flex Consumption)", DEFAULT, "2028-09-30", AZURE_LANGUAGES_PAGE),
			row("azure", "25", 25, "Linux (Functions 4.x)", OFFERED, "2029-05-31", AZURE_LANGUAGES_PAGE),
			row("azure", "17", 17, "Linux (Flex Consumption)", OFFERED, "2027-09-30", AZURE_LANGUAGES_PAGE),
			row("azure", "11", 11, "Linux / Windows", TOO_OLD, "2027-09-30", AZURE_LANGUAGES_PAGE),
			// Alibaba FC 3.0: the built-in java8/java11 runtimes cannot run Spring Boot 4, so polyfn uses a custom
			// runtime with an official Java layer; the id is the layer (region filled in by Serverless Devs).
			row("aliyun", "acs:fc:${vars.region}:official:layers/Java21/versions/2", 21, "custom.debian10 / custom.debian11 / custom.debian12", DEFAULT, null, FC_LAYERS_PAGE),
			row("aliyun", "acs:fc:${vars.region}:official:layers/Java17/versions/3", 17, "custom.debian10 / custom.debian11 / custom.debian12", OFFERED, null, FC_LAYERS_PAGE),
			row("aliyun", "acs:fc:${vars.region}:official:layers/Java17/versions/2", 17, "custom.debian10", DEPRECATED, null, FC_LAYERS_PAGE),
			row("aliyun", "java11", 11, "Debian 10 (built-in)", TOO_OLD, null, "https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/overview-of-runtimes"),
			// Tencent SCF: the built-in Java runtimes are Java 8 and 11 only, so the package brings a jlinked JRE
			// (the build JDK's version, 17+). Event functions run it as a Custom Runtime (a `bootstrap` on SCF's
			// runtime API); web functions run it from scf_bootstrap inside the Java 11 image, whose own Java is unused.
			row("tencent", "CustomRuntime", MINIMUM_JAVA, "CentOS 7.6; Java = the JRE bundled in the ZIP", DEFAULT, null, SCF_CUSTOM_RUNTIME_PAGE),
			row("tencent", "Java11", 11, "CentOS 7.6 (built-in)", TOO_OLD, null, SCF_JAVA_PAGE),
			row("tencent", "Java8", 8, "CentOS 7.6 (built-in)", TOO_OLD, null, SCF_JAVA_PAGE),
			row("tencent-web", "Java11", MINIMUM_JAVA, "CentOS 7.6 Java 11 web-function image; scf_bootstrap starts the JRE bundled in the ZIP", DEFAULT, null, SCF_WEB_BOOTSTRAP_PAGE),
			// Containers (Knative, Cloud Run, OpenFaaS): the JRE base image of the generated Dockerfile, an LTS Java.
			row("container", "eclipse-temurin:25-jre-noble", 25, "Ubuntu 24.04 (noble)", DEFAULT, null, TEMURIN_PAGE, CONTAINER_CHECKED),
			row("container", "eclipse-temurin:21-jre-noble", 21, "Ubuntu 24.04 (noble)", OFFERED, null, TEMURIN_PAGE, CONTAINER_CHECKED),
			row("container", "eclipse-temurin:17-jre-noble", 17, "Ubuntu 24.04 (noble)", OFFERED, null, TEMURIN_PAGE, CONTAINER_CHECKED),
			// Apache OpenWhisk: the one Java kind of the default runtimes manifest is java:8 (openwhisk/java8action), and
			// apache/openwhisk-runtime-java's CI publishes only the Java 8 images. A Java 17 action runs on an image built
			// from that repository (--docker): the id is the image name its Gradle build gives it (core/java17actionloop
			// and core/java17 build.gradle, dockerImageName). ActionLoop first: the core/java17 Dockerfile starts the
			// proxy with OpenJ9 options (-Xshareclasses, -Xquickstart) on the HotSpot openjdk:17-alpine image.
			new CloudRuntime("openwhisk", "actionloop-java-v17", 17, "image of core/java17actionloop: the ActionLoop proxy and"
					+ " Launcher on IBM Semeru OpenJDK 17", DEFAULT, null, OPENWHISK_JAVA_PAGE, OPENWHISK_CHECKED),
			new CloudRuntime("openwhisk", "java17action", 17, "image of core/java17: the JarLoader proxy on openjdk:17-alpine",
					OFFERED, null, OPENWHISK_JAVA_PAGE, OPENWHISK_CHECKED),
			new CloudRuntime("openwhisk", "java:8", 8, "managed kind (openwhisk/java8action)", TOO_OLD, null,
					OPENWHISK_RUNTIMES_PAGE, OPENWHISK_CHECKED));

	private CloudRuntimes() {
	}

	private static CloudRuntime row(String cloud, String id, int java, String os, CloudRuntime.Status status,
			String deprecation, String page) {
		return row(cloud, id, java, os, status, deprecation, page, CHECKED);
	}

	private static CloudRuntime row(String cloud, String id, int java, String os, CloudRuntime.Status status,
			String deprecation, String page, LocalDate checked) {
		return new CloudRuntime(cloud, id, java, os, status, deprecation == null ? null : LocalDate.parse(deprecation),
				page, checked);
	}

	public static List<CloudRuntime> all() {
		return ROWS;
	}

	public static List<CloudRuntime> of(String cloud) {
		return ROWS.stream().filter(r -> r.cloud().equals(cloud)).toList();
	}

	/** The runtime a package for {@code cloud} targets: {@code polyfn.<cloud>.runtime} when set, else the default. */
	public static CloudRuntime target(String cloud, Properties applicationProperties) {
		String configured = applicationProperties == null ? null : applicationProperties.getProperty(property(cloud));
		if (configured == null || configured.isBlank()) {
			return of(cloud).stream().filter(r -> r.status() == DEFAULT).findFirst()
					.orElseThrow(() -> new IllegalStateException("No default Java runtime is recorded for " + cloud));
		}
		return requireUsable(cloud, configured.trim(), property(cloud));
	}

	/**
	 * The row of a runtime a descriptor names; fails, naming {@code where}, when the table does not know the
	 * runtime or marks it deprecated or too old.
	 */
	public static CloudRuntime requireUsable(String cloud, String id, String where) {
		CloudRuntime runtime = of(cloud).stream().filter(r -> r.id().equals(id)).findFirst()
				.orElseThrow(() -> new IllegalStateException(where + " names the runtime '" + id + "', which " + cloud
						+ " does not offer; offered: " + usableIds(cloud)));
		if (!runtime.usable()) {
			throw new IllegalStateException(where + " names the runtime '" + id + "', which is " + describe(runtime)
					+ " (" + runtime.citation() + "); offered: " + usableIds(cloud));
		}
		return runtime;
	}

	public static String property(String cloud) {
		return "polyfn." + cloud + ".runtime";
	}

	private static String describe(CloudRuntime runtime) {
		return switch (runtime.status()) {
			case DEPRECATED -> "deprecated" + (runtime.deprecation() == null ? "" : " since " + runtime.deprecation());
			case TOO_OLD -> "Java " + runtime.java() + ", too old for Spring Boot 4 (Java " + MINIMUM_JAVA + "+)";
			default -> "Java " + runtime.java() + ", below polyfn's minimum of Java " + MINIMUM_JAVA;
		};
	}

	private static List<String> usableIds(String cloud) {
		return of(cloud).stream().filter(CloudRuntime::usable).map(CloudRuntime::id).toList();
	}
}
