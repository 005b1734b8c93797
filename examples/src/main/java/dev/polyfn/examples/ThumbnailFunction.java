package dev.polyfn.examples;

import java.util.function.Function;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.PolyfnHeaders;

/**
 * Image bytes in, a thumbnail that fits in 800×800 out ({@link Thumbnailer}): JPEG stays JPEG, every other
 * readable format becomes PNG. When the decoding budget stays full past the wait, the answer is 503 with
 * {@code Retry-After}.
 */
public class ThumbnailFunction implements Function<byte[], Message<byte[]>> {

	private final Thumbnailer thumbnailer;

	public ThumbnailFunction() {
		this(ThumbnailLimits.defaults());
	}

	public ThumbnailFunction(ThumbnailLimits limits) {
		this(limits, DecodeBudget.halfTheHeap());
	}

	ThumbnailFunction(ThumbnailLimits limits, DecodeBudget budget) {
		this(new Thumbnailer(limits, budget));
	}

	ThumbnailFunction(Thumbnailer thumbnailer) {
		this.thumbnailer = thumbnailer;
	}

	@Override
	public Message<byte[]> apply(byte[] bytes) {
		Thumbnailer.Thumbnail thumbnail = thumbnailer.make(bytes, Thumbnailer.Format.KEEP_JPEG);
		if (thumbnail == null) {
			return busy();
		}
		return MessageBuilder.withPayload(thumbnail.bytes()).setHeader("contentType", thumbnail.contentType()).build();
	}

	private static Message<byte[]> busy() {
		FunctionError busy = new FunctionError(503, "unavailable",
				"Every image decoder is busy; retry in a second");
		return MessageBuilder.withPayload(busy.toJsonBytes())
				.setHeader(PolyfnHeaders.HTTP_STATUS, 503)
				.setHeader("Retry-After", "1")
				.setHeader("contentType", "application/json")
				.build();
	}
}
