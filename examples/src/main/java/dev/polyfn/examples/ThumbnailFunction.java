package dev.polyfn.examples;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Function;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.PolyfnHeaders;

/**
 * Image bytes in, a thumbnail that fits in 800×800 out, aspect ratio kept, never enlarged. JPEG stays JPEG;
 * every other readable format becomes PNG. Safe on hostile uploads: the declared size is checked against
 * {@link ThumbnailLimits} before decoding (413), the image is decoded subsampled (a large legal image decodes
 * small), in memory (ImageIO's default stream caches to temporary files), and inside a {@link DecodeBudget};
 * when the budget stays full past the wait, the answer is 503 with {@code Retry-After}.
 */
public class ThumbnailFunction implements Function<byte[], Message<byte[]>> {

	static final int MAX_SIDE = 800;

	private final ThumbnailLimits limits;
	private final DecodeBudget budget;

	public ThumbnailFunction() {
		this(ThumbnailLimits.defaults());
	}

	public ThumbnailFunction(ThumbnailLimits limits) {
		this(limits, DecodeBudget.halfTheHeap());
	}

	ThumbnailFunction(ThumbnailLimits limits, DecodeBudget budget) {
		this.limits = limits;
		this.budget = budget;
	}

	@Override
	public Message<byte[]> apply(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw unreadable();
		}
		Scaled scaled;
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			ImageReader reader = readerFor(in);
			try {
				reader.setInput(in, true, true);
				scaled = scaled(reader);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException truncatedOrCorrupt) {
			if (truncatedOrCorrupt instanceof FunctionStatusException answered) {
				throw answered;
			}
			throw unreadable();
		}
		return scaled == null ? busy() : encoded(scaled.image(), scaled.jpeg());
	}

	private record Scaled(BufferedImage image, boolean jpeg) {
	}

	/** The thumbnail, or null when no decoding memory came free in time. */
	private Scaled scaled(ImageReader reader) throws IOException {
		int width = reader.getWidth(0);
		int height = reader.getHeight(0);
		limits.check(width, height);
		boolean jpeg = "jpeg".equals(reader.getFormatName().toLowerCase(Locale.ROOT));
		double factor = Math.min(1.0, Math.min((double) MAX_SIDE / width, (double) MAX_SIDE / height));
		int targetWidth = Math.max(1, (int) Math.round(width * factor));
		int targetHeight = Math.max(1, (int) Math.round(height * factor));
		int step = Math.max(1, Math.min(width / targetWidth, height / targetHeight));
		long cost = DecodeBudget.costOf(width, height, step, targetWidth * targetHeight, jpeg);
		try (DecodeBudget.Share share = budget.acquire(cost, limits.maxWait())) {
			if (share == null) {
				return null;
			}
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(step, step, 0, 0);
			BufferedImage image = reader.read(0, param);
			return new Scaled(scale(image, targetWidth, targetHeight, jpeg), jpeg);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	static FunctionStatusException unreadable() {
		return new FunctionStatusException(400,
				"The body is not a readable image: not one of PNG, JPEG, GIF, BMP, or truncated or corrupt");
	}

	private static ImageReader readerFor(ImageInputStream in) {
		Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
		if (!readers.hasNext()) {
			throw unreadable();
		}
		return readers.next();
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

	private static Message<byte[]> encoded(BufferedImage thumbnail, boolean jpeg) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			ImageIO.write(thumbnail, jpeg ? "jpeg" : "png", stream);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return MessageBuilder.withPayload(out.toByteArray())
				.setHeader("contentType", jpeg ? "image/jpeg" : "image/png")
				.build();
	}

	private static BufferedImage scale(BufferedImage image, int width, int height, boolean opaque) {
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
}
