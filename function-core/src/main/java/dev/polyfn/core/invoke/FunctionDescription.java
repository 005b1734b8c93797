package dev.polyfn.core.invoke;

/** One deployed function as the listing endpoint shows it. */
public record FunctionDescription(String name, String kind, String inputType, String outputType) {
}
