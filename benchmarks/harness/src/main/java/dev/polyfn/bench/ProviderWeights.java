package dev.polyfn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Issue 17's "measure the size of each provider": every cloud's examples package, built once with the storage and
 * messaging modules its profile brings and once with them left out ({@code bench-<cloud>} and
 * {@code bench-<cloud>-nostorage}, both by run.sh), and the provider modules the first one holds, read from the
 * artifact itself (a module's jar in a zip, or its {@code META-INF/maven/dev.polyfn/<module>} in a flat jar).
 */
final class ProviderWeights {

	static final List<String> CLOUDS = List.of("aws", "azure", "gcp", "aliyun", "tencent");

	/** One cloud's pair; sizes are null when that build is missing. */
	record Weight(String cloud, List<String> modules, Long with, Long without) {

		Optional<Long> added() {
			return with == null || without == null ? Optional.empty() : Optional.of(with - without);
		}
	}

	private ProviderWeights() {
	}

	static List<Weight> read(Path repo) {
		List<Weight> weights = new ArrayList<>();
		for (String cloud : CLOUDS) {
			Optional<Path> with = artifact(repo.resolve("examples/target/bench-" + cloud + "/polyfn/" + cloud));
			Optional<Path> without = artifact(repo.resolve("examples/target/bench-" + cloud + "-nostorage/polyfn/" + cloud));
			if (with.isEmpty() && without.isEmpty()) {
				continue;
			}
			weights.add(new Weight(cloud, with.map(ProviderWeights::modules).orElse(List.of()), with.map(ProviderWeights::size).orElse(null),
					without.map(ProviderWeights::size).orElse(null)));
		}
		return weights;
	}

	/** The upload artifact: the package's ZIP if it has one (Azure, FC, SCF), else its largest jar (AWS, GCP). */
	static Optional<Path> artifact(Path dir) {
		if (!Files.isDirectory(dir)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(dir)) {
			List<Path> all = files.filter(Files::isRegularFile).toList();
			Optional<Path> zip = all.stream().filter(f -> f.toString().endsWith(".zip")).max(Comparator.comparingLong(ProviderWeights::size));
			return zip.isPresent() ? zip : all.stream().filter(f -> f.toString().endsWith(".jar")).max(Comparator.comparingLong(ProviderWeights::size));
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	static List<String> modules(Path artifact) {
		TreeSet<String> modules = new TreeSet<>();
		try (InputStream in = Files.newInputStream(artifact)) {
			collect(new ZipInputStream(in), modules);
		}
		catch (IOException e) {
			return List.of();
		}
		return List.copyOf(modules);
	}

	private static void collect(ZipInputStream zip, TreeSet<String> modules) throws IOException {
		for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
			String name = entry.getName();
			String file = name.substring(name.lastIndexOf('/') + 1);
			if (file.endsWith(".jar") && isProvider(file)) {
				modules.add(file.substring(0, file.indexOf("-0.") > 0 ? file.indexOf("-0.") : file.length() - 4));
			}
			else if (file.endsWith(".jar") && name.endsWith(".jar")) {
				collect(new ZipInputStream(zip), modules); // not closed: that would close the outer stream
			}
			else if (name.startsWith("META-INF/maven/dev.polyfn/")) {
				String module = name.substring("META-INF/maven/dev.polyfn/".length()).split("/")[0];
				if (isProvider(module)) {
					modules.add(module);
				}
			}
		}
	}

	private static boolean isProvider(String name) {
		return name.startsWith("polyfn-storage-") || name.startsWith("polyfn-messaging-") || name.startsWith("polyfn-aws-client")
				|| name.startsWith("polyfn-google-auth") || name.startsWith("polyfn-azure-credentials");
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			return 0;
		}
	}
}
