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
