package dev.polyfn.packaging.tencent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.polyfn.packaging.DeploySummary;

/**
 * The sizes SCF accepts, checked on the finished package: a ZIP the console takes as a "Local ZIP file", and code
 * within SCF's per-function limit once unpacked. The build fails past either, so what it prints always uploads.
 *
 * @param zipBytes the ZIP as uploaded
 * @param unpackedBytes the code folder it unpacks to (jar, JRE, class-data archive, scripts)
 */
record PackageSize(long zipBytes, long unpackedBytes) {

	/**
	 * The console's direct "Local ZIP file" upload, 50 MB as polyfn has always kept it; larger ZIPs go through
	 * COS. Tencent's API takes at most 20 MB inline (UpdateFunctionCode ZipFile, base64), which is why the
	 * Serverless Framework uploads through COS.
	 */
	static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

	/**
	 * "Maximum code size (including bound layers) per function (version) before compression: 500 MB",
	 * https://cloud.tencent.com/document/product/583/11637 (checked 2026-12-01).
	 */
	static final long UNPACKED_LIMIT = 500L * 1024 * 1024;

	static final String QUOTA_PAGE = "https://cloud.tencent.com/document/product/583/11637";

	/** {@code -Dpolyfn.tencent.upload=cos}: the ZIP goes through COS, so only the unpacked limit applies. */
	static final String UPLOAD_PROPERTY = "polyfn.tencent.upload";

	/** Whether this package is uploaded through a COS bucket rather than directly (see {@link #UPLOAD_PROPERTY}). */
	static boolean throughCos() {
		return "cos".equalsIgnoreCase(System.getProperty(UPLOAD_PROPERTY, "").trim());
	}

	static PackageSize check(Path zip, Path unpacked) {
		PackageSize size = new PackageSize(size(zip), folderSize(unpacked));
		if (size.zipBytes > DIRECT_UPLOAD_LIMIT && !throughCos()) {
			throw new IllegalStateException(zip.getFileName() + " is " + DeploySummary.humanSize(size.zipBytes)
					+ ", over the " + DeploySummary.humanSize(DIRECT_UPLOAD_LIMIT) + " the SCF console takes as a local"
					+ " ZIP. Trim dependencies, build without the class-data archive (-Dpolyfn.tencent.cds=false), or"
					+ " upload it through a COS bucket and build with -D" + UPLOAD_PROPERTY + "=cos");
		}
		if (size.unpackedBytes > UNPACKED_LIMIT) {
			throw new IllegalStateException("The Tencent package unpacks to " + DeploySummary.humanSize(size.unpackedBytes)
					+ ", over SCF's " + DeploySummary.humanSize(UNPACKED_LIMIT) + " per function (" + QUOTA_PAGE + ")");
		}
		return size;
	}

	static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static long folderSize(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(PackageSize::size).sum();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
