package dev.polyfn.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectListing;
import dev.polyfn.core.storage.ObjectMetadata;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectSummary;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.PutResult;
import dev.polyfn.core.storage.StorageException;

/**
 * What every {@link ObjectStorage} does, whatever is behind it: an implementation's test extends this class and
 * answers {@link #storage()} with a storage bound to a bucket of a real server (or folder) that exists. Each test
 * works under a prefix of its own, so the bucket may be shared and need not be empty.
 */
public abstract class ObjectStorageContract {

	private static final PutOptions TEXT = PutOptions.contentType("text/plain");

	private String prefix;

	/** The storage under test, bound to an existing bucket. */
	protected abstract ObjectStorage storage();

	@BeforeEach
	void choosePrefix() {
		prefix = "contract-" + UUID.randomUUID() + "/";
	}

	private String key(String name) {
		return prefix + name;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private String read(String key) {
		try (ObjectContent content = storage().get(key)) {
			return new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException failed) {
			throw new AssertionError(failed);
		}
	}

	@Test
	void an_object_put_as_bytes_reads_back_as_written() {
		storage().put(key("hello.txt"), utf8("hello, bucket"), TEXT);

		assertThat(read(key("hello.txt"))).isEqualTo("hello, bucket");
	}

	@Test
	void get_gives_the_content_type_and_user_metadata_of_the_put() {
		storage().put(key("cat.png"), new byte[] { 1, 2, 3 },
				PutOptions.contentType("image/png").metadata("source", "uploads/cat.png").metadata("width2", "800"));

		try (ObjectContent content = storage().get(key("cat.png"))) {
			assertThat(content.metadata()).extracting(ObjectMetadata::size, ObjectMetadata::contentType, ObjectMetadata::userMetadata)
				.containsExactly(3L, "image/png", Map.of("source", "uploads/cat.png", "width2", "800"));
		}
	}

	@Test
	void head_gives_the_size_type_and_the_etag_the_put_answered() {
		PutResult put = storage().put(key("a.txt"), utf8("12345"), TEXT);

		ObjectMetadata head = storage().head(key("a.txt"));

		assertThat(head).extracting(ObjectMetadata::size, ObjectMetadata::contentType, ObjectMetadata::etag)
			.containsExactly(5L, "text/plain", put.etag());
	}

	@Test
	void head_gives_when_the_object_was_last_modified() {
		storage().put(key("a.txt"), utf8("x"), TEXT);

		assertThat(storage().head(key("a.txt")).lastModified()).isNotNull();
	}

	@Test
	void the_etag_changes_with_the_content() {
		String first = storage().put(key("a.txt"), utf8("one"), TEXT).etag();

		String second = storage().put(key("a.txt"), utf8("two"), TEXT).etag();

		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void a_put_replaces_the_object_under_its_key() {
		storage().put(key("a.txt"), utf8("one"), TEXT);

		storage().put(key("a.txt"), utf8("two"), TEXT);

		assertThat(read(key("a.txt"))).isEqualTo("two");
	}

	@Test
	void a_put_without_a_content_type_stores_octet_stream() {
		storage().put(key("blob"), new byte[] { 0 }, PutOptions.defaults());

		assertThat(storage().head(key("blob")).contentType()).isEqualTo("application/octet-stream");
	}

	@Test
	void an_empty_object_reads_back_empty() {
		storage().put(key("empty"), new byte[0], TEXT);

		assertThat(storage().head(key("empty")).size()).isZero();
	}

	@Test
	void a_stream_of_known_length_is_stored_whole() {
		byte[] content = new byte[200_000];
		new java.util.Random(7).nextBytes(content);

		storage().put(key("known.bin"), new ByteArrayInputStream(content), content.length, PutOptions.defaults());

		try (ObjectContent read = storage().get(key("known.bin"))) {
			assertThat(read.readAllBytes(content.length)).isEqualTo(content);
		}
	}

	@Test
	void a_stream_of_unknown_length_is_stored_whole() {
		byte[] content = new byte[300_000];
		new java.util.Random(11).nextBytes(content);

		PutResult put = storage().put(key("unknown.bin"), new ByteArrayInputStream(content), ObjectStorage.UNKNOWN_LENGTH,
				PutOptions.defaults());

		assertThat(put.size()).isEqualTo(content.length);
		try (ObjectContent read = storage().get(key("unknown.bin"))) {
			assertThat(read.readAllBytes(content.length)).isEqualTo(content);
		}
	}

	@Test
	void a_stream_shorter_than_its_declared_length_fails_and_stores_nothing() {
		InputStream shorter = new ByteArrayInputStream(new byte[10]);

		assertThatThrownBy(() -> storage().put(key("short.bin"), shorter, 20, PutOptions.defaults()))
			.isInstanceOf(StorageException.class);
		assertThat(storage().exists(key("short.bin"))).isFalse();
	}

	@Test
	void keys_with_spaces_plus_percent_and_non_ascii_letters_name_the_same_object() {
		String key = key("dir/a b+c%20d é😀.txt");
		storage().put(key, utf8("odd key"), TEXT);

		assertThat(storage().listAll(prefix).map(ObjectSummary::key)).containsExactly(key);
		assertThat(read(key)).isEqualTo("odd key");
	}

	@Test
	void get_of_a_missing_object_is_not_found_with_status_404() {
		assertThatThrownBy(() -> storage().get(key("missing")))
			.isInstanceOfSatisfying(StorageException.NotFound.class, notFound -> assertThat(notFound.status()).isEqualTo(404));
	}

	@Test
	void head_of_a_missing_object_is_not_found() {
		assertThatThrownBy(() -> storage().head(key("missing"))).isInstanceOf(StorageException.NotFound.class);
	}

	@Test
	void exists_tells_a_stored_object_from_a_missing_one() {
		storage().put(key("here"), utf8("x"), TEXT);

		assertThat(List.of(storage().exists(key("here")), storage().exists(key("missing")))).containsExactly(true, false);
	}

	@Test
	void a_deleted_object_is_gone() {
		storage().put(key("a.txt"), utf8("x"), TEXT);

		storage().delete(key("a.txt"));

		assertThat(storage().exists(key("a.txt"))).isFalse();
	}

	@Test
	void deleting_a_missing_object_is_no_failure() {
		storage().delete(key("never-there"));

		assertThat(storage().exists(key("never-there"))).isFalse();
	}

	@Test
	void a_listing_holds_the_objects_under_the_prefix_in_key_order() {
		storage().put(key("b.txt"), utf8("bb"), TEXT);
		storage().put(key("a.txt"), utf8("a"), TEXT);
		storage().put(key("sub/c.txt"), utf8("ccc"), TEXT);
		storage().put(prefix.substring(0, prefix.length() - 1) + "-sibling.txt", utf8("not under the prefix"), TEXT);

		ObjectListing listing = storage().list(prefix, 10, null);

		assertThat(listing.objects()).extracting(ObjectSummary::key, ObjectSummary::size)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(key("a.txt"), 1L), org.assertj.core.groups.Tuple.tuple(key("b.txt"), 2L),
					org.assertj.core.groups.Tuple.tuple(key("sub/c.txt"), 3L));
	}

	@Test
	void a_listing_by_a_partial_name_holds_the_keys_that_start_with_it() {
		storage().put(key("cat.png"), utf8("1"), TEXT);
		storage().put(key("cow.png"), utf8("2"), TEXT);
		storage().put(key("dog.png"), utf8("3"), TEXT);

		assertThat(storage().list(key("c"), 10, null).objects()).extracting(ObjectSummary::key)
			.containsExactly(key("cat.png"), key("cow.png"));
	}

	@Test
	void a_listing_of_an_empty_prefix_is_one_empty_page() {
		ObjectListing listing = storage().list(key("nothing/"), 10, null);

		assertThat(listing.objects().isEmpty() && !listing.hasMore()).isTrue();
	}

	@Test
	void a_listing_comes_in_pages_that_together_hold_every_key_once() {
		for (int i = 0; i < 5; i++) {
			storage().put(key("k" + i), utf8("x"), TEXT);
		}
		List<String> keys = new ArrayList<>();
		List<Integer> pageSizes = new ArrayList<>();
		String token = null;
		do {
			ObjectListing page = storage().list(prefix, 2, token);
			page.objects().forEach(o -> keys.add(o.key()));
			pageSizes.add(page.objects().size());
			token = page.nextContinuationToken();
		}
		while (token != null);

		assertThat(List.of(pageSizes, keys)).containsExactly(List.of(2, 2, 1),
				List.of(key("k0"), key("k1"), key("k2"), key("k3"), key("k4")));
	}

	@Test
	void list_all_reads_every_page() {
		for (int i = 0; i < 3; i++) {
			storage().put(key("k" + i), utf8("x"), TEXT);
		}

		assertThat(storage().listAll(prefix).map(ObjectSummary::key)).containsExactly(key("k0"), key("k1"), key("k2"));
	}

	@Test
	void a_copy_has_the_content_type_and_metadata_of_its_source() {
		storage().put(key("src.png"), utf8("png bytes"), PutOptions.contentType("image/png").metadata("owner", "ada"));

		storage().copy(key("src.png"), key("copies/dst.png"));

		try (ObjectContent copy = storage().get(key("copies/dst.png"))) {
			assertThat(List.of(new String(copy.readAllBytes(100), StandardCharsets.UTF_8), copy.metadata().contentType(),
					copy.metadata().userMetadata())).containsExactly("png bytes", "image/png", Map.of("owner", "ada"));
		}
	}

	@Test
	void a_copy_of_a_missing_object_is_not_found() {
		assertThatThrownBy(() -> storage().copy(key("missing"), key("dst"))).isInstanceOf(StorageException.NotFound.class);
	}

	@Test
	void a_create_only_put_writes_a_new_key() {
		storage().put(key("once"), utf8("first"), TEXT.ifNoneMatch());

		assertThat(read(key("once"))).isEqualTo("first");
	}

	@Test
	void a_create_only_put_over_an_existing_object_fails_as_a_conflict_and_keeps_it() {
		storage().put(key("once"), utf8("first"), TEXT);

		assertThatThrownBy(() -> storage().put(key("once"), utf8("second"), TEXT.ifNoneMatch()))
			.isInstanceOfSatisfying(StorageException.PreconditionFailed.class, failed -> assertThat(failed.status()).isEqualTo(409));
		assertThat(read(key("once"))).isEqualTo("first");
	}

	@Test
	void a_put_if_the_etag_matches_replaces_the_object_read() {
		String etag = storage().put(key("doc"), utf8("v1"), TEXT).etag();

		storage().put(key("doc"), utf8("v2"), TEXT.ifMatch(etag));

		assertThat(read(key("doc"))).isEqualTo("v2");
	}

	@Test
	void a_put_with_a_stale_etag_fails_and_keeps_the_newer_object() {
		String stale = storage().put(key("doc"), utf8("v1"), TEXT).etag();
		storage().put(key("doc"), utf8("v2 by someone else"), TEXT);

		assertThatThrownBy(() -> storage().put(key("doc"), utf8("v3"), TEXT.ifMatch(stale)))
			.isInstanceOf(StorageException.PreconditionFailed.class);
		assertThat(read(key("doc"))).isEqualTo("v2 by someone else");
	}

	@Test
	void a_key_that_climbs_out_of_its_folder_is_refused_with_400() {
		assertThatThrownBy(() -> storage().put(prefix + "../../etc/passwd", utf8("x"), TEXT))
			.isInstanceOfSatisfying(StorageException.InvalidKey.class, refused -> assertThat(refused.status()).isEqualTo(400));
	}

	@Test
	void a_key_with_a_leading_slash_is_refused() {
		assertThatThrownBy(() -> storage().get("/" + prefix + "a")).isInstanceOf(StorageException.InvalidKey.class);
	}

	@Test
	void reading_an_object_larger_than_the_limit_is_refused_with_413_before_reading() {
		storage().put(key("big"), new byte[1000], PutOptions.defaults());

		try (ObjectContent content = storage().get(key("big"))) {
			assertThatThrownBy(() -> content.readAllBytes(999))
				.isInstanceOfSatisfying(StorageException.TooLarge.class, tooLarge -> assertThat(tooLarge.status()).isEqualTo(413));
		}
	}
}
