package dev.polyfn.packaging;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;

/**
 * The plan a package deploys: the application's {@code polyfn.deploy.*} entries checked against its function beans
 * ({@link PackageTimeFunctions}), or, with no entries, each function bean as one HTTP deployment named after the bean
 * (one bean, one deployment). A plan never names a function that does not exist: an entry whose function (its name,
 * or its {@code definition}) is no bean fails the build, naming the setting. When the application cannot be read (a
 * packager run without its class path), the plan is one HTTP function of the default definition.
 */
public final class PlanFromBeans {

	private PlanFromBeans() {
	}

	/** Reads {@code application.properties} from a build's classes folder (target/classes) and the beans beside it. */
	public static List<FunctionDeployment> fromClassesDir(Path classes, String fallbackName) {
		Properties properties = ApplicationProperties.fromClassesDir(classes);
		Optional<List<String>> beans = PackageTimeFunctions.of(classes);
		if (beans.isEmpty()) {
			return DeploymentPlan.from(properties, fallbackName);
		}
		List<FunctionDeployment> listed = DeploymentPlan.entries(properties);
		if (listed.isEmpty()) {
			return beans.get().isEmpty() ? DeploymentPlan.from(properties, fallbackName) : oneHttpDeploymentPerBean(properties, beans.get());
		}
		for (FunctionDeployment deployment : listed) {
			checkNamesABean(deployment, beans.get());
		}
		return ProviderModules.servable(listed, System.getProperty("polyfn.package.cloud"),
				Thread.currentThread().getContextClassLoader());
	}

	private static List<FunctionDeployment> oneHttpDeploymentPerBean(Properties properties, List<String> beans) {
		int memory = DeploymentPlan.intValue(properties, "polyfn.deploy.memory", DeploymentPlan.DEFAULT_MEMORY_MB);
		int timeout = DeploymentPlan.intValue(properties, "polyfn.deploy.timeout", DeploymentPlan.DEFAULT_TIMEOUT_SECONDS);
		return beans.stream()
			.map(bean -> new FunctionDeployment(bean, bean, FunctionDeployment.Trigger.HTTP, null, null, memory, timeout))
			.toList();
	}

	/** A definition may compose functions ({@code a|b}) or name several ({@code a,b}): each must be a bean. */
	static void checkNamesABean(FunctionDeployment deployment, List<String> beans) {
		for (String part : deployment.definition().split("[|,]")) {
			if (!beans.contains(part.trim())) {
				boolean explicit = !deployment.definition().equals(deployment.name());
				throw new IllegalArgumentException("polyfn.deploy." + deployment.name()
						+ (explicit ? ".definition=" + deployment.definition() : "") + " names no function: '" + part.trim()
						+ "' is not a function bean of the application; its function beans are " + beans);
			}
		}
	}
}
