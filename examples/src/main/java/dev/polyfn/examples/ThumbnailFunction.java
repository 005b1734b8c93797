package dev.polyfn.examples;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Function;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.polyfn.core.FunctionStatusException;

/**
 * Image bytes in, a thumbnail that fits in 800×800 out, aspect ratio kept, never enlarged. JPEG stays JPEG;
 * every other readable format becomes PNG.
 */
public class ThumbnailFunction implements Function<byte[], Message<byte[]>> {

	static final int MAX_SIDE = 800;

	@Override
	public Message<byte[]> apply(byte[] bytes) {
		String format = formatOf(bytes);
		BufferedImage image = read(bytes);
		boolean jpeg = "jpeg".equals(format);
		BufferedImage thumbnail = scale(image, jpeg);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(thumbnail, jpeg ? "jpeg" : "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return MessageBuilder.withPayload(out.toByteArray())
				.setHeader("contentType", jpeg ? "image/jpeg" : "image/png")
				.build();
	}

	private static BufferedImage read(byte[] bytes) {
		BufferedImage image;
		try {
			image = bytes == null || bytes.length == 0 ? null : ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException | RuntimeException unreadable) {
			image = null;
		}
		if (image == null) {
			throw new FunctionStatusException(400, "The body is not an image this function can read (PNG, JPEG, GIF, BMP)");
		}
		return image;
	}

	private static BufferedImage scale(BufferedImage image, boolean opaque) {
		double factor = Math.min(1.0, Math.min((double) MAX_SIDE / image.getWidth(), (double) MAX_SIDE / image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage scaled = new BufferedImage(width, height,
				opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = scaled.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return scaled;
	}

	private static String formatOf(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			return readers.hasNext() ? readers.next().getFormatName().toLowerCase(java.util.Locale.ROOT) : null;
		}
		catch (IOException e) {
			return null;
		}
	}
}
