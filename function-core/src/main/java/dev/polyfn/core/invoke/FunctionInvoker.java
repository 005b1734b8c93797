package dev.polyfn.core.invoke;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.RoutingFunction;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one invocation pipeline every adapter shares: resolve the function through Spring Cloud Function's
 * catalog, read the input, call the function, write the output, and map every failure onto the
 * {@link FunctionError} contract (400/415 unreadable input, 404 unknown function, 500 function failure,
 * 204 no result, 202 consumer). Thread-safe; one instance per application context.
 */
public class FunctionInvoker {

	/** Spring Cloud Function's own property; Lambda, Azure, GCP, FC and SCF users set it as an environment variable. */
	public static final String DEFINITION_PROPERTY = "spring.cloud.function.definition";

	private static final Logger log = LoggerFactory.getLogger(FunctionInvoker.class);

	/**
	 * What each function answered, at DEBUG only (off unless {@code LOGGING_LEVEL_DEV_POLYFN_ANSWERS=DEBUG}): an
	 * event trigger's answer reaches no caller on Cloud Run functions or Azure, so this is where
	 * {@code polyfn:invoke} shows it. Payloads never go to INFO.
	 */
	private static final Logger answers = LoggerFactory.getLogger("dev.polyfn.answers");

	private static final Set<String> INFRASTRUCTURE = Set.of(RoutingFunction.FUNCTION_NAME,
			RoutingFunction.DEFAULT_ROUTE_HANDLER);

	private final Supplier<FunctionCatalog> catalog;
	private final FunctionBeans beans;
	private final InputReader reader;
	private final OutputWriter writer;
	private final String configuredDefinition;
	private final Map<String, ResolvedFunction> resolved = new ConcurrentHashMap<>();
	private volatile boolean catalogUsed;
	private volatile Set<String> namesFromBeans;
	private volatile Set<String> namesWithCatalog;

	public FunctionInvoker(FunctionCatalog catalog, JsonMapper jsonMapper, String configuredDefinition) {
		this(() -> catalog, null, () -> jsonMapper, configuredDefinition);
	}

	/**
	 * With the catalog and JSON mapper made on first use: plain function beans ({@link FunctionBeans}) are
	 * resolved without either, so a text function's cold start builds no Jackson mapper.
	 */
	public FunctionInvoker(Supplier<FunctionCatalog> catalog, FunctionBeans beans, Supplier<JsonMapper> jsonMapper,
			String configuredDefinition) {
		this.catalog = catalog;
		this.beans = beans;
		this.reader = new InputReader(jsonMapper);
		this.writer = new OutputWriter(jsonMapper);
		this.configuredDefinition = configuredDefinition == null || configuredDefinition.isBlank() ? null
				: configuredDefinition.trim();
	}

	private FunctionCatalog catalog() {
		catalogUsed = true;
		return catalog.get();
	}

	/** Names of the user's functions (Spring Cloud Function's own routing beans left out). */
	public Set<String> functionNames() {
		boolean withCatalog = beans == null || catalogUsed;
		Set<String> names = withCatalog ? namesWithCatalog : namesFromBeans;
		if (names != null) {
			return names;
		}
		// The bean definitions are fixed once the context is refreshed, so the names are worked out once (per
		// source): HTTP routing asks for them on every request, and the bean factory's type lookup is not cheap.
		Set<String> found = new TreeSet<>();
		if (beans != null) {
			found.addAll(beans.names());
		}
		if (withCatalog) {
			found.addAll(catalog().getNames(null));
		}
		found.removeAll(INFRASTRUCTURE);
		names = Collections.unmodifiableSet(found);
		if (withCatalog) {
			namesWithCatalog = names;
		}
		else {
			namesFromBeans = names;
		}
		return names;
	}

	/** The configured definition, else the only function; null when there are several and none is configured. */
	public String defaultDefinition() {
		if (configuredDefinition != null) {
			return configuredDefinition;
		}
		Set<String> names = functionNames();
		return names.size() == 1 ? names.iterator().next() : null;
	}

	public boolean isConfigured() {
		return configuredDefinition != null;
	}

	/**
	 * Fails start-up when the configured definition names no function, or when there are several functions and
	 * none is chosen, naming the setting and the functions there are.
	 */
	public void validateDefaultFunction() {
		String definition = defaultDefinition();
		if (definition == null) {
			throw new IllegalStateException("Several functions are deployed " + functionNames()
					+ " and none is chosen: set " + DEFINITION_PROPERTY
					+ " (environment variable SPRING_CLOUD_FUNCTION_DEFINITION) to one of them");
		}
		if (!isKnown(definition)) {
			throw new IllegalStateException(DEFINITION_PROPERTY + "='" + definition
					+ "' names no function; the deployed functions are " + functionNames());
		}
		// Looked up (and the bean created) now, in the init phase, so the first call does not pay for it and a
		// SnapStart snapshot holds it.
		resolve(definition);
	}

	/** Whether every part of a definition such as {@code uppercase|reverse} or {@code uppercase,reverse} exists. */
	public boolean isKnown(String definition) {
		if (definition == null || definition.isBlank()) {
			return false;
		}
		Set<String> names = functionNames();
		for (String part : normalise(definition).split("\\|")) {
			if (!names.contains(part.trim())) {
				return false;
			}
		}
		return true;
	}

	/** Resolves a definition, or the default one for null; an unknown name fails with 404. */
	public ResolvedFunction resolve(String definition) {
		String wanted = definition == null || definition.isBlank() ? defaultDefinition() : normalise(definition);
		if (wanted == null) {
			throw new FunctionFailure(FunctionError.unknownFunction("No function chosen: name one in the request or set "
					+ DEFINITION_PROPERTY + "; the deployed functions are " + functionNames()));
		}
		ResolvedFunction function = resolved.get(wanted);
		if (function != null) {
			return function;
		}
		if (!isKnown(wanted)) {
			throw new FunctionFailure(FunctionError.unknownFunction("No function named '"
					+ CallerText.excerpt(wanted, 100) + "'; the deployed functions are " + functionNames()));
		}
		ResolvedFunction direct = beans == null || wanted.contains("|") ? null : beans.resolve(wanted);
		if (direct != null) {
			return resolved.computeIfAbsent(wanted, name -> direct);
		}
		FunctionInvocationWrapper wrapper = lookupComposable(wanted);
		if (wrapper == null) {
			throw new FunctionFailure(FunctionError.unknownFunction("No function named '" + CallerText.excerpt(wanted, 100) + "'"));
		}
		// The pipeline reads input and writes output itself, so that one contract decides 400/415 versus 500 and
		// status, headers and content type; converting twice also broke byte[] bodies that look like JSON.
		wrapper.setSkipInputConversion(true);
		wrapper.setSkipOutputConversion(true);
		return resolved.computeIfAbsent(wanted, name -> new ResolvedFunction(name, wrapper));
	}

	/**
	 * The catalog's function for a definition. A composition that cannot run (a consumer anywhere but at the end:
	 * nothing comes out of it to pass on) is the caller's mistake, named as such, not a server error.
	 */
	private FunctionInvocationWrapper lookupComposable(String definition) {
		String[] parts = definition.split("\\|");
		for (int i = 0; i < parts.length - 1; i++) {
			FunctionInvocationWrapper part = catalog().lookup(parts[i]);
			if (part != null && part.isConsumer()) {
				throw new FunctionFailure(FunctionError.invalidInput("'" + parts[i] + "' is a consumer: it returns "
						+ "nothing, so it can only come last in a composition such as '" + definition + "'"));
			}
		}
		try {
			return catalog().lookup(definition);
		}
		catch (IllegalArgumentException | IllegalStateException notComposable) {
			throw new FunctionFailure(FunctionError.invalidInput("The functions in '" + definition
					+ "' cannot be composed: each one's output must suit the next one's input"), notComposable);
		}
	}

	public List<FunctionDescription> describe() {
		List<FunctionDescription> descriptions = new ArrayList<>();
		for (String name : functionNames()) {
			FunctionInvocationWrapper wrapper = catalog().lookup(name);
			if (wrapper == null) {
				continue;
			}
			String kind = wrapper.isSupplier() ? "supplier" : wrapper.isConsumer() ? "consumer" : "function";
			descriptions.add(new FunctionDescription(name, kind, typeName(wrapper.getInputType()),
					typeName(wrapper.getOutputType())));
		}
		return descriptions;
	}

	/** One invocation; never throws: every failure is in the result as a {@link FunctionError}. */
	public InvocationResult invoke(ResolvedFunction function, FunctionInput input, InvocationContext context) {
		Map<String, Object> headers = LazyHeaders.of(() -> {
			Map<String, Object> all = new LinkedHashMap<>(input.headers());
			all.putAll(context.toHeaders());
			all.put(PolyfnHeaders.DEFINITION, function.definition());
			if (input.contentType() != null) {
				all.put("contentType", input.contentType());
			}
			return all;
		});
		try (MdcScope ignored = MdcScope.open(context, function.definition())) {
			Object argument = function.isSupplier() ? null : reader.read(function, input);
			return call(function, argument, headers, context);
		}
		catch (FunctionFailure failure) {
			logFailure(function.definition(), "the input", failure, context);
			return InvocationResult.failure(failure.error());
		}
	}

	/** A client fault at WARN without a stack trace; a server fault (5xx) at ERROR, with it. */
	private static void logFailure(String definition, String what, FunctionFailure failure, InvocationContext context) {
		if (failure.error().status() >= 500) {
			log.error("Function '{}' could not read {} ({}) [requestId={}]: {}", definition, what,
					failure.error().status(), context.requestId(), failure.getMessage(), failure.getCause());
		}
		else {
			log.warn("Function '{}' rejected {} ({}) [requestId={}]: {}", definition, what, failure.error().status(),
					context.requestId(), failure.getMessage());
		}
	}

	public InvocationResult invoke(String definition, FunctionInput input, InvocationContext context) {
		try {
			return invoke(resolve(definition), input, context);
		}
		catch (FunctionFailure unknown) {
			log.warn("{} [requestId={}]", unknown.getMessage(), context.requestId());
			return InvocationResult.failure(unknown.error());
		}
	}

	/** An event trigger: the function sees the event's data, its typed payload, or the whole event. */
	public InvocationResult invokeEvent(ResolvedFunction function, PortableEvent event, InvocationContext context) {
		return invoke(function, EventInputs.toInput(event), context);
	}

	/**
	 * A batch of events. A function that takes a collection gets the whole batch in one call (and it succeeds or
	 * fails as one); any other function is called once per event, and each failure is reported against its event.
	 */
	public BatchOutcome invokeBatch(ResolvedFunction function, List<PortableEvent> events, InvocationContext context) {
		if (function.takesCollection() && !events.isEmpty()) {
			InvocationResult result = invokeWithCollection(function, events, context);
			return new BatchOutcome(events.stream().map(e -> new BatchOutcome.Item(e.id(), result)).toList());
		}
		List<BatchOutcome.Item> items = new ArrayList<>(events.size());
		for (PortableEvent event : events) {
			items.add(new BatchOutcome.Item(event.id(), invokeEvent(function, event, context)));
		}
		return new BatchOutcome(items);
	}

	private InvocationResult invokeWithCollection(ResolvedFunction function, List<PortableEvent> events,
			InvocationContext context) {
		Type itemType = FunctionTypeUtils.getImmediateGenericType(function.inputType(), 0);
		Type elementType = itemType == null ? Object.class : itemType;
		Class<?> rawElement = FunctionTypeUtils.getRawType(elementType);
		Map<String, Object> headers = new LinkedHashMap<>(context.toHeaders());
		headers.put(PolyfnHeaders.DEFINITION, function.definition());
		try (MdcScope ignored = MdcScope.open(context, function.definition())) {
			List<Object> items = new ArrayList<>(events.size());
			for (PortableEvent event : events) {
				items.add(reader.read(function.definition(), elementType, rawElement, EventInputs.toInput(event)));
			}
			return call(function, items, headers, context);
		}
		catch (FunctionFailure failure) {
			logFailure(function.definition(), "the batch", failure, context);
			return InvocationResult.failure(failure.error());
		}
	}

	private InvocationResult call(ResolvedFunction function, Object argument, Map<String, Object> headers,
			InvocationContext context) {
		Object result;
		try {
			result = apply(function, argument, headers);
		}
		catch (Throwable thrown) {
			FunctionStatusException chosen = statusException(thrown);
			if (chosen != null) {
				// The function chose the status: no stack trace either way; a 5xx it chose is still a server fault.
				if (chosen.status() >= 500) {
					// With the cause when there is one: a storage failure carries the cloud's own error (request id, code).
					log.error("Function '{}' answered {} [requestId={}]: {}", function.definition(), chosen.status(),
							context.requestId(), chosen.getMessage(), chosen.getCause());
				}
				else {
					log.warn("Function '{}' answered {} [requestId={}]: {}", function.definition(), chosen.status(),
							context.requestId(), chosen.getMessage());
				}
				return InvocationResult.failure(
						new FunctionError(chosen.status(), FunctionError.codeFor(chosen.status()), chosen.getMessage()));
			}
			// Logged once here, with the stack trace; the caller only ever sees the error code.
			log.error("Function '{}' failed [requestId={}]", function.definition(), context.requestId(), thrown);
			if (thrown instanceof Error error && !(thrown instanceof StackOverflowError)) {
				throw error;
			}
			return InvocationResult.failure(FunctionError.functionFailed(function.definition(), rootCause(thrown)));
		}
		try {
			InvocationResult written = writer.write(function, result, headers);
			if (answers.isDebugEnabled()) {
				answers.debug("Function '{}' answered {} [requestId={}]: {}", function.definition(), written.status(),
						context.requestId(), loggable(written));
			}
			return written;
		}
		catch (FunctionFailure failure) {
			log.error("Function '{}' [requestId={}]: {}", function.definition(), context.requestId(), failure.getMessage());
			return InvocationResult.failure(failure.error());
		}
		catch (RuntimeException unwritable) {
			log.error("The result of function '{}' could not be written [requestId={}]", function.definition(),
					context.requestId(), unwritable);
			return InvocationResult.failure(FunctionError.outputUnwritable(function.definition()));
		}
	}

	/** A text or JSON answer as it is; any other as its size and type. */
	private static String loggable(InvocationResult result) {
		String type = result.contentType();
		return type == null || MediaTypes.isJson(type) || MediaTypes.isText(type) ? result.bodyAsString()
				: "(" + result.body().length + " bytes of " + type + ")";
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object apply(ResolvedFunction function, Object argument, Map<String, Object> headers) {
		FunctionInvocationWrapper wrapper = function.wrapper();
		Object input = function.messageInput()
				? MessageBuilder.withPayload(argument).copyHeaders(headers).build() : argument;
		Object bean = function.directTarget();
		if (bean != null) {
			// A single function, its input already converted: call the bean itself. Spring Cloud Function's
			// apply() would otherwise split any text that looks like a JSON array into one call per element.
			if (bean instanceof Supplier<?> supplier) {
				return supplier.get();
			}
			if (bean instanceof Consumer consumer) {
				consumer.accept(input);
				return null;
			}
			return ((java.util.function.Function) bean).apply(input);
		}
		if (function.isSupplier()) {
			return wrapper.get();
		}
		if (function.publisherInput()) {
			return wrapper.apply(isFlux(wrapper.getInputType()) ? Flux.just(argument) : Mono.just(argument));
		}
		if (!function.messageInput() && (argument instanceof String || argument instanceof byte[])) {
			// Compositions go through the catalog; text/plain tells it not to split array-looking text.
			return wrapper.apply(MessageBuilder.withPayload(argument).copyHeaders(headers)
				.setHeader("contentType", "text/plain").build());
		}
		return wrapper.apply(input);
	}

	private static boolean isFlux(Type type) {
		return Flux.class.isAssignableFrom(FunctionTypeUtils.getRawType(type));
	}

	private static FunctionStatusException statusException(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof FunctionStatusException status) {
				return status;
			}
		}
		return null;
	}

	private static Throwable rootCause(Throwable thrown) {
		Throwable root = thrown;
		// Spring Cloud Function and reflection wrap what the function threw; name what it threw.
		while (root.getCause() != null && root.getCause() != root
				&& (root instanceof java.lang.reflect.UndeclaredThrowableException
						|| root instanceof java.lang.reflect.InvocationTargetException
						|| root.getClass().getName().startsWith("org.springframework.")
						|| root.getClass().getName().startsWith("reactor."))) {
			root = root.getCause();
		}
		return root;
	}

	static String normalise(String definition) {
		return definition.trim().replace(',', '|').replace(" ", "");
	}

	private static String typeName(Type type) {
		return type == null ? null : type.getTypeName().replace("java.lang.", "").replace("java.util.", "");
	}

	/** Puts the request id and function into the logging MDC for the length of one invocation. */
	private record MdcScope(String previousRequestId, String previousFunction) implements AutoCloseable {

		static MdcScope open(InvocationContext context, String definition) {
			MdcScope scope = new MdcScope(MDC.get("requestId"), MDC.get("function"));
			MDC.put("requestId", context.requestId());
			MDC.put("function", definition);
			return scope;
		}

		@Override
		public void close() {
			restore("requestId", previousRequestId);
			restore("function", previousFunction);
		}

		private static void restore(String key, String value) {
			if (value == null) {
				MDC.remove(key);
			}
			else {
				MDC.put(key, value);
			}
		}
	}
}
