package dev.polyfn.core.messaging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.polyfn.core.invoke.CallerText;

/**
 * The messaging of web mode and tests: each publish is logged at INFO (the body's start, its attributes) and kept in
 * memory, the last {@value #KEPT} per destination, so a developer sees what the function would have sent and a test
 * can read it back with {@link #published(String)}. Nothing leaves the process.
 */
public final class LocalMessaging implements MessagingProvider {

	public static final LocalMessaging PROVIDER = new LocalMessaging();

	static final int KEPT = 1000;

	private static final Logger log = LoggerFactory.getLogger(LocalMessaging.class);

	private final Map<String, Deque<Message>> byDestination = new ConcurrentHashMap<>();
	private final AtomicLong ids = new AtomicLong();

	private LocalMessaging() {
	}

	@Override
	public String name() {
		return "local";
	}

	@Override
	public boolean isDefaultFor(String cloud, MessagingSettings.Kind kind) {
		return "web".equals(cloud);
	}

	@Override
	public MessageDestination open(MessagingSettings settings) {
		String name = settings.destination();
		return new MessageDestination() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public PublishResult publish(Message message) {
				Deque<Message> kept = byDestination.computeIfAbsent(name, n -> new ArrayDeque<>());
				synchronized (kept) {
					if (kept.size() == KEPT) {
						kept.removeFirst();
					}
					kept.addLast(message);
				}
				String id = "local-" + ids.incrementAndGet();
				String text = message.bodyText();
				log.info("Published {} to '{}' (local, not sent): {}{}", id, name,
						text == null ? message.size() + " bytes of " + message.contentType() : CallerText.excerpt(text, 200),
						message.attributes().isEmpty() ? "" : " " + message.attributes());
				return new PublishResult(id);
			}
		};
	}

	/** What was published to the destination (its real name) in this process, oldest first, at most the last {@value #KEPT}. */
	public List<Message> published(String destination) {
		Deque<Message> kept = byDestination.get(destination);
		if (kept == null) {
			return List.of();
		}
		synchronized (kept) {
			return List.copyOf(kept);
		}
	}

	/** Forgets every message (between tests). */
	public void clear() {
		byDestination.clear();
	}
}
