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
 * Without {@code polyfn.cloud} (or with {@code web}) it packages the web app under {@code target/polyfn/web/}: the
 * thin application jar, its {@code lib/}, the ahead-of-time bean definitions and a class-data archive from a training
 * run with the JVM running Maven, which {@code java -XX:SharedArchiveFile=target/polyfn/web/app.jsa -jar ...} maps.
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
		Cloud chosen = cloud == null || cloud.isBlank() ? Cloud.WEB : cloud();
		packageHere(new CloudPackaging(project, getLog()), CloudTarget.of(chosen).orElseThrow());
	}
}
