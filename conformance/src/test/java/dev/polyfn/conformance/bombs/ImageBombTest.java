package dev.polyfn.conformance.bombs;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.testing.ImageBombs;
import dev.polyfn.core.testing.PackagedBuild;

/**
 * Issue 15's bomb acceptance, on the two servers that run {@code thumbnail} for real: the web app and the
 * unpacked FC {@code bootstrap} of a 1024 MB function ({@code -Xmx768m -XX:+ExitOnOutOfMemoryError}). 16 uploads
 * of at most 1 KB declaring 40000² pixels and more arrive at once: each gets a 4xx in the JSON contract, the
 * process stays up, its RSS grows by less than 256 MB and a {@code reverse} sent meanwhile answers within 1 s.
 * A second volley sends 16 truncated images small enough to be decoded (6000², subsampled), which all end in 400.
 * Results go to {@code target/conformance/bombs.md} (committed as {@code RELIABILITY-bombs.md}).
 */
class ImageBombTest {

	private static final long MB = 1024 * 1024;

	private static final List<BombVolley.Result> RESULTS = new ArrayList<>();

	@TempDir
	static Path work;

	/** 8 PNG and 8 GIF bombs, declaring 40000² up to 100000² (GIF's limit is 65535 a side). */
	private static final IntFunction<byte[]> BOMBS = i -> switch (i % 4) {
		case 0 -> ImageBombs.png(40_000, 40_000);
		case 1 -> ImageBombs.gif(40_000, 40_000);
		case 2 -> ImageBombs.png(100_000, 100_000);
		default -> ImageBombs.gif(65_535, 65_535);
	};

	/** Within the pixel budget, so decoded (subsampled) until the data runs out. */
	private static final IntFunction<byte[]> TRUNCATED = i -> ImageBombs.png(6_000, 6_000);

	@Test
	void web_app_answers_every_bomb_with_a_4xx_and_stays_small_and_responsive() throws Exception {
		try (ServerProcess server = ServerProcess.webApp(work)) {
			volleys(server);
		}
	}

	@Test
	void fc_bootstrap_of_a_1024_mb_function_answers_every_bomb_and_stays_up() throws Exception {
		Path code = Files.createDirectories(work.resolve("fc-code"));
		unzipKeepingModes(aliyunZip(), code);
		try (ServerProcess server = ServerProcess.fcBootstrap(code, work, "thumbnail")) {
			volleys(server);
		}
	}

	private static void volleys(ServerProcess server) throws Exception {
		warmUp(server);
		check(server, BombVolley.fire(server, "16 bombs (8 PNG, 8 GIF) declaring 40000² to 100000²", 16, BOMBS));
		check(server, BombVolley.fire(server, "16 truncated PNGs declaring 6000² (decoded, subsampled)", 16, TRUNCATED));
		assertThat(server.log()).doesNotContain("OutOfMemoryError").doesNotContain(" ERROR ");
	}

	private static void check(ServerProcess server, BombVolley.Result result) {
		synchronized (RESULTS) {
			RESULTS.add(result);
		}
		assertThat(result.outsideContract()).as("answers outside the 4xx JSON contract").isEmpty();
		assertThat(result.statuses().keySet()).allMatch(status -> status >= 400 && status < 500);
		assertThat(result.largestBytes()).isLessThanOrEqualTo(1024);
		assertThat(result.aliveAfter()).isTrue();
		assertThat(result.rssGrowth()).as("RSS growth").isLessThan(256 * MB);
		assertThat(result.reverseBody()).isEqualTo("olleh");
		assertThat(result.reverseMillis()).as("reverse during the volley, ms").isLessThan(1000);
	}

	/** Classes loaded and the JIT's first tier done, so RSS growth measures the volley, not the first call. */
	private static void warmUp(ServerProcess server) throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(BombVolley.post(server, "/thumbnail", png(1200, 900), "image/png").status()).isEqualTo(200);
			assertThat(BombVolley.post(server, "/thumbnail", ImageBombs.gif(40_000, 40_000), "image/gif").status())
				.isEqualTo(413);
			assertThat(BombVolley.post(server, "/reverse", "abc".getBytes(StandardCharsets.UTF_8), "text/plain").body())
				.isEqualTo("cba");
		}
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	private static Path aliyunZip() throws IOException {
		try (Stream<Path> files = Files.list(PackagedBuild.of("aliyun"))) {
			return files.filter(p -> p.toString().endsWith("-aliyun.zip")).findFirst().orElseThrow();
		}
	}

	/** Unpacks as FC does, file modes included (the bootstrap must stay executable). */
	private static void unzipKeepingModes(Path zip, Path into) throws IOException {
		try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
				Stream<Path> entries = Files.walk(fs.getPath("/"))) {
			for (Path entry : entries.filter(Files::isRegularFile).toList()) {
				Path target = into.resolve(entry.toString().substring(1));
				Files.createDirectories(target.getParent());
				Files.copy(entry, target);
				Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
			}
		}
	}

	@AfterAll
	static void writeReport() throws IOException {
		StringBuilder md = new StringBuilder("## Image bombs (`ImageBombTest`)\n\n")
			.append("Each volley: N uploads sent at once to `thumbnail`, RSS sampled every 5 ms from `/proc/<pid>/status`,\n")
			.append("and one `reverse` sent while they are in flight. Acceptance: every answer a 4xx in the JSON contract,\n")
			.append("process up, RSS growth < 256 MB, `reverse` < 1 s.\n\n")
			.append("| server | volley | largest upload | answers | outside contract | RSS before | RSS growth (peak) | reverse | up after |\n")
			.append("|---|---|---|---|---|---|---|---|---|\n");
		for (BombVolley.Result r : RESULTS) {
			md.append("| ").append(r.server()).append(" | ").append(r.volley()).append(" | ").append(r.largestBytes())
				.append(" B | ").append(r.statuses().toString().replace("{", "").replace("}", "")).append(" | ")
				.append(r.outsideContract().size()).append(" | ").append(r.rssBefore() / MB).append(" MB | ")
				.append(r.rssGrowth() / MB).append(" MB | ").append(r.reverseMillis()).append(" ms | ")
				.append(r.aliveAfter() ? "yes" : "NO").append(" |\n");
		}
		Path report = Paths.get(System.getProperty("polyfn.conformance.report", "target/conformance/report.md"))
			.resolveSibling("bombs.md");
		Files.createDirectories(report.toAbsolutePath().getParent());
		Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
	}
}
