package dev.polyfn.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RandomIdsTest {

	@Test
	void ids_are_version_4_uuids() {
		UUID id = UUID.fromString(RandomIds.next());
		assertThat(id.version()).isEqualTo(4);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void ids_do_not_repeat_and_stay_valid_after_a_reseed() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(RandomIds.next());
		}
		RandomIds.reseed();
		UUID after = UUID.fromString(RandomIds.next());
		assertThat(ids).hasSize(10_000);
		assertThat(after.version()).isEqualTo(4);
	}
}
