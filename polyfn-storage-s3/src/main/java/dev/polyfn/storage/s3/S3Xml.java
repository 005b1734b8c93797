package dev.polyfn.storage.s3;

import java.util.List;

/**
 * The one XML document polyfn writes to S3: the body of CompleteMultipartUpload (Amazon S3 API Reference, read
 * 2026-12-07). S3's answers are read with polyfn-aws-client's {@link dev.polyfn.aws.client.XmlElement}.
 */
final class S3Xml {

	private S3Xml() {
	}

	/**
	 * The body of CompleteMultipartUpload: every part's number and etag, in order. The etags go as UploadPart answered
	 * them, unescaped: they are quoted hex digits, nothing XML reads differently (one that is not breaks the document,
	 * and S3 refuses it as MalformedXML).
	 */
	static String completeMultipartUpload(List<String> partEtags) {
		StringBuilder xml = new StringBuilder(64 + partEtags.size() * 80).append("<CompleteMultipartUpload>");
		for (int i = 0; i < partEtags.size(); i++) {
			xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(partEtags.get(i))
				.append("</ETag></Part>");
		}
		return xml.append("</CompleteMultipartUpload>").toString();
	}
}
