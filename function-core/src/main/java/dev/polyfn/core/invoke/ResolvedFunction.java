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
	private final Type outputType;
	private final boolean supplier;
	private final boolean consumer;

	ResolvedFunction(String definition, FunctionInvocationWrapper wrapper) {
		this(definition, wrapper, wrapper.getInputType(), wrapper.getInputType() != null && wrapper.isInputTypePublisher(),
				wrapper.getOutputType(), directTarget(definition, wrapper), wrapper.isSupplier(), wrapper.isConsumer());
	}

	private ResolvedFunction(String definition, FunctionInvocationWrapper wrapper, Type declaredInput,
			boolean publisherInput, Type outputType, Object directTarget, boolean supplier, boolean consumer) {
		this.definition = definition;
		this.wrapper = wrapper;
		this.outputType = outputType;
		this.supplier = supplier;
		this.consumer = consumer;
		Type type = declaredInput;
		this.publisherInput = publisherInput;
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
		this.directTarget = directTarget;
	}

	/** A plain function bean, called directly without the catalog's wrapper ({@link FunctionBeans}). */
	static ResolvedFunction direct(String name, Object bean, Type input, Type output) {
		return new ResolvedFunction(name, null, input, false, output, bean, bean instanceof java.util.function.Supplier<?>,
				bean instanceof java.util.function.Consumer<?>);
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
		return supplier;
	}

	public boolean isConsumer() {
		return consumer;
	}

	/** The payload type the function takes, unwrapped from {@code Message} and publishers; null for a supplier. */
	public Type inputType() {
		return inputType;
	}

	public Class<?> rawInputType() {
		return rawInputType;
	}

	public Type outputType() {
		return outputType;
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

	/** The catalog's wrapper; null for a function called directly. */
	FunctionInvocationWrapper wrapper() {
		return wrapper;
	}

	@Override
	public String toString() {
		return definition;
	}
}
