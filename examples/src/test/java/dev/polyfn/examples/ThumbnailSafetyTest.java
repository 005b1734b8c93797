package dev.polyfn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.invoke.PolyfnHeaders;
import dev.polyfn.core.testing.ImageBombs;

/** {@code thumbnail} on hostile uploads: refused by declared size, decoded small, in memory, within a budget. */
class ThumbnailSafetyTest {

	private final ThumbnailFunction thumbnail = new ThumbnailFunction();

	@Test
	void a_png_declaring_40000_squared_is_413_before_any_decoding() {
		byte[] bomb = ImageBombs.png(40_000, 40_000);

		assertThat(bomb.length).isLessThan(1024);
		assertStatus(() -> thumbnail.apply(bomb), 413);
	}

	@Test
	void a_gif_declaring_40000_squared_is_413() {
		byte[] bomb = ImageBombs.gif(40_000, 40_000);

		assertThat(bomb.length).isLessThan(1024);
		assertStatus(() -> thumbnail.apply(bomb), 413);
	}

	@Test
	void a_bmp_declaring_100_megapixels_is_413() {
		assertStatus(() -> thumbnail.apply(ImageBombs.bmp(10_000, 10_000)), 413);
	}

	@Test
	void a_bmp_declaring_more_than_the_jdk_reader_accepts_is_400() {
		assertStatus(() -> thumbnail.apply(ImageBombs.bmp(40_000, 40_000)), 400);
	}

	@Test
	void one_side_past_the_limit_is_413_even_with_few_pixels() {
		assertStatus(() -> thumbnail.apply(ImageBombs.png(30_000, 1)), 413);
	}

	@Test
	void the_refusal_names_the_declared_size_and_the_settings() {
		assertThatThrownBy(() -> thumbnail.apply(ImageBombs.png(40_000, 40_000)))
			.hasMessageContaining("40000x40000")
			.hasMessageContaining("polyfn.examples.thumbnail.max-pixels");
	}

	@Test
	void a_truncated_image_within_the_budget_is_400_not_a_readable_image() {
		assertStatus(() -> thumbnail.apply(ImageBombs.png(6_000, 6_000)), 400);
	}

	@Test
	void a_truncated_real_png_is_400() {
		byte[] png = Images.image(1200, 900, "png");

		assertStatus(() -> thumbnail.apply(Arrays.copyOf(png, png.length / 2)), 400);
	}

	@Test
	void an_image_with_a_header_only_is_400() {
		byte[] png = Images.image(10, 10, "png");

		assertStatus(() -> thumbnail.apply(Arrays.copyOf(png, 33)), 400);
	}

	@Test
	void a_large_legal_image_is_decoded_subsampled_and_still_fits_800() {
		Message<byte[]> result = thumbnail.apply(Images.image(4000, 3000, "png"));

		assertThat(Images.read(result.getPayload()).getWidth()).isEqualTo(800);
		assertThat(Images.read(result.getPayload()).getHeight()).isEqualTo(600);
	}

	@Test
	void a_lower_configured_budget_refuses_what_the_default_accepts() {
		ThumbnailFunction small = new ThumbnailFunction(new ThumbnailLimits(1_000_000, 2_000, Duration.ofSeconds(1)));

		assertStatus(() -> small.apply(Images.image(1200, 1000, "png")), 413);
	}

	@Test
	void when_the_decode_budget_stays_full_the_answer_is_503_with_retry_after() {
		DecodeBudget none = new DecodeBudget(1024);
		ThumbnailFunction starved = new ThumbnailFunction(new ThumbnailLimits(40_000_000, 20_000, Duration.ZERO), none);
		try (DecodeBudget.Share held = none.acquire(1024, Duration.ZERO)) {
			Message<byte[]> answer = starved.apply(Images.image(100, 100, "png"));

			assertThat(answer.getHeaders().get(PolyfnHeaders.HTTP_STATUS)).isEqualTo(503);
			assertThat(answer.getHeaders().get("Retry-After")).isEqualTo("1");
			assertThat(new String(answer.getPayload(), StandardCharsets.UTF_8)).startsWith("{\"error\":\"unavailable\"");
		}
		catch (InterruptedException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void the_budget_is_whole_again_after_every_outcome() {
		DecodeBudget budget = new DecodeBudget(64L * 1024 * 1024);
		int whole = budget.available();
		ThumbnailFunction counted = new ThumbnailFunction(ThumbnailLimits.defaults(), budget);

		counted.apply(Images.image(300, 200, "png"));
		assertStatus(() -> counted.apply(ImageBombs.png(6_000, 6_000)), 400);

		assertThat(budget.available()).isEqualTo(whole);
	}

	@Test
	void decoding_writes_no_temporary_files() throws Exception {
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		long before = imageioFiles(tmp);

		thumbnail.apply(Images.image(1600, 1000, "jpeg"));
		assertStatus(() -> thumbnail.apply(ImageBombs.png(6_000, 6_000)), 400);

		assertThat(imageioFiles(tmp)).isEqualTo(before);
	}

	private static long imageioFiles(Path dir) throws Exception {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> p.getFileName().toString().startsWith("imageio")).count();
		}
	}

	private static void assertStatus(Runnable call, int status) {
		assertThatThrownBy(call::run)
			.isInstanceOfSatisfying(FunctionStatusException.class, e -> assertThat(e.status()).isEqualTo(status));
	}
}
