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

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import dev.polyfn.core.FunctionStatusException;

/**
 * Image bytes → a thumbnail that fits in 800×800, aspect ratio kept, never enlarged; what {@code thumbnail} (bytes
 * over HTTP) and {@code storeThumbnail} (an object in a bucket) share. Safe on hostile images: the declared size is
 * checked against {@link ThumbnailLimits} before decoding (413), the image is decoded subsampled (a large legal
 * image decodes small), in memory (ImageIO's default stream caches to temporary files), and inside a
 * {@link DecodeBudget}.
 */
final class Thumbnailer {

	static final int MAX_SIDE = 800;

	/** The encoded thumbnail and what it is. */
	record Thumbnail(byte[] bytes, String contentType, int width, int height) {
	}

	/** JPEG stays JPEG and the rest becomes PNG, or everything becomes PNG. */
	enum Format {
		KEEP_JPEG, PNG
	}

	private final ThumbnailLimits limits;
	private final DecodeBudget budget;

	Thumbnailer(ThumbnailLimits limits, DecodeBudget budget) {
		this.limits = limits;
		this.budget = budget;
	}

	/**
	 * The thumbnail, or null when no decoding memory came free within {@link ThumbnailLimits#maxWait()}.
	 * 400 for bytes that are no readable image, 413 for an image past the limits.
	 */
	Thumbnail make(byte[] image, Format format) {
		if (image == null || image.length == 0) {
			throw unreadable();
		}
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
			ImageReader reader = readerFor(in);
			try {
				reader.setInput(in, true, true);
				return scaled(reader, format);
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
	}

	private Thumbnail scaled(ImageReader reader, Format format) throws IOException {
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
			boolean asJpeg = jpeg && format == Format.KEEP_JPEG;
			return encoded(scale(image, targetWidth, targetHeight, asJpeg), asJpeg);
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

	private static Thumbnail encoded(BufferedImage thumbnail, boolean jpeg) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			ImageIO.write(thumbnail, jpeg ? "jpeg" : "png", stream);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Thumbnail(out.toByteArray(), jpeg ? "image/jpeg" : "image/png", thumbnail.getWidth(), thumbnail.getHeight());
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
