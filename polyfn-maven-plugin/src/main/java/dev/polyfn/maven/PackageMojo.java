package dev.polyfn.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.polyfn.local.events.Cloud;

/**
 * Packages the project for one cloud ({@code polyfn.cloud}): the upload-ready artifact, the cloud's descriptors and
 * DEPLOY.md under {@code target/polyfn/<cloud>/}, as polyfn-parent's {@code -P<cloud>} profiles do. Bind it to
 * {@code package} in a project with any parent; a profile per cloud sets {@code polyfn.cloud} and adds that adapter.
 * Without {@code polyfn.cloud} (or with {@code web}) there is nothing to package and the goal says so.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
		threadSafe = true)
public class PackageMojo extends AbstractPolyfnMojo {

	/** Skips the packaging (library modules of a multi-module build). */
	@Parameter(property = "polyfn.package.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException {
		if (skip || !"jar".equals(project.getPackaging())) {
			getLog().info("polyfn: nothing to package here (" + (skip ? "polyfn.package.skip" : project.getPackaging() + " project") + ")");
			return;
		}
		if (cloud == null || cloud.isBlank()) {
			getLog().info("polyfn: polyfn.cloud is not set, no cloud package (set it to one of aws, azure, gcp, aliyun, tencent, openwhisk, container)");
			return;
		}
		Cloud chosen = cloud();
		CloudTarget target = CloudTarget.of(chosen).orElse(null);
		if (target == null) {
			getLog().info("polyfn: polyfn.cloud=web needs no package: mvn polyfn:run -Dpolyfn.cloud=web serves the functions");
			return;
		}
		packageHere(new CloudPackaging(project, getLog()), target);
	}
}
