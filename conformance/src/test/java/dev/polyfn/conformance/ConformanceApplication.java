package dev.polyfn.conformance;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.polyfn.examples.ExamplesApplication;

/** The examples plus the few functions only the conformance cases need. Every target runs this application. */
@Configuration(proxyBeanMethods = false)
@Import({ ExamplesApplication.class, ConformanceFunctions.class })
public class ConformanceApplication {
}
