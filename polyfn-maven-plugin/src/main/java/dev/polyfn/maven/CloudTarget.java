package dev.polyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.polyfn.local.events.Cloud;

/**
 * What packaging one cloud takes: the adapter that must be on the class path, the packager in polyfn-packaging
 * (called through its {@code main(String[])}), what the flat jar leaves out, and where the upload-ready artifact
 * lands under {@code target/polyfn/<cloud>/}.
 */
enum CloudTarget {

	AWS(Cloud.AWS, "dev.polyfn.packaging.aws.AwsPackager",
			Set.of("com.amazonaws:aws-lambda-java-runtime-interface-client", "com.amazonaws:aws-lambda-java-serialization")),
	AZURE(Cloud.AZURE, "dev.polyfn.packaging.azure.AzurePackager", Set.of()),
	GCP(Cloud.GCP, "dev.polyfn.packaging.gcp.GcpPackager",
			Set.of("com.google.cloud.functions:functions-framework-api", "io.cloudevents:cloudevents-api")),
	ALIYUN(Cloud.ALIYUN, "dev.polyfn.packaging.aliyun.AliyunPackager", Set.of()),
	TENCENT(Cloud.TENCENT, "dev.polyfn.packaging.tencent.TencentPackager", Set.of()),
	OPENWHISK(Cloud.OPENWHISK, "dev.polyfn.packaging.openwhisk.OpenWhiskPackager", Set.of()),
	/** The web app as a container image (Knative, Cloud Run, OpenFaaS): no adapter, every cloud's adapter left out. */
	CONTAINER(Cloud.CONTAINER, "dev.polyfn.packaging.container.ContainerPackager", Set.of()),
	/** The web app ({@code mvn package} without a cloud): the layered jar, its ahead-of-time code and class-data archive. */
	WEB(Cloud.WEB, "dev.polyfn.packaging.web.WebPackager", Set.of());

	/** Left out of every cloud's artifact: on no path of the function at run time. */
	static final Set<String> NEVER_SHIPPED = Set.of("dev.polyfn:polyfn-packaging", "org.springframework:spring-web",
			"org.springframework.boot:spring-boot-web-server", "org.springframework.boot:spring-boot-restclient",
			"org.springframework.boot:spring-boot-http-client", "org.springframework.boot:spring-boot-http-converter",
			"io.micrometer:*", "org.apache.logging.log4j:*",
			// Only Spring Cloud Function's own JsonMapper set-up touches Joda; polyfn's runtimes bring PolyfnJsonMapper.
			"joda-time:joda-time", "tools.jackson.datatype:jackson-datatype-joda");

	static final List<String> LOGBACK_CONFIGURATIONS = List.of("logback.xml", "logback-spring.xml");

	final Cloud cloud;
	final String packagerClass;
	final Set<String> cloudExcludes;

	CloudTarget(Cloud cloud, String packagerClass, Set<String> cloudExcludes) {
		this.cloud = cloud;
		this.packagerClass = packagerClass;
		this.cloudExcludes = cloudExcludes;
	}

	static Optional<CloudTarget> of(Cloud cloud) {
		return Stream.of(values()).filter(t -> t.cloud == cloud).findFirst();
	}

	String id() {
		return cloud.id();
	}

	/** Whether the package needs a polyfn adapter: the container and the web app serve with function-core's own server. */
	boolean needsAdapter() {
		return this != CONTAINER && this != WEB;
	}

	/** Whether the artifact is the thin application jar with its dependencies in {@code lib/} beside it. */
	boolean isLayered() {
		return this == CONTAINER || this == WEB;
	}

	String adapterArtifactId() {
		return "adapter-" + id();
	}

	/** The dependency a project must add, as it would paste it into its pom. */
	String adapterDependencyXml() {
		return "<dependency><groupId>dev.polyfn</groupId><artifactId>" + adapterArtifactId() + "</artifactId></dependency>";
	}

	/** Whether {@code groupId:artifactId} stays out of this cloud's artifact, for an application with this configuration. */
	boolean excludes(String groupId, String artifactId, boolean hasLogbackConfiguration) {
		return excludes(groupId, artifactId) || (!hasLogbackConfiguration && groupId.equals("ch.qos.logback"));
	}

	/** Whether {@code groupId:artifactId} stays out of this cloud's artifact whatever the application holds. */
	boolean excludes(String groupId, String artifactId) {
		String key = groupId + ":" + artifactId;
		if (groupId.equals("dev.polyfn") && artifactId.startsWith("adapter-") && !artifactId.equals(adapterArtifactId())) {
			return true; // one cloud per artifact: another cloud's adapter never ships
		}
		return Stream.concat(NEVER_SHIPPED.stream(), cloudExcludes.stream())
			.anyMatch(rule -> rule.equals(key) || (rule.endsWith(":*") && rule.startsWith(groupId + ":")));
	}

	/** The flat jar the packager reads. */
	Path flatJar(ProjectLayout project) {
		return project.buildDir().resolve(project.artifactId() + "-" + project.version() + "-" + id() + ".jar");
	}

	Path outputDir(ProjectLayout project) {
		return project.buildDir().resolve("polyfn").resolve(id());
	}

	/** The packager's arguments, in the order its {@code main} takes them. */
	List<String> packagerArguments(ProjectLayout p, Path applicationJar) {
		String classes = p.classesDir().toString();
		String out = outputDir(p).toString();
		return switch (this) {
			case AWS -> List.of(flatJar(p).toString(), classes, out, p.artifactId());
			case AZURE -> List.of(classes, applicationJar.toString(), azureStaging(p).toString(), out, p.basedir().toString());
			case GCP -> List.of(classes, p.buildDir().toString(), flatJar(p).toString(), p.artifactId(), p.basedir().toString());
			case ALIYUN -> List.of(flatJar(p).toString(), classes, out, p.basedir().toString(), p.artifactId());
			case TENCENT -> List.of(classes, flatJar(p).toString(), out, p.finalName(), p.basedir().toString());
			case OPENWHISK -> List.of(flatJar(p).toString(), classes, out, p.artifactId(), p.basedir().toString());
			case CONTAINER -> List.of(classes, out, p.finalName(), p.version(), p.basedir().toString());
			case WEB -> List.of(classes, out, p.finalName(), p.basedir().toString());
		};
	}

	/**
	 * The container's application: the project's classes as a thin jar whose manifest's {@code Class-Path} names the
	 * dependency jars in {@code lib/} beside it, the layout Spring Boot's "Efficient Container Images" recommends
	 * (dependencies change seldom, so they are an image layer of their own that a rebuild reuses).
	 */
	Path containerJar(ProjectLayout project) {
		return outputDir(project).resolve("image").resolve("app").resolve(project.finalName() + ".jar");
	}

	/** The layered targets' application jar: the container's {@code image/app/}, the web app's own folder. */
	Path applicationJar(ProjectLayout project) {
		return this == WEB ? outputDir(project).resolve(project.finalName() + ".jar") : containerJar(project);
	}

	Path azureStaging(ProjectLayout project) {
		return outputDir(project).resolve(project.finalName());
	}

	/** The packaged artifact invoke and run start, if it was built: a jar, a ZIP or Azure's staging folder. */
	Optional<Path> packagedArtifact(ProjectLayout project) throws IOException {
		Path out = outputDir(project);
		if (!Files.isDirectory(out)) {
			return Optional.empty();
		}
		return switch (this) {
			case AWS -> newest(out, "-aws.jar");
			case GCP -> Files.isDirectory(out.resolve("source")) ? newest(out.resolve("source"), ".jar") : Optional.empty();
			case ALIYUN -> newest(out, "-aliyun.zip");
			case TENCENT -> newest(out, "-tencent.zip");
			case OPENWHISK -> newest(out, "-openwhisk.jar");
			case CONTAINER, WEB -> Files.isRegularFile(applicationJar(project)) ? Optional.of(applicationJar(project)) : Optional.empty();
			case AZURE -> {
				try (Stream<Path> dirs = Files.list(out)) {
					yield dirs.filter(d -> Files.isRegularFile(d.resolve("host.json"))).findFirst().map(d -> d.resolve("host.json"));
				}
			}
		};
	}

	private static Optional<Path> newest(Path dir, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(suffix))
				.max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()));
		}
	}
}
