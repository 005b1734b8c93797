package dev.polyfn.aws.client;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The region as the AWS SDKs find it ("AWS Region", https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html,
 * read 2026-12-07): {@code AWS_REGION} (Lambda sets it), else {@code AWS_DEFAULT_REGION}, else the active profile's
 * {@code region} in the shared config file.
 */
public final class AwsRegions {

	private AwsRegions() {
	}

	public static Optional<String> fromEnvironment(UnaryOperator<String> environment) {
		for (String variable : new String[] { "AWS_REGION", "AWS_DEFAULT_REGION" }) {
			String region = environment.apply(variable);
			if (region != null && !region.isBlank()) {
				return Optional.of(region.trim());
			}
		}
		return Optional.ofNullable(ProfileFiles.load(environment).get("region"));
	}
}
