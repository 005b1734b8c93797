package dev.polyfn.azure.testapp;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.invoke.PolyfnHeaders;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;
import dev.polyfn.core.model.ScheduledTick;

/**
 * Small stand-ins for the examples' functions (adapter-azure builds before the examples module), plus a
 * recorder, because queue, blob and timer entry points return nothing the test could look at.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AzureTestApplication {

	public record Order(String orderId, String sku, Integer quantity) {
	}

	public record OrderSeen(Order order, String requestId, String functionName) {
	}

	/** What the event functions received, in order. */
	public static final class Recorder {

		public final CopyOnWriteArrayList<Object> seen = new CopyOnWriteArrayList<>();

		public <T> T last(Class<T> type) {
			for (int i = seen.size() - 1; i >= 0; i--) {
				if (type.isInstance(seen.get(i))) {
					return type.cast(seen.get(i));
				}
			}
			throw new AssertionError("Nothing of type " + type.getSimpleName() + " was recorded: " + seen);
		}
	}

	@Bean
	public Recorder recorder() {
		return new Recorder();
	}

	@Bean
	public Function<String, String> reverse() {
		return text -> new StringBuilder(text).reverse().toString();
	}

	/** The body as it came: shows what survived the host's decoding. */
	@Bean
	public Function<byte[], byte[]> echo() {
		return bytes -> bytes;
	}

	/** Binary in, binary out: a 16-pixel-wide PNG of the image; anything that is not an image is 400. */
	@Bean
	public Function<byte[], Message<byte[]>> thumbnail() {
		return bytes -> {
			try {
				BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
				if (image == null) {
					throw new FunctionStatusException(400, "The body is not an image");
				}
				int height = Math.max(1, image.getHeight() * 16 / image.getWidth());
				BufferedImage small = new BufferedImage(16, height, BufferedImage.TYPE_INT_RGB);
				small.getGraphics().drawImage(image.getScaledInstance(16, height, Image.SCALE_FAST), 0, 0, null);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ImageIO.write(small, "png", out);
				return MessageBuilder.withPayload(out.toByteArray()).setHeader("contentType", "image/png").build();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		};
	}

	@Bean
	public Function<Message<Order>, Map<String, Object>> processOrder(Recorder recorder) {
		Map<String, Integer> stock = new ConcurrentHashMap<>(Map.of("apple", 10, "pear", 5));
		return message -> {
			Order order = message.getPayload();
			if (order.orderId() == null || order.sku() == null || order.quantity() == null || order.quantity() < 1) {
				throw new FunctionStatusException(422, "An order needs 'orderId', 'sku' and a 'quantity' of at least 1");
			}
			recorder.seen.add(new OrderSeen(order, (String) message.getHeaders().get(PolyfnHeaders.REQUEST_ID),
					(String) message.getHeaders().get(PolyfnHeaders.FUNCTION_NAME)));
			int left = stock.merge(order.sku(), -order.quantity(), Integer::sum);
			return Map.of("orderId", order.orderId(), "status", left >= 0 ? "CONFIRMED" : "REJECTED");
		};
	}

	@Bean
	public Consumer<QueueMessage> inspectMessage(Recorder recorder) {
		return recorder.seen::add;
	}

	@Bean
	public Consumer<PortableEvent> planThumbnail(Recorder recorder) {
		return recorder.seen::add;
	}

	@Bean
	public Function<ScheduledTick, Map<String, Object>> cleanupExpired(Recorder recorder) {
		return tick -> {
			recorder.seen.add(tick);
			return Map.of("schedule", tick.schedule(), "removed", 0);
		};
	}

	/** Answers with what the function saw of the Azure invocation. */
	@Bean
	public Function<Message<String>, String> whoami() {
		return message -> message.getHeaders().get(PolyfnHeaders.REQUEST_ID) + " "
				+ message.getHeaders().get(PolyfnHeaders.FUNCTION_NAME) + " "
				+ message.getHeaders().get(PolyfnHeaders.CLOUD);
	}
}
