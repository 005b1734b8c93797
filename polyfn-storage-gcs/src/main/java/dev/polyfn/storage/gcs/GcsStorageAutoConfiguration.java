package dev.polyfn.storage.gcs;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Found by both bootstraps through the auto-configuration list: the light one takes its imported registrar. */
@AutoConfiguration
@Import(GcsStorageBeans.class)
public class GcsStorageAutoConfiguration {
}
