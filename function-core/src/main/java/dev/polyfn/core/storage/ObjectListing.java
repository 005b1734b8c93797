package dev.polyfn.core.storage;

import java.util.List;

/** One page of a listing, and the token for the next page (null on the last one). */
public record ObjectListing(List<ObjectSummary> objects, String nextContinuationToken) {

	/** The largest page S3, OSS and COS answer (1000 keys); Azure and GCS allow more, polyfn asks for no more. */
	public static final int MAX_PAGE_SIZE = 1000;

	public ObjectListing {
		objects = List.copyOf(objects);
	}

	public boolean hasMore() {
		return nextContinuationToken != null;
	}

	/** The page size, or IllegalArgumentException past 1 to {@link #MAX_PAGE_SIZE}: what every implementation's list checks. */
	public static int checkedPageSize(int pageSize) {
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE_SIZE + " objects, not " + pageSize);
		}
		return pageSize;
	}
}
