package dev.polyfn.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

/**
 * Where a bucket's requests go, by the AWS SDKs' S3 endpoint rules ("Virtual hosting of general purpose buckets",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html, read 2026-12-07).
 */
class BucketAddressTest {

	private static final URI AWS = URI.create("https://s3.eu-west-1.amazonaws.com");

	private static String object(URI endpoint, String bucket, boolean pathStyle, String key) {
		return BucketAddress.of(endpoint, bucket, pathStyle).object(key, null).toString();
	}

	@Test
	void on_aws_a_bucket_is_the_first_label_of_the_regions_host() {
		assertThat(object(AWS, "my-bucket", false, "photos/cat.png")).isEqualTo("https://my-bucket.s3.eu-west-1.amazonaws.com/photos/cat.png");
	}

	@Test
	void each_key_segment_is_percent_encoded_and_its_slashes_kept() {
		assertThat(object(AWS, "my-bucket", false, "dir/a b+c%é😀.txt"))
			.isEqualTo("https://my-bucket.s3.eu-west-1.amazonaws.com/dir/a%20b%2Bc%25%C3%A9%F0%9F%98%80.txt");
	}

	@Test
	void a_bucket_with_dots_over_https_is_a_path_since_the_wildcard_certificate_covers_one_label() {
		assertThat(object(AWS, "logs.example.com", false, "a.txt")).isEqualTo("https://s3.eu-west-1.amazonaws.com/logs.example.com/a.txt");
	}

	@Test
	void a_bucket_with_dots_over_plain_http_stays_a_host_name() {
		assertThat(object(URI.create("http://s3.local.test:9000"), "logs.example.com", false, "a.txt"))
			.isEqualTo("http://logs.example.com.s3.local.test:9000/a.txt");
	}

	@Test
	void a_bucket_name_that_is_no_dns_label_is_a_path() {
		assertThat(object(AWS, "Legacy_Bucket", false, "a.txt")).isEqualTo("https://s3.eu-west-1.amazonaws.com/Legacy_Bucket/a.txt");
	}

	@Test
	void an_ip_address_endpoint_is_served_path_style_without_a_setting() {
		assertThat(object(URI.create("http://127.0.0.1:9000"), "uploads", false, "a.txt")).isEqualTo("http://127.0.0.1:9000/uploads/a.txt");
	}

	@Test
	void the_path_style_setting_puts_the_bucket_in_the_path() {
		assertThat(object(URI.create("http://localhost:9000"), "uploads", true, "a.txt")).isEqualTo("http://localhost:9000/uploads/a.txt");
	}

	@Test
	void an_endpoint_with_a_path_keeps_it_before_the_bucket() {
		assertThat(object(URI.create("http://127.0.0.1:9000/s3/"), "uploads", true, "a.txt")).isEqualTo("http://127.0.0.1:9000/s3/uploads/a.txt");
	}

	@Test
	void a_listing_goes_to_the_buckets_root_with_its_query() {
		assertThat(BucketAddress.of(AWS, "my-bucket", false).bucket("list-type=2").toString())
			.isEqualTo("https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2");
	}
}
