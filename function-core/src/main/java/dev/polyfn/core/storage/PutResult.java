package dev.polyfn.core.storage;

/** What a write left in the bucket: the key, its size in bytes and the new object's etag. */
public record PutResult(String key, long size, String etag) {
}
