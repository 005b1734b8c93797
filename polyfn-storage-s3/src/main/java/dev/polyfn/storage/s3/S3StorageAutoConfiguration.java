package dev.polyfn.storage.s3;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Found by both bootstraps through the auto-configuration list: the light one takes its imported registrar. */
@AutoConfiguration
@Import(S3StorageBeans.class)
public class S3StorageAutoConfiguration {
}
