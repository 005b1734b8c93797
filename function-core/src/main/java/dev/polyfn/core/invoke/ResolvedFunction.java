package dev.polyfn.core.invoke;

import java.lang.reflect.Type;

import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;

/**
 * A function (or composition) looked up once from Spring Cloud Function's catalog, with the facts about its
 * input the pipeline needs on every call worked out up front.
 */
public final class ResolvedFunction {

	private final String definition;
	private final FunctionInvocationWrapper wrapper;
	private final Type inputType;
	private final Class<?> rawInputType;
	private final boolean messageInput;
	private final boolean publisherInput;
	private final Object directTarget;

	ResolvedFunction(String definition, FunctionInvocationWrapper wrapper) {
		this.definition = definition;
		this.wrapper = wrapper;
		Type type = wrapper.getInputType();
		this.publisherInput = type != null && wrapper.isInputTypePublisher();
		if (publisherInput) {
			type = FunctionTypeUtils.getImmediateGenericType(type, 0);
		}
		this.messageInput = type != null && FunctionTypeUtils.isMessage(type);
		if (messageInput) {
			type = FunctionTypeUtils.getImmediateGenericType(type, 0);
			if (type == null) {
				type = Object.class;
			}
		}
		this.inputType = type;
		this.rawInputType = type == null ? null : FunctionTypeUtils.getRawType(type);
		this.directTarget = directTarget(definition, wrapper);
	}

	/**
	 * The user's bean when it can be called as it is: one plain Function, Consumer or Supplier (not a composition,
	 * not reactive). Null means: go through Spring Cloud Function's wrapper.
	 */
	private static Object directTarget(String definition, FunctionInvocationWrapper wrapper) {
		Object target = wrapper.getTarget();
		boolean plain = target instanceof java.util.function.Function || target instanceof java.util.function.Consumer
				|| target instanceof java.util.function.Supplier;
		if (definition.contains("|") || wrapper.isComposed() || wrapper.isInputTypePublisher()
				|| wrapper.isOutputTypePublisher() || wrapper.isRoutingFunction() || !plain
				|| target.getClass().getName().startsWith("org.springframework.cloud.function.")) {
			return null;
		}
		return target;
	}

	Object directTarget() {
		return directTarget;
	}

	public String definition() {
		return definition;
	}

	public boolean isSupplier() {
		return wrapper.isSupplier();
	}

	public boolean isConsumer() {
		return wrapper.isConsumer();
	}

	/** The payload type the function takes, unwrapped from {@code Message} and publishers; null for a supplier. */
	public Type inputType() {
		return inputType;
	}

	public Class<?> rawInputType() {
		return rawInputType;
	}

	public Type outputType() {
		return wrapper.getOutputType();
	}

	public boolean takesCollection() {
		return rawInputType != null && java.util.Collection.class.isAssignableFrom(rawInputType);
	}

	boolean messageInput() {
		return messageInput;
	}

	boolean publisherInput() {
		return publisherInput;
	}

	FunctionInvocationWrapper wrapper() {
		return wrapper;
	}

	@Override
	public String toString() {
		return definition;
	}
}
