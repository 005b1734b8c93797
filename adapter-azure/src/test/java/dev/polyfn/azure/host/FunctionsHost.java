package dev.polyfn.azure.host;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.QueryString;

/**
 * Builds invocations as the Azure Functions host 4.x builds them for the Java worker, from the host's public
 * source (Azure/azure-functions-host) and the Storage extensions' binding data contracts
 * (Azure/azure-sdk-for-net, Microsoft.Azure.WebJobs.Extensions.Storage.*). What the host would not send, this
 * does not build.
 */
public final class FunctionsHost {

	/** The Java worker's capabilities (azure-functions-java-worker handler/WorkerInitRequestHandler.java). */
	public static final List<String> JAVA_WORKER_CAPABILITIES = List.of("TypedDataCollection", "WorkerStatus",
			"RpcHttpBodyOnly", "RpcHttpTriggerMetadataRemoved", "HandlesWorkerTerminateMessage",
			"HandlesWorkerWarmupMessage");

	private FunctionsHost() {
	}

	/**
	 * An HTTP trigger's {@code RpcHttp} ({@code GrpcMessageConversionExtensions.ToRpcHttp}): the URL as
	 * {@code scheme://host/path?query}; headers with lower-case names, repeated values joined by
	 * {@code StringValues.ToString()} with commas, empty values kept (the worker does not advertise
	 * {@code IgnoreEmptyValuedRpcHttpHeaders}); query parameters only when they have a value; and, because the
	 * worker advertises {@code RpcHttpBodyOnly} without {@code RawHttpBodyBytes}, {@code PopulateBody}: bytes for
	 * {@code application/octet-stream} and {@code multipart/*}, else the body read as a UTF-8 string. A body is
	 * only read when Content-Length is above zero.
	 */
	public static RpcHttp http(String method, String url, Headers clientHeaders, byte[] body) {
		URI uri = URI.create(url);
		Map<String, String> headers = new LinkedHashMap<>();
		// Kestrel sees the Host header every HTTP/1.1 client sends, and the length of a body of known size.
		headers.put("host", uri.getRawAuthority());
		clientHeaders.forEach((name, values) -> headers.merge(name.toLowerCase(Locale.ROOT), String.join(",", values),
				(first, next) -> first + "," + next));
		if (body.length > 0) {
			headers.put("content-length", Integer.toString(body.length));
		}
		Map<String, String> query = new LinkedHashMap<>();
		QueryString.parse(uri.getRawQuery()).forEach((name, values) -> {
			String joined = String.join(",", values);
			if (!joined.isEmpty()) {
				query.put(name, joined);
			}
		});
		String contentType = headers.get("content-type");
		TypedData typedBody = body.length == 0 ? TypedData.NONE
				: isOctetOrMultipart(contentType) ? TypedData.bytes(body) : TypedData.string(readAsString(body));
		return new RpcHttp(url, method, Map.copyOf(headers), Map.copyOf(query), typedBody);
	}

	/** {@code HttpRequestExtensions.IsMediaTypeOctetOrMultipart}: octet-stream exactly, or any multipart type. */
	static boolean isOctetOrMultipart(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return false;
		}
		String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		return mediaType.equals("application/octet-stream") || mediaType.contains("multipart/");
	}

	/**
	 * {@code HttpRequestExtensions.ReadAsStringAsync} (azure-webjobs-sdk-extensions): a StreamReader with
	 * {@code Encoding.UTF8} and {@code detectEncodingFromByteOrderMarks: true}, whatever the charset: a UTF-8 byte
	 * order mark is dropped, a UTF-16 one switches the decoding, invalid bytes become U+FFFD.
	 */
	static String readAsString(byte[] body) {
		if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
			return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		}
		if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
			return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
		}
		if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
			return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	/** An HTTP invocation of the Azure function {@code functionName} whose trigger binding is {@code bindingName}. */
	public static Invocation httpInvocation(String functionName, String bindingName, RpcHttp request) {
		// RpcHttpTriggerMetadataRemoved: the host leaves the request's own members out of the trigger metadata.
		return Invocation.of(functionName, Map.of(bindingName, request), Map.of());
	}

	/** One message of a Storage queue, as the queue trigger (extension 5.x) delivers it. */
	public record QueueMessage(String text, String id, long dequeueCount, String insertionTime, String expirationTime,
			String nextVisibleTime, String popReceipt) {
	}

	/**
	 * The queue trigger's input and trigger metadata. Keys from the extension's {@code CreateBindingDataContract}
	 * (QueueTrigger string, DequeueCount long, ExpirationTime/InsertionTime/NextVisibleTime DateTimeOffset, Id and
	 * PopReceipt string), each turned into TypedData by {@code ToRpc}: strings as {@code string}, every other value
	 * through {@code ToRpcDefault} as JSON (a long is {@code 1}, a DateTimeOffset a quoted ISO string). A null value
	 * is not sent at all ({@code ShouldSkipBindingData}).
	 */
	public static Invocation queueInvocation(String functionName, String bindingName, QueueMessage message) {
		Map<String, TypedData> metadata = new LinkedHashMap<>();
		metadata.put("QueueTrigger", TypedData.string(message.text()));
		metadata.put("DequeueCount", TypedData.json(Long.toString(message.dequeueCount())));
		putJsonString(metadata, "ExpirationTime", message.expirationTime());
		metadata.put("Id", TypedData.string(message.id()));
		putJsonString(metadata, "InsertionTime", message.insertionTime());
		putJsonString(metadata, "NextVisibleTime", message.nextVisibleTime());
		metadata.put("PopReceipt", TypedData.string(message.popReceipt()));
		metadata.put("sys", sys("QueueTrigger"));
		return Invocation.of(functionName, Map.of(bindingName, TypedData.string(message.text())), metadata);
	}

	/** A blob the blob trigger (extension 5.x) picked up, with the properties the service returned for it. */
	public record Blob(String container, String name, byte[] content, String contentType, String lastModified) {
	}

	/**
	 * The blob trigger's input ({@code dataType: binary}: bytes) and trigger metadata, keys from the extension's
	 * {@code BlobTriggerBinding.CreateBindingDataContract}: BlobTrigger (the path, a string), Uri, Properties
	 * ({@code BlobProperties}), Metadata, plus the path pattern's own parameters ({@code name}). Uri, Properties and
	 * Metadata are objects, so {@code ToRpcDefault} sends them as Newtonsoft JSON with .NET property names; ETag is
	 * an {@code Azure.ETag} struct without public properties, which Newtonsoft writes as {@code {}}.
	 */
	public static Invocation blobInvocation(String functionName, String bindingName, String accountUrl, Blob blob) {
		String path = blob.container() + "/" + blob.name();
		String properties = "{\"LastModified\":\"" + blob.lastModified() + "\",\"CreatedOn\":\"" + blob.lastModified()
				+ "\",\"Metadata\":{},\"BlobType\":0,\"ContentLength\":" + blob.content().length
				+ ",\"ContentType\":\"" + blob.contentType() + "\",\"ETag\":{},\"ContentHash\":\""
				+ Base64.getEncoder().encodeToString(new byte[16]) + "\",\"AccessTier\":\"Hot\"}";
		Map<String, TypedData> metadata = new LinkedHashMap<>();
		metadata.put("BlobTrigger", TypedData.string(path));
		metadata.put("Uri", TypedData.json("\"" + accountUrl + "/" + path + "\""));
		metadata.put("Properties", TypedData.json(properties));
		metadata.put("Metadata", TypedData.json("{}"));
		metadata.put("name", TypedData.string(blob.name()));
		metadata.put("sys", sys("BlobTrigger"));
		return Invocation.of(functionName, Map.of(bindingName, TypedData.bytes(blob.content())), metadata);
	}

	/**
	 * The timer trigger's input: the extension's {@code TimerInfo} object, sent as JSON by {@code ToRpcDefault}
	 * (Schedule, ScheduleStatus with Last/Next/LastUpdated, or null when schedule monitoring is off, IsPastDue).
	 */
	public static Invocation timerInvocation(String functionName, String bindingName, String timerInfoJson) {
		return Invocation.of(functionName, Map.of(bindingName, TypedData.json(timerInfoJson)),
				Map.of("sys", sys("TimerTrigger")));
	}

	private static void putJsonString(Map<String, TypedData> metadata, String key, String value) {
		if (value != null) {
			metadata.put(key, TypedData.json("\"" + value + "\""));
		}
	}

	private static TypedData sys(String methodName) {
		return TypedData.json("{\"MethodName\":\"" + methodName + "\",\"UtcNow\":\"2026-12-01T10:00:00.0000000Z\","
				+ "\"RandGuid\":\"24ad4c06-24ad-4e5b-8294-3da9714877e9\"}");
	}
}
