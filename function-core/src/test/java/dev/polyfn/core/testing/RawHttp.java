package dev.polyfn.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a bare socket, for requests no HTTP client library will send (malformed framing, trickled
 * bytes): writes the given bytes and reads one answer (status line, headers, Content-Length body).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** One parsed answer; {@code status} is -1 when the server closed without answering. */
	public record Answer(int status, String head, String body) {

		public String header(String name) {
			for (String line : head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
					return line.substring(colon + 1).strip();
				}
			}
			return null;
		}

		public String statusLine() {
			int end = head.indexOf("\r\n");
			return end < 0 ? head : head.substring(0, end);
		}
	}

	public static Answer exchange(int port, String request) throws IOException {
		return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), 10_000);
	}

	public static Answer exchange(int port, byte[] request, int timeoutMillis) throws IOException {
		try (Socket socket = open(port, timeoutMillis)) {
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			return read(socket.getInputStream());
		}
	}

	public static Socket open(int port, int timeoutMillis) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
		socket.setSoTimeout(timeoutMillis);
		return socket;
	}

	/** Reads one answer, skipping {@code 100 Continue}; a reset or close before a status line is status -1. */
	public static Answer read(InputStream in) throws IOException {
		while (true) {
			String head;
			try {
				head = readHead(in);
			}
			catch (SocketTimeoutException | java.net.SocketException closed) {
				return new Answer(-1, "", "");
			}
			if (head.isEmpty()) {
				return new Answer(-1, "", "");
			}
			int status = Integer.parseInt(head.substring(9, 12));
			if (status == 100) {
				continue;
			}
			Answer headOnly = new Answer(status, head, "");
			String length = headOnly.header("Content-Length");
			byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
			return new Answer(status, head, new String(body, StandardCharsets.UTF_8));
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while ((b = in.read()) >= 0) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
			if (matched == 4) {
				String text = head.toString(StandardCharsets.ISO_8859_1);
				return text.substring(0, text.length() - 4);
			}
		}
		return head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).startsWith("http/") ? "" : "";
	}
}
