package dev.polyfn.storage.azure.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.polyfn.local.Ports;

/**
 * Azurite 3.35.0 (npm {@code azurite}, Microsoft's Azure Storage emulator; the newest that runs on Node 20), its
 * blob service on 127.0.0.1 and a free port, in memory. Installed with npm on first use into
 * {@code ~/.cache/polyfn/azurite-3.35.0} (or the folder {@code polyfn.azurite.home} names), so that
 * {@code mvn verify} needs nothing but Node and npm on the machine.
 */
public final class AzuriteServer implements AutoCloseable {

	public static final String VERSION = "3.35.0";

	/** Azurite's well-known development account (its README, "Default Storage Account"). */
	public static final String ACCOUNT = "devstoreaccount1";
	public static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

	private final Process process;
	private final int port;

	private AzuriteServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static AzuriteServer start(Path log) throws IOException, InterruptedException {
		Path bin = installed().resolve("node_modules/.bin/azurite-blob");
		int port = Ports.free();
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(bin.toString(), "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port),
				"--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent")
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		AzuriteServer server = new AzuriteServer(process, port);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!server.listening()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				server.close();
				throw new IllegalStateException("Azurite did not listen on " + port + ": " + Files.readString(log));
			}
			Thread.sleep(100);
		}
		return server;
	}

	/** The connection string of the development account on this server, as AzureWebJobsStorage holds one. */
	public String connectionString() {
		return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint=http://127.0.0.1:"
				+ port + "/" + ACCOUNT + ";";
	}

	public int port() {
		return port;
	}

	private boolean listening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private static synchronized Path installed() throws IOException, InterruptedException {
		String configured = System.getProperty("polyfn.azurite.home");
		Path home = configured != null ? Paths.get(configured)
				: Paths.get(System.getProperty("user.home"), ".cache", "polyfn", "azurite-" + VERSION);
		if (Files.isExecutable(home.resolve("node_modules/.bin/azurite-blob"))) {
			return home;
		}
		Files.createDirectories(home);
		Process npm = new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toString(),
				"azurite@" + VERSION)).redirectErrorStream(true).start();
		String output = new String(npm.getInputStream().readAllBytes());
		if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
			throw new IllegalStateException("npm could not install azurite@" + VERSION + " (Node 20 and npm are needed): " + output);
		}
		return home;
	}


	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
