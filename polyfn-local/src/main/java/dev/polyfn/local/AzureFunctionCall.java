package dev.polyfn.local;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One invocation of a packaged Azure Functions Java function, done the way the Java worker does it for the host:
 * the function's {@code function.json} (scriptFile, entryPoint, bindings) read from the staging folder, the entry
 * class made with its no-argument constructor, and each parameter bound from the host's invocation request
 * ({@code {"Data":{<binding>:...},"Metadata":{...}}}, the shape the host sends custom handlers): the trigger
 * binding's data as the parameter's type ({@code HttpRequestMessage}, {@code String}, {@code byte[]}), each
 * {@code @BindingName} from the trigger metadata, and an {@code ExecutionContext}.
 *
 * <p>Not the Functions host itself (it is .NET and is not run here): what it adds beyond these inputs, such as
 * host.json's route prefix and authorization keys, is not emulated. Run in a JVM whose class path holds this
 * class, azure-functions-java-library, the staging folder's jar and its {@code lib/}.
 */
public final class AzureFunctionCall {

	private static final Logger LOGGER = Logger.getLogger("Host.Function.Console");

	private final ClassLoader loader = AzureFunctionCall.class.getClassLoader();
	private final String functionName;
	private final Map<String, Object> data;
	private final Map<String, Object> metadata;

	private AzureFunctionCall(String functionName, Map<String, Object> request) {
		this.functionName = functionName;
		this.data = asMap(request.get("Data"));
		this.metadata = asMap(request.get("Metadata"));
	}

	/**
	 * {@code <staging folder> <function name> <invocation request file> <result file>}: the outcome as JSON in the
	 * result file, the invocation's milliseconds (entry class made, method called) in {@code <result file>.millis};
	 * exit 1 when the function threw.
	 */
	public static void main(String[] args) throws Exception {
		Path staging = Path.of(args[0]);
		String function = args[1];
		Path result = Path.of(args[3]);
		Map<String, Object> request = asMap(MiniJson.parse(Files.readString(Path.of(args[2]))));
		long started = System.nanoTime();
		Entry entry = Entry.load(staging, function);
		Map<String, Object> outcome = entry.call(request);
		Files.writeString(result, MiniJson.write(outcome));
		if ("Failed".equals(outcome.get("status"))) {
			System.exit(1);
			return;
		}
		Files.writeString(Path.of(args[3] + ".millis"), String.valueOf((System.nanoTime() - started) / 1e6));
	}

	/**
	 * The class path a call runs on: this class's code (polyfn-local), the Java library the worker provides, then
	 * the staging folder's jars and its {@code lib/}, sorted.
	 */
	public static List<Path> classPath(List<Path> functionsLibrary, Path staging) throws IOException {
		List<Path> classPath = new java.util.ArrayList<>();
		try {
			classPath.add(Path.of(AzureFunctionCall.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
		}
		catch (java.net.URISyntaxException e) {
			throw new IOException(e);
		}
		classPath.addAll(functionsLibrary);
		try (java.util.stream.Stream<Path> jars = java.util.stream.Stream.concat(Files.list(staging),
				Files.isDirectory(staging.resolve("lib")) ? Files.list(staging.resolve("lib")) : java.util.stream.Stream.empty())) {
			jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(classPath::add);
		}
		return classPath;
	}

	/** A function's entry point, made once as the worker makes it when it loads the function. */
	record Entry(String function, Method method, Object instance) {

		/** The entry point named by the function's {@code function.json}, its class made with the no-argument constructor. */
		static Entry load(Path staging, String function) throws Exception {
			Map<String, Object> functionJson = asMap(MiniJson.parse(Files.readString(staging.resolve(function).resolve("function.json"))));
			String entryPoint = (String) functionJson.get("entryPoint");
			int dot = entryPoint.lastIndexOf('.');
			Class<?> type = Class.forName(entryPoint.substring(0, dot));
			Method method = java.util.Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(entryPoint.substring(dot + 1)))
				.findFirst().orElseThrow(() -> new IllegalStateException("No method " + entryPoint));
			return new Entry(function, method, type.getConstructor().newInstance());
		}

		/** One invocation: the arguments bound from the host's request, the outcome as the host would read it. */
		Map<String, Object> call(Map<String, Object> request) throws Exception {
			AzureFunctionCall call = new AzureFunctionCall(function, request);
			try {
				return call.outcome(method.invoke(instance, call.arguments(method)));
			}
			catch (InvocationTargetException thrown) {
				Map<String, Object> failure = new LinkedHashMap<>();
				failure.put("status", "Failed");
				failure.put("exception", thrown.getCause().getClass().getName() + ": " + thrown.getCause().getMessage());
				return failure;
			}
		}
	}

	private Object[] arguments(Method method) throws Exception {
		Parameter[] parameters = method.getParameters();
		Object[] args = new Object[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			if (parameter.getType().getName().equals("com.microsoft.azure.functions.ExecutionContext")) {
				args[i] = context(parameter.getType());
				continue;
			}
			for (Annotation annotation : parameter.getAnnotations()) {
				String kind = annotation.annotationType().getSimpleName();
				if (kind.equals("BindingName")) {
					args[i] = convert(metadata.get(annotationValue(annotation, "value")), parameter.getType());
				}
				else if (kind.endsWith("Trigger")) {
					Object value = data.get(annotationValue(annotation, "name"));
					args[i] = kind.equals("HttpTrigger") ? httpRequest(asMap(value), parameter.getParameterizedType())
							: convert(value, parameter.getType());
				}
			}
		}
		return args;
	}

	private static Object convert(Object value, Class<?> type) {
		if (value == null) {
			return type == long.class ? 0L : type == int.class ? 0 : null;
		}
		String text = value instanceof String s ? s : MiniJson.write(value);
		if (type == String.class) {
			return text;
		}
		if (type == byte[].class) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		if (type == long.class || type == Long.class) {
			return Long.parseLong(text);
		}
		if (type == int.class || type == Integer.class) {
			return Integer.parseInt(text);
		}
		throw new IllegalStateException("This emulation binds String, byte[] and numbers, not " + type);
	}

	/** The worker's HttpRequestMessage: headers and query with one value per name, the body as the parameter's type. */
	private Object httpRequest(Map<String, Object> req, Type parameterType) throws Exception {
		Class<?> requestType = loader.loadClass("com.microsoft.azure.functions.HttpRequestMessage");
		Class<?> methodType = loader.loadClass("com.microsoft.azure.functions.HttpMethod");
		Map<String, String> headers = new LinkedHashMap<>();
		asMap(req.get("Headers")).forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
				values instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(values)));
		Object query = req.get("Query");
		Map<String, String> queryParameters = new LinkedHashMap<>();
		asMap(query instanceof String q ? MiniJson.parse(q) : query).forEach((k, v) -> queryParameters.put(k, String.valueOf(v)));
		String body = req.get("Body") == null ? null : String.valueOf(req.get("Body"));
		boolean bytes = parameterType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof ParameterizedType o
				&& o.getActualTypeArguments()[0] == byte[].class;
		Optional<?> bodyValue = body == null ? Optional.empty()
				: Optional.of(bytes ? body.getBytes(StandardCharsets.UTF_8) : body);
		@SuppressWarnings({ "unchecked", "rawtypes" })
		Object method = Enum.valueOf((Class) methodType, String.valueOf(req.getOrDefault("Method", "POST")).toUpperCase(Locale.ROOT));
		URI uri = URI.create(String.valueOf(req.getOrDefault("Url", "http://localhost:7071/api/" + functionName)));
		return Proxy.newProxyInstance(loader, new Class<?>[] { requestType }, (proxy, m, a) -> switch (m.getName()) {
			case "getUri" -> uri;
			case "getHttpMethod" -> method;
			case "getHeaders" -> headers;
			case "getQueryParameters" -> queryParameters;
			case "getBody" -> bodyValue;
			case "createResponseBuilder" -> responseBuilder(a[0]);
			case "toString" -> "HttpRequestMessage[" + method + " " + uri + "]";
			case "hashCode" -> System.identityHashCode(proxy);
			case "equals" -> proxy == a[0];
			default -> throw new UnsupportedOperationException(m.getName());
		});
	}

	/** The worker's response builder and message in one object, one value per header name. */
	private Object responseBuilder(Object initialStatus) throws Exception {
		Class<?> builderType = loader.loadClass("com.microsoft.azure.functions.HttpResponseMessage$Builder");
		Class<?> messageType = loader.loadClass("com.microsoft.azure.functions.HttpResponseMessage");
		return Proxy.newProxyInstance(loader, new Class<?>[] { builderType, messageType }, new Response(initialStatus));
	}

	/** What the function set on its response. */
	private static final class Response implements java.lang.reflect.InvocationHandler {

		private Object status;
		private Object body;
		private final Map<String, String> headers = new LinkedHashMap<>();

		Response(Object status) {
			this.status = status;
		}

		@Override
		public Object invoke(Object proxy, Method m, Object[] a) throws Exception {
			return switch (m.getName()) {
				case "status" -> {
					status = a[0];
					yield proxy;
				}
				case "header" -> {
					headers.put((String) a[0], (String) a[1]);
					yield proxy;
				}
				case "body" -> {
					body = a[0];
					yield proxy;
				}
				case "build" -> proxy;
				case "getStatus" -> status;
				case "getStatusCode" -> statusCode();
				case "getHeader" -> headers.get((String) a[0]);
				case "getBody" -> body;
				case "hashCode" -> System.identityHashCode(proxy);
				case "equals" -> proxy == a[0];
				case "toString" -> "HttpResponseMessage[" + status + "]";
				default -> throw new UnsupportedOperationException(m.getName());
			};
		}

		int statusCode() throws Exception {
			// through the interface: a custom status is an anonymous class whose methods reflection cannot call
			Class<?> statusType = Class.forName("com.microsoft.azure.functions.HttpStatusType", false,
					status.getClass().getClassLoader());
			return (int) statusType.getMethod("value").invoke(status);
		}

		Map<String, Object> asJson() throws Exception {
			Map<String, Object> http = new LinkedHashMap<>();
			http.put("statusCode", statusCode());
			http.put("headers", headers);
			http.put("body", body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : body);
			return http;
		}
	}

	private Map<String, Object> outcome(Object returned) throws Exception {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("status", "Succeeded");
		if (returned != null && Proxy.isProxyClass(returned.getClass())
				&& Proxy.getInvocationHandler(returned) instanceof Response response) {
			out.put("http", response.asJson());
		}
		else if (returned != null) {
			out.put("returnValue", returned);
		}
		return out;
	}

	private Object context(Class<?> contextType) {
		String invocationId = UUID.randomUUID().toString();
		return Proxy.newProxyInstance(loader, new Class<?>[] { contextType }, (proxy, m, a) -> switch (m.getName()) {
			case "getLogger" -> LOGGER;
			case "getInvocationId" -> invocationId;
			case "getFunctionName" -> functionName;
			case "getTraceContext", "getRetryContext" -> null;
			case "hashCode" -> System.identityHashCode(proxy);
			case "equals" -> proxy == a[0];
			case "toString" -> "ExecutionContext[" + functionName + "]";
			default -> throw new UnsupportedOperationException(m.getName());
		});
	}

	private static String annotationValue(Annotation annotation, String attribute) throws Exception {
		return (String) annotation.annotationType().getMethod(attribute).invoke(annotation);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
	}
}
