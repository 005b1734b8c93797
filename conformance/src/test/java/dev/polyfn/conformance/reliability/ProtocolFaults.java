package dev.polyfn.conformance.reliability;

import java.util.List;

/** Malformed or over-limit requests, each with the status the server must answer in the JSON error contract. */
final class ProtocolFaults {

	record Fault(String name, String request, int status) {
	}

	private ProtocolFaults() {
	}

	static List<Fault> all() {
		String host = "Host: campaign\r\nConnection: close\r\n";
		return List.of(
				new Fault("invalid chunk size", "POST /reverse HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n", 400),
				new Fault("duplicate Content-Length", "POST /reverse HTTP/1.1\r\n" + host + "Content-Length: 2\r\nContent-Length: 3\r\n\r\nab", 400),
				new Fault("Transfer-Encoding gzip", "POST /reverse HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\nab", 400),
				new Fault("Content-Length with chunked", "POST /reverse HTTP/1.1\r\n" + host + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\nab", 400),
				new Fault("non-numeric Content-Length", "POST /reverse HTTP/1.1\r\n" + host + "Content-Length: 1e3\r\n\r\n", 400),
				new Fault("folded header", "POST /reverse HTTP/1.1\r\n" + host + "X-A: 1\r\n 2\r\nContent-Length: 0\r\n\r\n", 400),
				new Fault("control character in a header", "POST /reverse HTTP/1.1\r\n" + host + "X-A: a\u0001b\r\n\r\n", 400),
				new Fault("HTTP/2.0 request line", "GET /hello HTTP/2.0\r\n" + host + "\r\n", 400),
				new Fault("garbage request line", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n\r\n", 400),
				new Fault("raw space in the target", "GET /hel lo HTTP/1.1\r\n" + host + "\r\n", 400),
				new Fault("bad percent-encoding", "GET /%zz HTTP/1.1\r\n" + host + "\r\n", 400),
				new Fault("raw '{' in the target", "GET /{x} HTTP/1.1\r\n" + host + "\r\n", 400),
				new Fault("CONNECT authority form", "CONNECT example.com:443 HTTP/1.1\r\n" + host + "\r\n", 400),
				new Fault("101 headers", "GET /hello HTTP/1.1\r\n" + host + "X-A: 1\r\n".repeat(101) + "\r\n", 431),
				new Fault("20 KB header", "GET /hello HTTP/1.1\r\n" + host + "X-A: " + "a".repeat(20_000) + "\r\n\r\n", 431),
				new Fault("9 KB URL", "GET /" + "a".repeat(9_000) + " HTTP/1.1\r\n" + host + "\r\n", 414),
				new Fault("Expect: 100-continue with 50 MB", "POST /reverse HTTP/1.1\r\n" + host + "Expect: 100-continue\r\nContent-Length: 52428800\r\n\r\n", 413),
				new Fault("unknown expectation", "POST /reverse HTTP/1.1\r\n" + host + "Expect: 200-ok\r\nContent-Length: 1\r\n\r\na", 417),
				new Fault("chunked body over 10 MB", "POST /reverse HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n"
						+ "A00000\r\n" + "a".repeat(0xA00000) + "\r\n1\r\nb\r\n0\r\n\r\n", 413));
	}
}
