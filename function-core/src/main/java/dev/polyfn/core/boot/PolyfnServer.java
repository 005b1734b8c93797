package dev.polyfn.core.boot;

import java.util.Map;

/**
 * The {@code Main-Class} of the packages whose cloud runs an HTTP server of ours (Function Compute custom
 * runtime, SCF web functions): finds the application in the jar (its ahead-of-time descriptor or manifest) and
 * serves it as {@link PolyfnApplication} does, without needing the application's own {@code main}.
 *
 * <p>Arguments of the form {@code --name=value} become properties, as with Spring Boot.
 */
public final class PolyfnServer {

	private PolyfnServer() {
	}

	public static void main(String[] args) {
		Map<String, Object> properties = PolyfnApplication.arguments(args);
		ClassLoader loader = PolyfnServer.class.getClassLoader();
		// Before locating the application: that already touches Spring, which creates loggers.
		PolyfnRuntime.selectLogging(loader, properties);
		PolyfnApplication.serve(ApplicationClassLocator.locate(loader), properties);
	}
}
