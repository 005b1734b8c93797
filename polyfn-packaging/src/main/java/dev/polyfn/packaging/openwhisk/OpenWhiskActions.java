package dev.polyfn.packaging.openwhisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.CloudRuntime;

/**
 * How each function of the plan becomes an OpenWhisk action, shared by {@code manifest.yaml} and the {@code wsk}
 * lines: one action per function in a package named after the application, all from the one jar, with
 * {@code --main} the entry class, the runtime image ({@code --docker}) or kind ({@code --kind}), the function
 * chosen by the action parameter {@code SPRING_CLOUD_FUNCTION_DEFINITION}, memory in MB and timeout in ms. HTTP
 * functions are web actions: {@code raw} by default, so the function gets the request as it came ({@code __ow_body},
 * {@code __ow_query}) and polyfn's error contract answers a malformed body, not the controller (which parses a JSON
 * or form body itself for {@code --web true} actions). Sources, read 2026-12-06: apache/openwhisk docs/webactions.md
 * ("Raw HTTP handling"), docs/actions.md; apache/openwhisk-cli commands/action.go ({@code --web raw} sets
 * {@code web-export}, {@code raw-http} and {@code final}); apache/openwhisk-runtime-java README.md ({@code --main},
 * {@code --docker}).
 */
public record OpenWhiskActions(String packageName, String jarName, CloudRuntime runtime, String image, String main,
		String webMode) {

	/** The action parameter the adapter reads the function from (dev.polyfn.openwhisk.OpenWhiskAction). */
	public static final String DEFINITION_PARAMETER = "SPRING_CLOUD_FUNCTION_DEFINITION";

	public static final String DEFAULT_MAIN = "dev.polyfn.openwhisk.OpenWhiskAction";

	public OpenWhiskActions {
		if (!webMode.equals("raw") && !webMode.equals("true")) {
			throw new IllegalArgumentException("polyfn.openwhisk.web=" + webMode + ": raw (the HTTP request as it came) or true");
		}
	}

	/** Whether the runtime row is a kind of the deployment's runtimes manifest ({@code java:8}) or an image. */
	public boolean usesKind() {
		return runtime.id().contains(":");
	}

	/** Where the action lives: {@code <package>/<function>}. */
	public String actionName(FunctionDeployment function) {
		return packageName + "/" + function.name();
	}

	public static boolean isWeb(FunctionDeployment function) {
		return function.trigger() == FunctionDeployment.Trigger.HTTP;
	}

	public static int timeoutMillis(FunctionDeployment function) {
		return function.timeoutSeconds() * 1000;
	}

	/** {@code wsk action create} for one function (run from the folder holding the jar). */
	public String wskLine(FunctionDeployment function) {
		StringBuilder line = new StringBuilder("wsk action create ").append(actionName(function)).append(' ')
				.append(jarName).append(" --main ").append(main);
		if (usesKind()) {
			line.append(" --kind ").append(runtime.id());
		}
		else {
			line.append(" --docker ").append(image);
		}
		if (isWeb(function)) {
			line.append(" --web ").append(webMode);
		}
		if (function.definition() != null) {
			line.append(" --param ").append(DEFINITION_PARAMETER).append(' ').append(shellQuoted(function.definition()));
		}
		return line.append(" --memory ").append(function.memoryMb()).append(" --timeout ").append(timeoutMillis(function))
				.toString();
	}

	/** Every line a user types, the package first. */
	public List<String> wskLines(List<FunctionDeployment> plan) {
		List<String> lines = new ArrayList<>();
		lines.add("wsk package update " + packageName);
		plan.forEach(function -> lines.add(wskLine(function)));
		plan.stream().filter(OpenWhiskActions::isWeb).findFirst()
				.ifPresent(web -> lines.add("wsk action get " + actionName(web) + " --url"));
		return lines;
	}

	static String shellQuoted(String value) {
		return value.matches("[A-Za-z0-9_.,@:/-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
	}

	static String trigger(FunctionDeployment function) {
		return function.trigger().name().toLowerCase(Locale.ROOT);
	}
}
