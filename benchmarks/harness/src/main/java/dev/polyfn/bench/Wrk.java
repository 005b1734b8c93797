package dev.polyfn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounded loopback load with wrk (Debian package): fixed duration, fixed connections, POST of the probe body.
 * Throughput is requests/s over the run; latency p50/p99 from wrk's own distribution.
 */
final class Wrk {

	record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
	}

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
	private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
	private static final Pattern SOCKET_ERRORS = Pattern.compile(
			"Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private final String executable;
	private final Path script;
	private final int threads;
	private final int connections;

	private Wrk(String executable, Path script, int threads, int connections) {
		this.executable = executable;
		this.script = script;
		this.threads = threads;
		this.connections = connections;
	}

	/** wrk from PATH, or null when it is not installed (run.sh installs it). */
	static Wrk find(Path workDir, int threads, int connections) throws IOException {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(dir, "wrk");
			if (Files.isExecutable(candidate)) {
				Path script = workDir.resolve("post.lua");
				Files.createDirectories(workDir);
				Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = \"" + HttpProbe.BODY + "\"\n"
						+ "wrk.headers[\"Content-Type\"] = \"text/plain\"\n", StandardCharsets.UTF_8);
				return new Wrk(candidate.toString(), script, threads, connections);
			}
		}
		return null;
	}

	String describe() {
		return "wrk -t" + threads + " -c" + connections + " (POST " + HttpProbe.BODY.length() + " bytes, loopback)";
	}

	Result run(int port, String path, int seconds, Path output) throws IOException {
		List<String> command = List.of(executable, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
				"--latency", "-s", script.toString(), "http://127.0.0.1:" + port + path);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
				.start();
		try {
			if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("wrk did not finish");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		Matcher rps = REQUESTS_PER_SECOND.matcher(text);
		if (!rps.find()) {
			throw new IOException("no wrk result in " + output + ":\n" + text);
		}
		long errors = 0;
		Matcher non2xx = NON_2XX.matcher(text);
		if (non2xx.find()) {
			errors += Long.parseLong(non2xx.group(1));
		}
		Matcher socket = SOCKET_ERRORS.matcher(text);
		if (socket.find()) {
			for (int i = 1; i <= 4; i++) {
				errors += Long.parseLong(socket.group(i));
			}
		}
		Matcher total = TOTAL.matcher(text);
		return new Result(Double.parseDouble(rps.group(1)), percentile(text, "50%"), percentile(text, "99%"),
				total.find() ? Long.parseLong(total.group(1)) : 0, errors);
	}

	/** A latency line of wrk's "Latency Distribution" block, in ms. */
	private static double percentile(String text, String label) {
		Matcher matcher = Pattern.compile("\\n\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(text);
		if (!matcher.find()) {
			return Double.NaN;
		}
		double value = Double.parseDouble(matcher.group(1));
		return switch (matcher.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}
}
