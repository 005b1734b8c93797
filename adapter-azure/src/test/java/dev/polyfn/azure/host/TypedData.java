package dev.polyfn.azure.host;

import java.nio.charset.StandardCharsets;

/**
 * One value as the host puts it on the gRPC channel to the Java worker: the {@code TypedData} oneof of
 * azure-functions-language-worker-protobuf, reduced to the cases the host produces for HTTP, queue, blob and timer
 * invocations. {@link #NONE} is {@code DATA_NOT_SET} (an HTTP request without a body).
 */
public record TypedData(Kind kind, String text, byte[] bytes) {

	public enum Kind {
		STRING, JSON, BYTES, NONE
	}

	public static final TypedData NONE = new TypedData(Kind.NONE, null, null);

	public static TypedData string(String value) {
		return new TypedData(Kind.STRING, value, null);
	}

	/** JSON text, as {@code ToRpcDefault} makes it from any object ({@code JsonConvert.SerializeObject}). */
	public static TypedData json(String value) {
		return new TypedData(Kind.JSON, value, null);
	}

	public static TypedData bytes(byte[] value) {
		return new TypedData(Kind.BYTES, null, value.clone());
	}

	@Override
	public String toString() {
		return kind + (kind == Kind.BYTES ? "[" + bytes.length + " bytes]" : kind == Kind.NONE ? "" : "(" + text + ")");
	}

	String utf8() {
		return kind == Kind.BYTES ? new String(bytes, StandardCharsets.UTF_8) : text;
	}
}
