package dev.polyfn.azure.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.model.MediaTypes;

/**
 * The HTTP body as the Java worker hands it over: a {@code String} the Functions host decoded.
 *
 * <p>Why a string, and when it is not the body that was sent (facts from the public sources):
 * <ul>
 * <li>The Java worker advertises {@code RpcHttpBodyOnly} but not {@code RawHttpBodyBytes}
 * (azure-functions-java-worker {@code handler/WorkerInitRequestHandler.java}). The host's
 * {@code PopulateBody} then reads every body as a UTF-8 string ({@code ReadAsStringAsync}: UTF-8 whatever the
 * charset, byte order marks detected and dropped, invalid bytes replaced by U+FFFD) unless the media type is
 * {@code application/octet-stream} or {@code multipart/*}, which travel as bytes (azure-functions-host
 * {@code src/WebJobs.Script.Grpc/MessageExtensions/GrpcMessageConversionExtensions.cs}, {@code PopulateBody} and
 * {@code IsMediaTypeOctetOrMultipart}).</li>
 * <li>The worker binds a string body to {@code HttpRequestMessage<Optional<String>>} unchanged and has no
 * conversion from bytes to {@code String} nor from a string to {@code byte[]}
 * ({@code binding/RpcStringDataSource.java}, {@code RpcByteArrayDataSource.java}, {@code DataOperations.java}),
 * so no one parameter type receives both: polyfn takes the string, which covers every text and JSON request.
 * Octet-stream and multipart requests fail inside the worker before polyfn runs (azure-functions-java-worker
 * issue 321); binary bodies need the custom-handler package.</li>
 * </ul>
 * A text body in UTF-8 (or ASCII) survives that decoding, so it is re-encoded here to the bytes that were sent.
 * Any other body has lost bytes already: polyfn answers 415 and says which package carries it.
 */
public final class HostDecodedBody {

	static final String BINARY_ADVICE = "the Azure Functions host decodes a Java function's request body as UTF-8"
			+ " text, so %s bytes do not arrive intact; send text or JSON, or deploy the custom-handler package"
			+ " (<app>-azure-custom-handler.zip from mvn -Pazure package), which receives the request byte for byte";

	private HostDecodedBody() {
	}

	/** The body's bytes, or the 415 for a body the host cannot have passed on intact. */
	public static byte[] bytes(String contentType, Optional<String> body) {
		String text = body == null ? null : body.orElse(null);
		if (text == null || text.isEmpty()) {
			return new byte[0];
		}
		if (!MediaTypes.isText(contentType)) {
			throw new HostDecodingFailure(FunctionError.unsupportedMediaType(
					"Content-Type " + MediaTypes.baseType(contentType) + ": " + BINARY_ADVICE.formatted("binary")));
		}
		String charset = declaredCharset(contentType);
		if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8") && !charset.equals("us-ascii")) {
			throw new HostDecodingFailure(FunctionError.unsupportedMediaType(
					"charset " + charset + ": " + BINARY_ADVICE.formatted(charset) + " (or send UTF-8)"));
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String declaredCharset(String contentType) {
		if (contentType == null) {
			return null;
		}
		for (String parameter : contentType.split(";")) {
			String[] pair = parameter.trim().split("=", 2);
			if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
				return pair[1].replace("\"", "").trim().toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

	/** A body polyfn will not pass to a function, with the error the caller gets. */
	public static final class HostDecodingFailure extends RuntimeException {

		private final transient FunctionError error;

		HostDecodingFailure(FunctionError error) {
			super(error.message(), null, false, false);
			this.error = error;
		}

		public FunctionError error() {
			return error;
		}
	}
}
