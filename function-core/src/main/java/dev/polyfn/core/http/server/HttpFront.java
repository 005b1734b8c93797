package dev.polyfn.core.http.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.polyfn.core.http.HttpLimits;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * polyfn's HTTP/1.1 server: one non-blocking I/O thread reads every request whole (headers and body, under
 * {@link HttpLimits}' timeouts and sizes) before a worker sees it, so slow or idle clients cost a socket, never
 * a thread; workers run functions from a bounded queue (full: 503 with {@code Retry-After}). On {@link #stop}
 * it drains: the listener closes (after taking the connections the kernel had already completed), connections
 * with nothing on the wire close, and every request whose first bytes had arrived is served, with
 * {@code Connection: close}, within the deadline: a request sent before the signal is in flight, not new.
 * Protocol faults are answered in the JSON error contract and logged at WARN in one line.
 */
public final class HttpFront {

	/** Runs one complete request on a worker thread. */
	public interface Handler {
		PortableHttpResponse handle(PortableHttpRequest request);

		/** Lets the application adjust the server's own refusal of a request whose head was read. */
		default PortableHttpResponse refused(PortableHttpRequest head, PortableHttpResponse refusal) {
			return refusal;
		}
	}

	private static final Logger log = LoggerFactory.getLogger(HttpFront.class);

	private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
	/** How long, and how much, a connection answered with "close" is read on so the client sees the answer. */
	private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);
	private static final long LINGER_BYTES = 64L * 1024 * 1024;

	private final HttpLimits limits;
	private final Handler handler;
	private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
	private final Set<Connection> connections = new LinkedHashSet<>();
	private final CountDownLatch finished = new CountDownLatch(1);
	private final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);

	private Selector selector;
	private ServerSocketChannel listener;
	private ThreadPoolExecutor workers;
	private int inFlight;
	private volatile boolean draining;
	private long drainUntil;
	private volatile String date = HttpDates.now();

	public HttpFront(HttpLimits limits, Handler handler) {
		this.limits = limits;
		this.handler = handler;
	}

	public void start(String host, int port) throws IOException {
		selector = Selector.open();
		listener = ServerSocketChannel.open();
		listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
		listener.bind(new InetSocketAddress(host, port), 1024);
		listener.configureBlocking(false);
		listener.register(selector, SelectionKey.OP_ACCEPT);
		workers = new ThreadPoolExecutor(limits.threads(), limits.threads(), 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(Math.max(1, limits.queueCapacity())), new Workers());
		// Not a daemon: like the JDK's server, a running server keeps the JVM alive.
		Thread loop = new Thread(this::run, "polyfn-http-io");
		loop.start();
	}

	public int port() {
		return listener.socket().getLocalPort();
	}

	/** Drains (see the class comment) and returns when every connection is closed or the deadline passed. */
	public void stop() {
		draining = true;
		selector.wakeup();
		try {
			finished.await(limits.drainDeadline().toMillis() + 2000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		workers.shutdownNow();
	}

	private void run() {
		long nextTick = System.nanoTime() + TICK_NANOS;
		try {
			while (true) {
				selector.select(250);
				Runnable completion;
				while ((completion = completions.poll()) != null) {
					completion.run();
				}
				for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext();) {
					SelectionKey key = keys.next();
					keys.remove();
					ready(key);
				}
				long now = System.nanoTime();
				if (now - nextTick >= 0) {
					nextTick = now + TICK_NANOS;
					date = HttpDates.now();
					expire(now);
				}
				if (draining && drained(now)) {
					break;
				}
			}
		}
		catch (IOException | RuntimeException e) {
			log.error("polyfn HTTP server stopped on an unexpected error", e);
		}
		finally {
			new ArrayList<>(connections).forEach(this::close);
			closeQuietly(listener);
			closeQuietly(selector);
			finished.countDown();
		}
	}

	private boolean drained(long now) {
		if (listener.isOpen()) {
			// Connections the kernel completed before the signal belong to clients already sending: take them and
			// what they have sent, so that only connections with nothing on the wire are closed.
			accept();
			closeQuietly(listener);
			drainUntil = now + limits.drainDeadline().toNanos();
			for (Connection c : new ArrayList<>(connections)) {
				if (c.state == Connection.State.IDLE && !c.buffered()) {
					readPending(c);
				}
				if (!c.closed && c.state == Connection.State.IDLE && !c.buffered()) {
					close(c);
				}
			}
		}
		if (connections.isEmpty() && inFlight == 0) {
			return true;
		}
		if (now - drainUntil >= 0) {
			log.warn("polyfn HTTP server: drain deadline {} passed with {} requests still running; closing",
					limits.drainDeadline(), inFlight);
			return true;
		}
		return false;
	}

	private void readPending(Connection c) {
		try {
			read(c);
		}
		catch (IOException reset) {
			clientGone(c);
		}
	}

	private void ready(SelectionKey key) {
		if (!key.isValid()) {
			return;
		}
		if (key.isAcceptable()) {
			accept();
			return;
		}
		Connection c = (Connection) key.attachment();
		try {
			if (key.isWritable()) {
				flush(c);
			}
			if (key.isValid() && key.isReadable() && !c.closed) {
				read(c);
			}
		}
		catch (IOException reset) {
			clientGone(c);
		}
	}

	private void accept() {
		SocketChannel channel;
		try {
			while ((channel = listener.accept()) != null) {
				if (connections.size() >= limits.maxConnections()) {
					refuse(channel);
					continue;
				}
				channel.configureBlocking(false);
				channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
				Connection c = new Connection(channel, channel.register(selector, SelectionKey.OP_READ));
				c.key.attach(c);
				c.deadline = System.nanoTime() + limits.headerTimeout().toNanos();
				connections.add(c);
			}
		}
		catch (IOException e) {
			log.warn("polyfn HTTP server could not accept a connection: {}", e.getMessage());
		}
	}

	private void refuse(SocketChannel channel) {
		log.warn("polyfn HTTP server: {} connections open (polyfn.http.max-connections); refusing one", connections.size());
		try (channel) {
			channel.configureBlocking(false);
			channel.write(ResponseEncoder.encode(Refusals.overloaded(), false, true, date));
		}
		catch (IOException ignored) {
			// the refusal is best effort
		}
	}

	private void read(Connection c) throws IOException {
		if (c.state == Connection.State.CLOSING) {
			scratch.clear();
			int n = c.channel.read(scratch);
			c.discarded += Math.max(n, 0);
			if (n < 0 || c.discarded > LINGER_BYTES) {
				close(c);
			}
			return;
		}
		if (!c.makeRoom(limits.maxHeaderBytes() + 8192)) {
			if (c.state == Connection.State.BUSY) {
				c.key.interestOps(0);
				return;
			}
			fail(c, new ProtocolError(431, "headers_too_large", "The request headers are larger than "
					+ limits.maxHeaderBytes() + " bytes (polyfn.http.max-header-size)"));
			return;
		}
		int n = c.channel.read(ByteBuffer.wrap(c.in, c.end, c.in.length - c.end));
		if (n < 0) {
			clientGone(c);
			return;
		}
		c.end += n;
		if (c.state != Connection.State.BUSY && c.state != Connection.State.WRITING) {
			advance(c);
		}
	}

	/** Moves a connection through its request as far as the bytes read allow. */
	private void advance(Connection c) {
		try {
			if (c.state == Connection.State.IDLE || c.state == Connection.State.HEAD) {
				if (!readHead(c)) {
					return;
				}
			}
			if (c.state == Connection.State.BODY) {
				int used = c.body.feed(c.in, c.start, c.end);
				c.start += used;
				if (used > 0) {
					c.deadline = System.nanoTime() + limits.bodyTimeout().toNanos();
				}
				if (c.body.complete()) {
					dispatch(c);
				}
			}
		}
		catch (ProtocolError error) {
			fail(c, error);
		}
	}

	/** True when a head was read and the body (if any) may follow. */
	private boolean readHead(Connection c) throws ProtocolError {
		while (c.state == Connection.State.IDLE && c.buffered() && (c.in[c.start] == '\r' || c.in[c.start] == '\n')) {
			c.start++;
		}
		if (!c.buffered()) {
			return false;
		}
		if (c.state == Connection.State.IDLE) {
			c.state = Connection.State.HEAD;
			c.deadline = System.nanoTime() + limits.headerTimeout().toNanos();
		}
		int headEnd = RequestHeadParser.headEnd(c.in, c.start, c.end);
		if ((headEnd < 0 ? c.end : headEnd) - c.start > limits.maxHeaderBytes()) {
			throw new ProtocolError(431, "headers_too_large", "The request headers are larger than "
					+ limits.maxHeaderBytes() + " bytes (polyfn.http.max-header-size)");
		}
		if (headEnd < 0) {
			return false;
		}
		RequestHead head = RequestHeadParser.parse(c.in, c.start, headEnd, limits);
		c.start = headEnd;
		c.head = head;
		if (head.contentLength() > limits.maxBodySize()) {
			respond(c, FunctionError.payloadTooLarge(head.contentLength(), limits.maxBodySize()).toHttpResponse(), true);
			return false;
		}
		c.body = BodyReader.of(head, limits.maxBodySize());
		c.state = Connection.State.BODY;
		c.deadline = System.nanoTime() + limits.bodyTimeout().toNanos();
		if (head.expectContinue() && head.hasBody()) {
			c.out.add(ResponseEncoder.continueLine());
			try {
				flush(c);
			}
			catch (IOException reset) {
				clientGone(c);
				return false;
			}
		}
		return true;
	}

	private void dispatch(Connection c) {
		c.state = Connection.State.BUSY;
		RequestHead head = c.head;
		PortableHttpRequest request = PortableHttpRequest.builder().method(head.method()).path(head.rawPath())
				.rawQuery(head.rawQuery()).headers(head.headers()).body(c.body.body()).build();
		inFlight++;
		try {
			workers.execute(() -> work(c, request));
		}
		catch (RejectedExecutionException full) {
			inFlight--;
			log.warn("polyfn HTTP server: {} requests queued (polyfn.http.queue-capacity); answering 503",
					workers.getQueue().size());
			respond(c, Refusals.overloaded(), false);
		}
	}

	private void work(Connection c, PortableHttpRequest request) {
		ByteBuffer answer = null;
		boolean close = !c.head.keepAlive() || draining;
		if (!c.gone) {
			PortableHttpResponse response;
			try {
				response = handler.handle(request);
			}
			catch (RuntimeException | Error unexpected) {
				log.error("polyfn HTTP server could not serve {} {}", request.method(), request.path(), unexpected);
				response = new FunctionError(500, "server_error", "The request could not be served").toHttpResponse();
			}
			close |= draining;
			answer = ResponseEncoder.encode(response, "HEAD".equals(request.method()), close, date);
		}
		ByteBuffer written = answer;
		boolean closing = close;
		completions.add(() -> completed(c, written, closing));
		selector.wakeup();
	}

	private void completed(Connection c, ByteBuffer answer, boolean close) {
		inFlight--;
		if (c.closed || answer == null) {
			return;
		}
		c.out.add(answer);
		c.closeAfterWrite = close;
		c.state = Connection.State.WRITING;
		try {
			flush(c);
		}
		catch (IOException reset) {
			clientGone(c);
		}
	}

	private void respond(Connection c, PortableHttpResponse response, boolean close) {
		if (c.head != null) {
			RequestHead h = c.head;
			try {
				response = handler.refused(PortableHttpRequest.builder().method(h.method()).path(h.rawPath())
						.rawQuery(h.rawQuery()).headers(h.headers()).build(), response);
			}
			catch (RuntimeException e) {
				log.warn("polyfn HTTP server: refusal hook failed: {}", e.toString());
			}
		}
		boolean head = c.head != null && "HEAD".equals(c.head.method());
		boolean closing = close || draining || (c.head != null && !c.head.keepAlive());
		c.out.add(ResponseEncoder.encode(response, head, closing, date));
		c.closeAfterWrite = closing;
		c.state = Connection.State.WRITING;
		try {
			flush(c);
		}
		catch (IOException reset) {
			clientGone(c);
		}
	}

	private void fail(Connection c, ProtocolError error) {
		log.warn("polyfn HTTP server: {} {} from {}: {}", error.error().status(), error.error().error(), remote(c),
				error.getMessage());
		respond(c, error.error().toHttpResponse(), true);
	}

	/** Writes what is queued; at the end of a response, starts the next request or closes. */
	private void flush(Connection c) throws IOException {
		while (!c.out.isEmpty()) {
			ByteBuffer next = c.out.peek();
			c.channel.write(next);
			if (next.hasRemaining()) {
				c.key.interestOps(SelectionKey.OP_WRITE);
				c.deadline = System.nanoTime() + limits.bodyTimeout().toNanos();
				return;
			}
			c.out.poll();
		}
		if (c.state != Connection.State.WRITING) {
			c.key.interestOps(SelectionKey.OP_READ);
			return;
		}
		if (c.closeAfterWrite) {
			linger(c);
			return;
		}
		c.nextRequest(System.nanoTime() + limits.idleTimeout().toNanos());
		c.key.interestOps(SelectionKey.OP_READ);
		if (c.buffered()) {
			advance(c);
		}
	}

	private void linger(Connection c) {
		try {
			c.channel.shutdownOutput();
			c.state = Connection.State.CLOSING;
			c.deadline = System.nanoTime() + LINGER_NANOS;
			c.key.interestOps(SelectionKey.OP_READ);
		}
		catch (IOException e) {
			close(c);
		}
	}

	private void clientGone(Connection c) {
		if (c.state == Connection.State.BODY) {
			log.warn("polyfn HTTP server: client {} closed the connection after {} of {} body bytes", remote(c),
					c.body.received(), c.head.chunked() ? "a chunked" : c.head.contentLength());
		}
		else if (c.state == Connection.State.HEAD) {
			log.debug("Client {} closed the connection before its headers ended", remote(c));
		}
		c.gone = true;
		close(c);
	}

	/** Enforces the timeouts; runs every tick on the I/O thread. */
	private void expire(long now) {
		for (Connection c : new ArrayList<>(connections)) {
			if (c.state == Connection.State.BUSY || now - c.deadline < 0) {
				continue;
			}
			switch (c.state) {
				case HEAD -> fail(c, new ProtocolError(408, "timeout", "The request headers did not arrive within "
						+ limits.headerTimeout().toMillis() + " ms (polyfn.http.header-timeout)"));
				case BODY -> fail(c, new ProtocolError(408, "timeout", "The body stalled for "
						+ limits.bodyTimeout().toMillis() + " ms (polyfn.http.body-timeout)"));
				default -> close(c);
			}
		}
	}

	private void close(Connection c) {
		if (c.closed) {
			return;
		}
		c.closed = true;
		c.key.cancel();
		closeQuietly(c.channel);
		connections.remove(c);
	}

	private static String remote(Connection c) {
		try {
			return String.valueOf(c.channel.getRemoteAddress());
		}
		catch (IOException e) {
			return "?";
		}
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (IOException ignored) {
			// closing
		}
	}

	private static final class Workers implements java.util.concurrent.ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "polyfn-http-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}
	}
}
