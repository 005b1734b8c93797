package dev.polyfn.messaging.aws;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Found by both bootstraps through the auto-configuration list: the light one takes its imported registrar. */
@AutoConfiguration
@Import(AwsMessagingBeans.class)
public class AwsMessagingAutoConfiguration {
}
