package dev.polyfn.packaging;

import java.util.List;
import java.util.Properties;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;

/** Deployment plans the descriptor tests render, configured the way a user writes application.properties. */
public final class SamplePlans {

	private SamplePlans() {
	}

	/** One function per trigger, with a memory and timeout override on one of them; the storage one uses a bucket. */
	public static List<FunctionDeployment> everyTrigger() {
		Properties properties = new Properties();
		properties.setProperty("polyfn.deploy.reverse.trigger", "http");
		properties.setProperty("polyfn.deploy.processOrder.trigger", "queue");
		properties.setProperty("polyfn.deploy.processOrder.source", "orders");
		properties.setProperty("polyfn.deploy.thumbnail.trigger", "storage");
		properties.setProperty("polyfn.deploy.thumbnail.source", "uploads");
		properties.setProperty("polyfn.deploy.thumbnail.storage", "uploads");
		properties.setProperty("polyfn.deploy.cleanupExpired.trigger", "schedule");
		properties.setProperty("polyfn.deploy.cleanupExpired.every", "15m");
		properties.setProperty("polyfn.deploy.auditEvents.trigger", "pubsub");
		properties.setProperty("polyfn.deploy.auditEvents.source", "audit");
		properties.setProperty("polyfn.deploy.auditEvents.memory", "2048");
		properties.setProperty("polyfn.deploy.auditEvents.timeout", "300");
		return DeploymentPlan.from(properties, "order-service");
	}

	/** One function of the given trigger, everything else at its default. */
	public static FunctionDeployment function(String name, String trigger) {
		Properties properties = new Properties();
		properties.setProperty("polyfn.deploy." + name + ".trigger", trigger);
		return DeploymentPlan.from(properties, name).get(0);
	}
}
