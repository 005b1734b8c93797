package dev.polyfn.azure;

import java.util.List;
import java.util.function.Supplier;

import com.microsoft.azure.functions.ExecutionContext;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.invoke.ResolvedFunction;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.PortableEvent;

/**
 * What every Azure entry point shares: the process-wide polyfn runtime, the invocation context built from the
 * worker's {@link ExecutionContext}, which bean definition an Azure function runs, and how an event trigger
 * turns a failed invocation into an exception so that Azure retries it.
 *
 * <p>The Java worker creates handler instances itself (possibly one per invocation), so handlers hold only a
 * supplier; the Spring context behind it is started once per worker by {@link PolyfnRuntime#shared(String)}.
 */
public final class AzureFunctionRuntime {

	public static final String CLOUD = "azure";

	/** The message header under which a function finds the worker's {@link ExecutionContext}. */
	public static final String EXECUTION_CONTEXT_HEADER = "azure-execution-context";

	private final Supplier<PolyfnRuntime> runtime;

	private AzureFunctionRuntime(Supplier<PolyfnRuntime> runtime) {
		this.runtime = runtime;
	}

	/** The worker's runtime: started on first use, shared by every handler instance and invocation. */
	public static AzureFunctionRuntime shared() {
		return new AzureFunctionRuntime(() -> PolyfnRuntime.shared(CLOUD));
	}

	/** A given runtime (tests, or an application that starts its own context). */
	public static AzureFunctionRuntime of(PolyfnRuntime runtime) {
		return new AzureFunctionRuntime(() -> runtime);
	}

	public PolyfnRuntime runtime() {
		return runtime.get();
	}

	/** The invocation id and Azure function name reach the function as headers and the logs as MDC entries. */
	public static InvocationContext invocationContext(ExecutionContext context) {
		return InvocationContext.of(CLOUD, context.getInvocationId(), context.getFunctionName())
				.with(EXECUTION_CONTEXT_HEADER, context);
	}

	/**
	 * The bean definition an Azure function runs: {@code polyfn.deploy.<name>.definition} when the application
	 * sets one, else the bean of the same name, else null (the configured or only function).
	 */
	public String definitionFor(String azureFunctionName) {
		if (azureFunctionName == null) {
			return null;
		}
		PolyfnRuntime polyfn = runtime();
		String configured = polyfn.context().getEnvironment()
				.getProperty("polyfn.deploy." + azureFunctionName + ".definition");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return polyfn.invoker().isKnown(azureFunctionName) ? azureFunctionName : null;
	}

	/** A setting of the deployed function, e.g. {@code source} (its queue or container). */
	public String deploySetting(String azureFunctionName, String setting) {
		return runtime().context().getEnvironment().getProperty("polyfn.deploy." + azureFunctionName + "." + setting);
	}

	/**
	 * Runs one event through the function the Azure function names. A failure of any kind (unknown function,
	 * unreadable event, the function threw) is logged once to the invocation's log and thrown, so that Azure
	 * retries the message and finally moves it to the poison queue; nothing is swallowed.
	 */
	public InvocationResult runEvent(PortableEvent event, ExecutionContext context) {
		InvocationContext invocation = invocationContext(context);
		InvocationResult result;
		try {
			ResolvedFunction function = runtime().invoker().resolve(definitionFor(context.getFunctionName()));
			// A batch of one: a function that takes a collection (a batch of log lines, say) gets [message].
			result = runtime().invoker().invokeBatch(function, List.of(event), invocation).items().get(0).result();
		}
		catch (FunctionFailure unknown) {
			result = InvocationResult.failure(unknown.error());
		}
		if (result.failed()) {
			throw failed(context, result.error());
		}
		return result;
	}

	/** Logs a failed event invocation once, to the invocation's own log, and returns the exception to throw. */
	public static AzureEventFailure failed(ExecutionContext context, FunctionError error) {
		AzureEventFailure failure = new AzureEventFailure(context.getFunctionName(), context.getInvocationId(), error);
		// A client fault (4xx: an unreadable event) is a warning; only a server fault is severe.
		if (error.status() >= 500) {
			context.getLogger().severe(failure.getMessage());
		}
		else {
			context.getLogger().warning(failure.getMessage());
		}
		return failure;
	}
}
