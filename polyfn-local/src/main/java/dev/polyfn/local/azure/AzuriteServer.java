package dev.polyfn.local.azure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.polyfn.local.Ports;

/**
 * Azurite 3.35.0 (npm {@code azurite}, Microsoft's Azure Storage emulator; the newest that runs on Node 20), its
 * blob service, its queue service or both on 127.0.0.1, each on a free port, in memory. Installed with npm on first
 * use into {@code ~/.cache/polyfn/azurite-3.35.0} (or the folder {@code polyfn.azurite.home} names), so that
 * {@code mvn verify} needs nothing but Node and npm on the machine.
 */
public final class AzuriteServer implements AutoCloseable {

	public static final String VERSION = "3.35.0";

	/** Azurite's well-known development account (its README, "Default Storage Account"). */
	public static final String ACCOUNT = "devstoreaccount1";
	public static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

	/** One Azurite service: its own executable, its host and port options and its connection-string endpoint. */
	public enum Service {
		BLOB("azurite-blob", "--blobHost", "--blobPort", "BlobEndpoint"),
		QUEUE("azurite-queue", "--queueHost", "--queuePort", "QueueEndpoint");

		final String executable;
		final String hostOption;
		final String portOption;
		final String endpoint;

		Service(String executable, String hostOption, String portOption, String endpoint) {
			this.executable = executable;
			this.hostOption = hostOption;
			this.portOption = portOption;
			this.endpoint = endpoint;
		}
	}

	private final Map<Service, Process> processes = new EnumMap<>(Service.class);
	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	private AzuriteServer() {
	}

	/** The blob service alone. */
	public static AzuriteServer start(Path log) throws IOException, InterruptedException {
		return start(log, Service.BLOB);
	}

	/** The services asked for, each its own process logging to {@code log} with the service's name before the extension. */
	public static AzuriteServer start(Path log, Service... services) throws IOException, InterruptedException {
		Path home = installed();
		Files.createDirectories(log.toAbsolutePath().getParent());
		AzuriteServer server = new AzuriteServer();
		try {
			for (Service service : services) {
				server.startOne(home, service, services.length == 1 ? log : serviceLog(log, service));
			}
		}
		catch (IOException | RuntimeException | InterruptedException failed) {
			server.close();
			throw failed;
		}
		return server;
	}

	private void startOne(Path home, Service service, Path log) throws IOException, InterruptedException {
		int port = Ports.free();
		Process process = new ProcessBuilder(home.resolve("node_modules/.bin/" + service.executable).toString(), service.hostOption,
				"127.0.0.1", service.portOption, Integer.toString(port), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose",
				"--silent").redirectErrorStream(true).redirectOutput(log.toFile()).start();
		processes.put(service, process);
		ports.put(service, port);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!listening(port)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("Azurite's " + service + " service did not listen on " + port + ": " + Files.readString(log));
			}
			Thread.sleep(100);
		}
	}

	private static Path serviceLog(Path log, Service service) {
		String name = log.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String suffix = "-" + service.name().toLowerCase(java.util.Locale.ROOT);
		return log.resolveSibling(dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot));
	}

	/** The connection string of the development account on this server, as AzureWebJobsStorage holds one. */
	public String connectionString() {
		StringBuilder connection = new StringBuilder("DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";");
		ports.forEach((service, port) -> connection.append(service.endpoint).append('=').append(endpoint(service)).append(';'));
		return connection.toString();
	}

	/** The service's URL for the development account, {@code http://127.0.0.1:<port>/devstoreaccount1}. */
	public String endpoint(Service service) {
		Integer port = ports.get(service);
		if (port == null) {
			throw new IllegalStateException("Azurite's " + service + " service was not started");
		}
		return "http://127.0.0.1:" + port + "/" + ACCOUNT;
	}

	/** The blob service's port. */
	public int port() {
		return port(Service.BLOB);
	}

	public int port(Service service) {
		return ports.get(service);
	}

	private static boolean listening(int port) {
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
		if (Files.isExecutable(home.resolve("node_modules/.bin/azurite-blob")) && Files.isExecutable(home.resolve("node_modules/.bin/azurite-queue"))) {
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
		for (Process process : processes.values()) {
			process.destroy();
		}
		for (Process process : processes.values()) {
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
}
