package dev.polyfn.tencent;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Fixture events with the one or two fields a test case is about set explicitly (bucket, topic, path, body). */
final class TestEvents {

	private TestEvents() {
	}

	static ObjectNode fixture(String relative) {
		return (ObjectNode) JsonEvents.parse(Fixtures.bytes(relative));
	}

	static ObjectNode functionUrlRequest() {
		try (InputStream in = TestEvents.class.getResourceAsStream("/events/function-url-post.json")) {
			return (ObjectNode) JsonEvents.parse(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Sets a field addressed by a JSON pointer such as {@code /Records/0/cos/cosBucket/name}. */
	static ObjectNode with(ObjectNode event, String pointer, Object value) {
		JsonPointer path = JsonPointer.compile(pointer);
		JsonNode parent = event.at(path.head());
		((ObjectNode) parent).set(path.last().getMatchingProperty(), JsonEvents.mapper().valueToTree(value));
		return event;
	}

	static byte[] bytes(JsonNode event) {
		return JsonEvents.toBytes(event);
	}

	static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static BufferedImage image(byte[] bytes) {
		try {
			return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
