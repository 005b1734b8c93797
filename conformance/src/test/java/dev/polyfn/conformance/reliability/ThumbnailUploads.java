package dev.polyfn.conformance.reliability;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import dev.polyfn.core.testing.RawHttp;

/**
 * A thumbnail upload split around a SIGTERM, read back as bytes (the image is binary, so the campaign's text
 * answers will not do). The outcome is {@link #RIGHT} or a short description of what came back instead.
 */
final class ThumbnailUploads {

	static final String RIGHT = "200 PNG 800×600";

	private ThumbnailUploads() {
	}

	/** A gradient photo stand-in: large enough that decoding and scaling take real time. */
	static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static String uploadAcrossSigterm(int port, byte[] png, CountDownLatch halfSent, CountDownLatch terminated) {
		try (Socket socket = RawHttp.open(port, 30_000)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /thumbnail HTTP/1.1\r\nHost: campaign\r\nContent-Type: image/png\r\nContent-Length: " + png.length
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			int half = png.length / 2;
			out.write(png, 0, half);
			out.flush();
			halfSent.countDown();
			terminated.await(30, TimeUnit.SECONDS);
			out.write(png, half, png.length - half);
			out.flush();
			return outcome(socket.getInputStream().readAllBytes());
		}
		catch (IOException e) {
			return e.getClass().getSimpleName();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private static String outcome(byte[] reply) throws IOException {
		String text = new String(reply, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return reply.length == 0 ? "no reply" : "cut reply";
		}
		String head = text.substring(0, end);
		String status = head.length() >= 12 ? head.substring(9, 12) : head;
		if (!status.equals("200") || !head.toLowerCase().contains("content-type: image/png")) {
			return status;
		}
		BufferedImage thumbnail;
		try (InputStream body = new ByteArrayInputStream(reply, end + 4, reply.length - end - 4)) {
			thumbnail = ImageIO.read(body);
		}
		if (thumbnail == null) {
			return "200 not a PNG";
		}
		String size = thumbnail.getWidth() + "×" + thumbnail.getHeight();
		return thumbnail.getWidth() == 800 && thumbnail.getHeight() == 600 ? RIGHT : "200 PNG " + size;
	}
}
