package dev.polyfn.aws;

import dev.polyfn.aws.events.S3Shape;

/**
 * Lambda handler for S3 event notifications: {@code dev.polyfn.aws.S3Handler::handleRequest}. The
 * function may take {@code StorageObjectEvent} (key URL-decoded).
 */
public class S3Handler extends LambdaEntry {

	public S3Handler() {
		super(new S3Shape());
	}
}
