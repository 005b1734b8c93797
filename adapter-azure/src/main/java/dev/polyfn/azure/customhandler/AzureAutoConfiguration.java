package dev.polyfn.azure.customhandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

import dev.polyfn.core.boot.PolyfnAutoConfiguration;

/** The custom handler's routes ({@link AzureCustomHandlerBeans}) under the full Spring Boot bootstrap. */
@AutoConfiguration(after = PolyfnAutoConfiguration.class)
@Import(AzureCustomHandlerBeans.class)
public class AzureAutoConfiguration {
}
