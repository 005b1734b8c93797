package dev.polyfn.packaging.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;

import dev.polyfn.local.Dockerfile;
import dev.polyfn.packaging.CloudRuntimes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image Jib Core builds from the package's {@code image/app/}, written as a tarball (no registry, no daemon, no
 * base image download: on an empty base) and read back: its configuration is the Dockerfile's final stage less the
 * AOT cache, and its two layers hold the dependencies and the application jar at the Dockerfile's paths.
 */
class JibImageTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void the_tarball_has_the_dockerfiles_entrypoint_user_port_and_working_directory_and_a_layer_for_the_dependencies()
			throws Exception {
		Path app = Files.createDirectories(work.resolve("image/app/lib"));
		Files.writeString(app.resolve("function-core-1.0.jar"), "dependency");
		Files.writeString(app.resolve("spring-core-7.0.jar"), "dependency");
		Files.writeString(app.getParent().resolve("shop.jar"), "application");
		ContainerImage image = new ContainerImage(CloudRuntimes.target("container", null), "shop.jar");
		Path tar = work.resolve("shop.tar");

		JibImage.layered(Jib.fromScratch(), image, app.getParent())
			.containerize(Containerizer.to(TarImage.at(tar).named("shop:test")));

		Map<String, byte[]> files = entries(Files.newInputStream(tar));
		JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
		JsonNode config = JSON.readTree(files.get(manifest.get("Config").asString())).get("config");
		Dockerfile.Stage dockerfile = Dockerfile.parse(image.dockerfile()).image();
		List<String> withoutCache = new ArrayList<>(dockerfile.entrypoint());
		withoutCache.removeIf(word -> word.startsWith("-XX:AOTCache="));
		assertThat(words(config.get("Entrypoint"))).isEqualTo(withoutCache).isEqualTo(image.entrypointWithoutCache());
		assertThat(config.get("User").asString()).isEqualTo(ContainerImage.USER);
		assertThat(config.get("WorkingDir").asString()).isEqualTo(dockerfile.workdir());
		assertThat(words(config.get("Env"))).contains("PORT=" + dockerfile.env().get("PORT"));
		assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
		JsonNode layers = manifest.get("Layers");
		assertThat(layers).hasSize(2);
		assertThat(entries(new GZIPInputStream(new java.io.ByteArrayInputStream(files.get(layers.get(0).asString())))))
			.containsOnlyKeys("app/lib/function-core-1.0.jar", "app/lib/spring-core-7.0.jar");
		assertThat(entries(new GZIPInputStream(new java.io.ByteArrayInputStream(files.get(layers.get(1).asString())))))
			.containsOnlyKeys("app/shop.jar");
	}

	private static List<String> words(JsonNode array) {
		List<String> words = new ArrayList<>();
		array.forEach(word -> words.add(word.asString()));
		return words;
	}

	/**
	 * A tar's regular files by name (without a leading {@code /} or {@code ./}): the ustar layout, 512-byte headers
	 * with the name at 0, the size in octal at 124, the type at 156 and the name's prefix at 345 (POSIX.1-1988).
	 */
	private static Map<String, byte[]> entries(InputStream stream) throws Exception {
		Map<String, byte[]> files = new HashMap<>();
		try (InputStream in = stream) {
			byte[] header = new byte[512];
			while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
				String name = field(header, 345, 155) + (field(header, 345, 155).isEmpty() ? "" : "/") + field(header, 0, 100);
				long size = Long.parseLong(field(header, 124, 12).trim(), 8);
				byte[] content = in.readNBytes((int) size);
				in.skipNBytes((512 - size % 512) % 512);
				if (header[156] == '0' || header[156] == 0) {
					files.put(name.replaceFirst("^\\.?/", ""), content);
				}
			}
		}
		return files;
	}

	private static String field(byte[] header, int offset, int length) {
		int end = offset;
		while (end < offset + length && header[end] != 0) {
			end++;
		}
		return new String(header, offset, end - offset, java.nio.charset.StandardCharsets.US_ASCII);
	}
}
