package dev.polyfn.core.storage;

import java.time.Instant;

/** One object of a listing: what every cloud's list call answers without a request per object. */
public record ObjectSummary(String key, long size, String etag, Instant lastModified) {
}
