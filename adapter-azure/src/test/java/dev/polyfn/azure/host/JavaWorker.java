package dev.polyfn.azure.host;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;


/**
 * Calls a handler method as the Azure Functions Java worker does (Azure/azure-functions-java-worker, package
 * {@code com.microsoft.azure.functions.worker}), so that a test fails where the worker would:
 * <ul>
 * <li>a parameter with a binding annotation gets the input of that binding {@code name}; one with
 * {@code @BindingName} the trigger metadata value of that key, and a key the host did not send fails the
 * invocation ({@code BindingDataStore.getTriggerMetatDataByName}: "Cannot find matched @BindingName");
 * {@code ExecutionContext} is bound by type ({@code broker/ParameterResolver.java});</li>
 * <li>values convert by the data sources' rules ({@link WorkerConversions});</li>
 * <li>{@code HttpRequestMessage<T>} binds its body to {@code T} by the same rules, or fails with "Cannot convert
 * RpcHttpRequestDataSource" ({@code RpcHttpRequestDataSource.java}), as {@link WorkerHttpRequest}.</li>
 * </ul>
 */
public final class JavaWorker {

	private JavaWorker() {
	}

	/** What the host does with the outcome: the method's return value, or why the invocation failed. */
	public record Outcome(Object returned, Throwable failure, boolean failedInWorker) {

		public HostHttpResponse http() {
			if (failure != null) {
				// The host answers a failed HTTP invocation with a bare 500, not the function's contract.
				throw new AssertionError("the invocation failed" + (failedInWorker ? " inside the Java worker" : "")
						+ ": " + failure, failure);
			}
			return (HostHttpResponse) returned;
		}
	}

	/** The invocation failed while the worker bound its arguments: the handler never ran. */
	public static final class BindingFailure extends RuntimeException {

		BindingFailure(String message) {
			super(message);
		}
	}

	public static Outcome invoke(Object handler, Invocation invocation) {
		return invoke(handler, invocation, Logger.getLogger("Function." + invocation.functionName() + ".User"));
	}

	/** As {@link #invoke(Object, Invocation)}, with the invocation's logger given (to read what was logged). */
	public static Outcome invoke(Object handler, Invocation invocation, Logger logger) {
		Method method = Arrays.stream(handler.getClass().getMethods())
				.filter(m -> m.isAnnotationPresent(FunctionName.class)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException(handler.getClass() + " has no @FunctionName method"));
		List<Object> arguments = new ArrayList<>();
		try {
			for (Parameter parameter : method.getParameters()) {
				arguments.add(argument(parameter, invocation, logger));
			}
		}
		catch (BindingFailure failed) {
			return new Outcome(null, failed, true);
		}
		try {
			return new Outcome(method.invoke(handler, arguments.toArray()), null, false);
		}
		catch (InvocationTargetException thrown) {
			return new Outcome(null, thrown.getCause(), false);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Object argument(Parameter parameter, Invocation invocation, Logger logger) {
		Type type = parameter.getParameterizedType();
		if (parameter.getType() == ExecutionContext.class) {
			return context(invocation, logger);
		}
		BindingName bindingName = parameter.getAnnotation(BindingName.class);
		if (bindingName != null) {
			TypedData value = invocation.triggerMetadata().get(bindingName.value());
			if (value == null) {
				throw new BindingFailure("Cannot find matched @BindingName of customer function, please check if"
						+ " customer function is defined correctly");
			}
			return WorkerConversions.convert(value, type);
		}
		String name = bindingNameOf(parameter);
		Object input = invocation.inputs().get(name);
		if (input == null) {
			throw new BindingFailure("Cannot find matched parameter name of customer function, please check if"
					+ " customer function is defined correctly");
		}
		if (input instanceof RpcHttp http) {
			return httpRequest(http, type);
		}
		return WorkerConversions.convert((TypedData) input, type);
	}

	/** The {@code name} of the parameter's binding annotation (the worker's {@code ParamBindInfo}). */
	private static String bindingNameOf(Parameter parameter) {
		for (Annotation annotation : parameter.getAnnotations()) {
			try {
				Method name = annotation.annotationType().getMethod("name");
				return (String) name.invoke(annotation);
			}
			catch (NoSuchMethodException notABinding) {
				// not a binding annotation
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		}
		throw new BindingFailure("Parameter " + parameter + " has no binding annotation");
	}

	private static Object httpRequest(RpcHttp http, Type type) {
		if (!(type instanceof ParameterizedType parameterized)
				|| parameterized.getRawType() != HttpRequestMessage.class) {
			throw new BindingFailure("Cannot convert RpcHttpRequestDataSource to type " + type.getTypeName());
		}
		Object body;
		try {
			body = WorkerConversions.convert(http.body(), parameterized.getActualTypeArguments()[0]);
		}
		catch (BindingFailure cannot) {
			throw new BindingFailure("ClassCastException: Cannot convert RpcHttpRequestDataSource to type "
					+ type.getTypeName());
		}
		return new WorkerHttpRequest(http, body);
	}

	private static ExecutionContext context(Invocation invocation, Logger logger) {
		return new ExecutionContext() {
			@Override
			public Logger getLogger() {
				return logger;
			}

			@Override
			public String getInvocationId() {
				return invocation.invocationId();
			}

			@Override
			public String getFunctionName() {
				return invocation.functionName();
			}
		};
	}
}
