package dev.polyfn.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AwsEndpointsTest {

	@Test
	void takesTheServicesOwnVariableFirst() {
		Map<String, String> env = Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:5000", "AWS_ENDPOINT_URL", "http://127.0.0.1:6000");

		assertThat(AwsEndpoints.resolve("SQS", "sqs", "eu-west-1", env::get)).isEqualTo(URI.create("http://127.0.0.1:5000"));
	}

	@Test
	void takesTheGlobalVariableForAServiceWithoutItsOwn() {
		Map<String, String> env = Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:5000", "AWS_ENDPOINT_URL", "http://127.0.0.1:6000");

		assertThat(AwsEndpoints.resolve("SNS", "sns", "eu-west-1", env::get)).isEqualTo(URI.create("http://127.0.0.1:6000"));
	}

	@Test
	void ignoresConfiguredEndpointsWhenToldTo() {
		Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:6000", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");

		assertThat(AwsEndpoints.resolve("S3", "s3", "eu-west-1", env::get)).isEqualTo(URI.create("https://s3.eu-west-1.amazonaws.com"));
	}

	@Test
	void usesTheChinaPartitionsDomainInChinaRegions() {
		assertThat(AwsEndpoints.resolve("SNS", "sns", "cn-north-1", name -> null)).isEqualTo(URI.create("https://sns.cn-north-1.amazonaws.com.cn"));
	}
}
