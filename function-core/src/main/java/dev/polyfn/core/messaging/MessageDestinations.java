package dev.polyfn.core.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.polyfn.core.storage.StorageSettings;

/**
 * The messaging aliases of the application, resolved from settings so that the same function bean runs on every
 * cloud: {@code polyfn.messaging.order-results.destination=my-queue} (or
 * {@code POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION}) binds the alias {@code order-results}; without it the alias is
 * the destination's name; {@code polyfn.messaging.<alias>.kind} is {@code queue} (the default) or {@code topic}
 * (see {@link MessagingSettings.Kind}). {@code polyfn.messaging.<alias>.provider} optionally names the implementation
 * ({@code local}, {@code sqs}, {@code sns}, ...); without it, the provider module that serves the cloud the function
 * runs on, and in web mode the in-memory {@link LocalMessaging}. A function asks for it by injection:
 * {@code @Bean Function<Order, Result> f(MessageDestinations messaging)}, then
 * {@code messaging.destination("order-results").publish(Message.json(result))}.
 */
public final class MessageDestinations {

	private static final Logger log = LoggerFactory.getLogger(MessageDestinations.class);

	private final UnaryOperator<String> properties;
	private final String cloud;
	private final Supplier<List<MessagingProvider>> providers;
	private final Map<String, MessageDestination> open = new ConcurrentHashMap<>();

	/**
	 * @param properties the application's settings by name (null when unset)
	 * @param cloud what {@code polyfn.cloud} says: the cloud the function runs on, {@code web} in web mode
	 * @param providers the provider beans of the optional messaging modules, asked for on the first alias
	 */
	public MessageDestinations(UnaryOperator<String> properties, String cloud, Supplier<List<MessagingProvider>> providers) {
		this.properties = properties;
		this.cloud = cloud == null ? "web" : cloud;
		this.providers = providers;
	}

	/** The destination bound to the alias, opened on first use and kept. */
	public MessageDestination destination(String alias) {
		if (alias == null || !StorageSettings.ALIAS.matcher(alias).matches()) {
			throw new IllegalArgumentException("A messaging alias is lower-case letters, digits and '-', starting with a letter: "
					+ dev.polyfn.core.invoke.CallerText.excerpt(alias, 100));
		}
		return open.computeIfAbsent(alias, this::open);
	}

	private MessageDestination open(String alias) {
		String destination = setting(alias, "destination");
		if (destination == null) {
			destination = alias;
		}
		MessagingSettings.Kind kind = MessagingSettings.Kind.of(setting(alias, "kind"), alias);
		MessagingProvider provider = provider(alias, kind, setting(alias, "provider"));
		MessageDestination opened = provider.open(new MessagingSettings(alias, destination, kind, provider.name(), properties));
		log.debug("Messaging '{}' is '{}' through the {} provider", alias, destination, provider.name());
		return opened;
	}

	private MessagingProvider provider(String alias, MessagingSettings.Kind kind, String named) {
		if (LocalMessaging.PROVIDER.name().equals(named)) {
			return LocalMessaging.PROVIDER;
		}
		List<MessagingProvider> available = providers.get();
		if (named != null) {
			return available.stream().filter(p -> p.name().equals(named)).findFirst()
				.orElseThrow(() -> new IllegalStateException(MessagingSettings.PREFIX + alias + ".provider is '" + named
						+ "', but the application has only local and " + names(available) + ": add the module of that provider"));
		}
		List<MessagingProvider> forCloud = available.stream().filter(p -> p.isDefaultFor(cloud, kind)).toList();
		if (forCloud.size() == 1) {
			return forCloud.get(0);
		}
		if (forCloud.size() > 1) {
			throw new IllegalStateException("Several messaging providers serve a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " on " + cloud + " (" + names(forCloud)
					+ "): choose one with " + MessagingSettings.PREFIX + alias + ".provider");
		}
		if (cloud.equals("web")) {
			return LocalMessaging.PROVIDER;
		}
		// Publishing into this process's memory on a cloud would drop every message without a word to anyone.
		throw new IllegalStateException("No messaging provider for " + cloud + " (destination '" + alias + "'): add the polyfn-messaging "
				+ "module for this cloud, or set " + MessagingSettings.PREFIX + alias + ".provider=local");
	}

	private String setting(String alias, String name) {
		String value = properties.apply(MessagingSettings.PREFIX + alias + "." + name);
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String names(List<MessagingProvider> providers) {
		return providers.stream().map(MessagingProvider::name).toList().toString();
	}
}
