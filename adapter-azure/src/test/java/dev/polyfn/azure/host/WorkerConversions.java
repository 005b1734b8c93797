package dev.polyfn.azure.host;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Java worker's conversions of one {@link TypedData} value to a parameter type, from its data sources
 * (azure-functions-java-worker {@code binding/RpcStringDataSource.java}, {@code RpcJsonDataSource.java},
 * {@code RpcByteArrayDataSource.java}, {@code RpcEmptyDataSource.java}, {@code DataSource.computeByType},
 * {@code DataOperations.java}): a string or JSON value becomes a {@code String} as its text (JSON keeps its quotes)
 * or a number by parsing; bytes become only {@code byte[]}; {@code Optional<T>} unwraps, and an absent value is
 * {@code Optional.empty()}. Anything else is the worker's ClassCastException.
 */
final class WorkerConversions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WorkerConversions() {
	}

	static Object convert(TypedData value, Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
			if (value.kind() == TypedData.Kind.NONE) {
				return Optional.empty();
			}
			return Optional.ofNullable(convert(value, parameterized.getActualTypeArguments()[0]));
		}
		if (value.kind() == TypedData.Kind.NONE) {
			return null;
		}
		if (type == String.class) {
			if (value.kind() == TypedData.Kind.BYTES) {
				throw cannotConvert(value, type);
			}
			return value.text();
		}
		if (type == byte[].class) {
			if (value.kind() != TypedData.Kind.BYTES) {
				throw cannotConvert(value, type);
			}
			return value.bytes().clone();
		}
		if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
			if (value.kind() == TypedData.Kind.BYTES) {
				throw cannotConvert(value, type);
			}
			try {
				long number = value.kind() == TypedData.Kind.JSON ? JSON.readValue(value.text(), Long.class)
						: Long.parseLong(value.text());
				return type == int.class || type == Integer.class ? (Object) (int) number : (Object) number;
			}
			catch (RuntimeException notANumber) {
				throw cannotConvert(value, type);
			}
		}
		throw cannotConvert(value, type);
	}

	private static JavaWorker.BindingFailure cannotConvert(TypedData value, Type type) {
		return new JavaWorker.BindingFailure("ClassCastException: Cannot convert " + value + " to type " + type.getTypeName());
	}
}
