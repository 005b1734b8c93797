package dev.polyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.polyfn.core.testing.Fixtures;

/** The generic entry's detection, against every AWS fixture: the folder says which shape it is. */
class DetectingShapeTest {

	private static final Map<String, String> SHAPE_OF_FOLDER = Map.of("eventbridge-scheduled", "eventbridge");

	static java.util.List<String> fixtures() {
		return Fixtures.all("aws");
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void detects_the_shape_of(String fixture) {
		String folder = fixture.split("/")[1];
		assertThat(DetectingShape.detect(TestRuntimes.fixture(fixture)).name())
				.isEqualTo(SHAPE_OF_FOLDER.getOrDefault(folder, folder));
	}
}
