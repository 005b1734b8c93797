package dev.polyfn.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Decompression bombs as an attacker builds them: a valid header declaring a huge image, then a few bytes of
 * data, or none. Each is well under 1 KB; decoded, each would need gigabytes.
 */
public final class ImageBombs {

	private ImageBombs() {
	}

	/**
	 * A PNG: signature, an IHDR declaring {@code width × height} RGBA pixels, and one IDAT chunk holding the first
	 * deflated scanlines, cut off before the rest (no IEND), as an upload that stops does.
	 */
	public static byte[] png(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
			.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", header.array());
		chunk(out, "IDAT", deflatedZeros(64 * 1024, 600));
		return out.toByteArray();
	}

	/**
	 * A GIF89a: logical screen and first image declaring {@code width × height}, a 256-colour table (so a decoder
	 * needs a byte per pixel: 1.6 GB for 40000²), and LZW data that stops after a few codes.
	 */
	public static byte[] gif(int width, int height) {
		ByteBuffer gif = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
		gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height)
			.put((byte) 0xF7).put((byte) 0).put((byte) 0)
			.put(new byte[256 * 3])
			.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
			.put((byte) 0)
			.put((byte) 8).put((byte) 4).put(new byte[] { 0x00, 0x01, 0x04, 0x08 });
		byte[] bytes = new byte[gif.position()];
		gif.flip().get(bytes);
		return bytes;
	}

	/** A BMP header declaring {@code width × height} 24-bit pixels, followed by no pixel data at all. */
	public static byte[] bmp(int width, int height) {
		ByteBuffer bmp = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
		long imageSize = (long) width * height * 3;
		bmp.put((byte) 'B').put((byte) 'M').putInt((int) Math.min(Integer.MAX_VALUE, 54 + imageSize)).putInt(0)
			.putInt(54).putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24)
			.putInt(0).putInt((int) Math.min(Integer.MAX_VALUE, imageSize)).putInt(2835).putInt(2835).putInt(0).putInt(0);
		return bmp.array();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/** {@code length} zero bytes deflated, at most {@code keep} bytes of the stream kept. */
	private static byte[] deflatedZeros(int length, int keep) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(new byte[length]);
		deflater.finish();
		byte[] buffer = new byte[keep];
		int written = deflater.deflate(buffer, 0, keep, Deflater.SYNC_FLUSH);
		deflater.end();
		byte[] kept = new byte[written];
		System.arraycopy(buffer, 0, kept, 0, written);
		return kept;
	}
}
