package dev.polyfn.core.model;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event from a queue, topic, storage bucket or timer, in CloudEvents terms. {@code data} is the event's
 * data as the cloud sent it (the message body for queues and topics, the record's JSON for storage and
 * timers); {@code payload} is the same event as a portable typed object ({@link StorageObjectEvent},
 * {@link ScheduledTick}, {@link QueueMessage}) when the adapter knows one, so a function can take that type
 * without knowing the cloud.
 */
public final class PortableEvent {

	private final String id;
	private final String source;
	private final String type;
	private final String subject;
	private final OffsetDateTime time;
	private final String dataContentType;
	private final byte[] data;
	private final Object payload;
	private final Map<String, String> extensions;

	private PortableEvent(Builder b) {
		this.id = b.id != null ? b.id : RandomIds.next();
		this.source = Objects.requireNonNullElse(b.source, "polyfn");
		this.type = Objects.requireNonNullElse(b.type, "polyfn.event");
		this.subject = b.subject;
		this.time = b.time;
		this.dataContentType = b.dataContentType;
		this.data = b.data == null ? new byte[0] : b.data;
		this.payload = b.payload;
		this.extensions = Map.copyOf(b.extensions);
	}

	public static Builder builder() {
		return new Builder();
	}

	public String id() {
		return id;
	}

	public String source() {
		return source;
	}

	public String type() {
		return type;
	}

	public String subject() {
		return subject;
	}

	public OffsetDateTime time() {
		return time;
	}

	public String dataContentType() {
		return dataContentType;
	}

	public byte[] data() {
		return data;
	}

	public String dataAsString() {
		return new String(data, MediaTypes.charset(dataContentType, StandardCharsets.UTF_8));
	}

	/** The portable typed payload, or null when the adapter has none for this kind of event. */
	public Object payload() {
		return payload;
	}

	public Map<String, String> extensions() {
		return extensions;
	}

	public Builder toBuilder() {
		Builder b = new Builder().id(id).source(source).type(type).subject(subject).time(time)
				.dataContentType(dataContentType).data(data).payload(payload);
		b.extensions.putAll(extensions);
		return b;
	}

	@Override
	public String toString() {
		return "PortableEvent[id=" + id + ", source=" + source + ", type=" + type + ", subject=" + subject + "]";
	}

	public static final class Builder {

		private String id;
		private String source;
		private String type;
		private String subject;
		private OffsetDateTime time;
		private String dataContentType;
		private byte[] data;
		private Object payload;
		private final Map<String, String> extensions = new LinkedHashMap<>();

		public Builder id(String id) {
			this.id = id;
			return this;
		}

		public Builder source(String source) {
			this.source = source;
			return this;
		}

		public Builder type(String type) {
			this.type = type;
			return this;
		}

		public Builder subject(String subject) {
			this.subject = subject;
			return this;
		}

		public Builder time(OffsetDateTime time) {
			this.time = time;
			return this;
		}

		public Builder dataContentType(String dataContentType) {
			this.dataContentType = dataContentType;
			return this;
		}

		public Builder data(byte[] data) {
			this.data = data;
			return this;
		}

		public Builder data(String text) {
			this.data = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
			return this;
		}

		public Builder payload(Object payload) {
			this.payload = payload;
			return this;
		}

		public Builder extension(String name, String value) {
			if (value != null) {
				this.extensions.put(name, value);
			}
			return this;
		}

		public PortableEvent build() {
			return new PortableEvent(this);
		}
	}
}
