package dev.polyfn.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bucket as a folder, for web mode and tests: the object {@code uploads/cat.png} of bucket {@code b} is the file
 * {@code <root>/b/uploads/cat.png}, so a developer can drop files in and look at what a function wrote. Content
 * type, etag (the content's MD5, quoted, as S3 gives for a single-part upload) and user metadata live beside the
 * tree in {@code <root>/.polyfn/meta/<bucket>/}; a file put there by hand has a type guessed from its name and
 * an etag made of its size and modification time. Writes go to {@code <root>/.polyfn/tmp} first and are moved
 * into place, so a reader sees the old object or the new one, never half of one.
 *
 * <p>Where a folder differs from a bucket: {@code a} and {@code a/b} cannot both be objects (a file and a folder
 * of one name), which fails the second write as {@link StorageException.Failed}; conditional writes are checked
 * under a lock of this process only.
 */
public final class LocalFileStorage implements ObjectStorage {

	private static final Logger log = LoggerFactory.getLogger(LocalFileStorage.class);

	/** {@code polyfn.storage.<alias>.provider=local}; its root is {@code polyfn.storage.local.root} (or the alias's {@code .root}). */
	public static final ObjectStorageProvider PROVIDER = new ObjectStorageProvider() {

		@Override
		public String name() {
			return "local";
		}

		@Override
		public boolean isDefaultFor(String cloud) {
			return "web".equals(cloud);
		}

		@Override
		public ObjectStorage open(StorageSettings settings) {
			String root = settings.get("root");
			return new LocalFileStorage(root == null ? DefaultRoot.PATH : Path.of(root), settings.bucket(), settings.alias());
		}
	};

	// A single path segment that is no hidden folder (so never ".polyfn").
	private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

	/** Conditional writes compare and move under this lock; one per process is plenty for a development store. */
	private static final Object CONDITIONAL_WRITES = new Object();

	private final String label;
	private final String bucket;
	private final Path bucketDir;
	private final Path metaDir;
	private final Path tmpDir;

	/** A storage for the bucket (a folder under {@code root}) whose messages name it by the bucket name. */
	public LocalFileStorage(Path root, String bucket) {
		this(root, bucket, bucket);
	}

	LocalFileStorage(Path root, String bucket, String label) {
		if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
			throw new IllegalArgumentException("A local bucket name is one folder name of letters, digits, '.', '_' and '-': "
					+ dev.polyfn.core.invoke.CallerText.excerpt(bucket, 100));
		}
		Path absolute = root.toAbsolutePath().normalize();
		this.label = label;
		this.bucket = bucket;
		this.bucketDir = absolute.resolve(bucket);
		this.metaDir = absolute.resolve(".polyfn").resolve("meta").resolve(bucket);
		this.tmpDir = absolute.resolve(".polyfn").resolve("tmp");
	}

	@Override
	public String bucket() {
		return bucket;
	}

	/** The folder that holds the objects. */
	public Path folder() {
		return bucketDir;
	}

	@Override
	public ObjectContent get(String key) {
		Path file = file(key);
		try {
			InputStream stream = Files.newInputStream(file);
			try {
				return new ObjectContent(label, key, metadata(key, file), stream);
			}
			catch (RuntimeException | IOException failed) {
				stream.close();
				throw failed;
			}
		}
		catch (IOException failed) {
			throw failure(key, "read", failed);
		}
	}

	@Override
	public ObjectMetadata head(String key) {
		Path file = file(key);
		try {
			return metadata(key, file);
		}
		catch (IOException failed) {
			throw failure(key, "read", failed);
		}
	}

	@Override
	public PutResult put(String key, InputStream content, long length, PutOptions options) {
		Path target = file(key);
		Path staged = null;
		try {
			Files.createDirectories(tmpDir);
			staged = Files.createTempFile(tmpDir, "put-", ".part");
			MessageDigest md5 = md5();
			long written;
			try (OutputStream out = Files.newOutputStream(staged);
					DigestInputStream in = new DigestInputStream(content, md5)) {
				written = length == UNKNOWN_LENGTH ? in.transferTo(out) : copyExactly(in, out, length);
			}
			String etag = "\"" + HexFormat.of().formatHex(md5.digest()) + "\"";
			publish(key, staged, target, options, etag);
			staged = null;
			return new PutResult(key, written, etag);
		}
		catch (IOException failed) {
			throw failure(key, "write", failed);
		}
		finally {
			deleteQuietly(staged);
		}
	}

	@Override
	public void delete(String key) {
		Path file = file(key);
		try {
			Files.deleteIfExists(file);
			Files.deleteIfExists(metaFile(key));
			removeEmptyFolders(file.getParent());
		}
		catch (DirectoryNotEmptyException folder) {
			// The key names a folder of other objects, not an object: there is nothing to delete.
		}
		catch (IOException failed) {
			throw failure(key, "delete", failed);
		}
	}

	@Override
	public ObjectListing list(String prefix, int pageSize, String continuationToken) {
		String checkedPrefix = ObjectKeys.requireSafePrefix(prefix);
		ObjectListing.checkedPageSize(pageSize);
		String after = continuationToken == null ? null : fromToken(continuationToken);
		// Walk only the deepest folder the prefix names: listing "uploads/" never reads "thumbnails/".
		int slash = checkedPrefix.lastIndexOf('/');
		Path start = slash < 0 ? bucketDir : bucketDir.resolve(checkedPrefix.substring(0, slash));
		if (!Files.isDirectory(start)) {
			return new ObjectListing(List.of(), null);
		}
		List<String> keys;
		try (Stream<Path> files = Files.walk(start)) {
			keys = files.filter(Files::isRegularFile)
				.map(this::keyOf)
				.filter(key -> key.startsWith(checkedPrefix) && (after == null || key.compareTo(after) > 0)
						&& ObjectKeys.problemWith(key) == null)
				.sorted()
				.limit(pageSize + 1L)
				.toList();
		}
		catch (IOException | java.io.UncheckedIOException failed) {
			throw failure(checkedPrefix, "list", failed instanceof IOException io ? io : ((java.io.UncheckedIOException) failed).getCause());
		}
		List<ObjectSummary> page = new ArrayList<>(Math.min(keys.size(), pageSize));
		for (String key : keys.subList(0, Math.min(keys.size(), pageSize))) {
			try {
				ObjectMetadata metadata = metadata(key, bucketDir.resolve(key));
				page.add(new ObjectSummary(key, metadata.size(), metadata.etag(), metadata.lastModified()));
			}
			catch (StorageException.NotFound | IOException gone) {
				// Deleted since the walk: a listing is a snapshot on no cloud either.
			}
		}
		String next = keys.size() > pageSize ? toToken(keys.get(pageSize - 1)) : null;
		return new ObjectListing(page, next);
	}

	@Override
	public PutResult copy(String sourceKey, String targetKey) {
		Path source = file(sourceKey);
		Path target = file(targetKey);
		Path staged = null;
		try {
			ObjectMetadata metadata = metadata(sourceKey, source);
			Files.createDirectories(tmpDir);
			staged = Files.createTempFile(tmpDir, "copy-", ".part");
			Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
			PutOptions options = PutOptions.contentType(metadata.contentType()).withMetadata(metadata.userMetadata());
			publish(targetKey, staged, target, options, metadata.etag());
			staged = null;
			return new PutResult(targetKey, metadata.size(), metadata.etag());
		}
		catch (IOException failed) {
			throw failure(sourceKey, "copy", failed);
		}
		finally {
			deleteQuietly(staged);
		}
	}

	/** Moves the staged content into place, honouring the write's condition, then records its metadata. */
	private void publish(String key, Path staged, Path target, PutOptions options, String etag) throws IOException {
		Files.createDirectories(target.getParent());
		if (options.condition() == PutOptions.Condition.NONE) {
			Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			writeMetadata(key, target, options, etag);
			return;
		}
		synchronized (CONDITIONAL_WRITES) {
			boolean exists = Files.isRegularFile(target);
			boolean holds = options.condition() == PutOptions.Condition.IF_NONE_MATCH ? !exists
					: exists && options.expectedEtag().equals(metadata(key, target).etag());
			if (!holds) {
				throw new StorageException.PreconditionFailed(label, key, null);
			}
			Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			writeMetadata(key, target, options, etag);
		}
	}

	private ObjectMetadata metadata(String key, Path file) throws IOException {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (NoSuchFileException missing) {
			throw new StorageException.NotFound(label, key, null);
		}
		if (!attributes.isRegularFile()) {
			throw new StorageException.NotFound(label, key, null);
		}
		long size = attributes.size();
		Instant modified = attributes.lastModifiedTime().toInstant();
		Properties recorded = readMetadata(key);
		// The record counts only for the file it was written for: one replaced by hand since gets guessed values.
		if (recorded != null && String.valueOf(size).equals(recorded.getProperty("size"))
				&& modified.toString().equals(recorded.getProperty("modified"))) {
			Map<String, String> user = new LinkedHashMap<>();
			for (String name : recorded.stringPropertyNames()) {
				if (name.startsWith("meta.")) {
					user.put(name.substring("meta.".length()), recorded.getProperty(name));
				}
			}
			return new ObjectMetadata(size, recorded.getProperty("content-type"), recorded.getProperty("etag"), modified, user);
		}
		String guessed = URLConnection.guessContentTypeFromName(file.getFileName().toString());
		String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
		return new ObjectMetadata(size, guessed == null ? PutOptions.DEFAULT_CONTENT_TYPE : guessed, etag, modified, Map.of());
	}

	private void writeMetadata(String key, Path target, PutOptions options, String etag) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
		Properties record = new Properties();
		record.setProperty("key", key);
		record.setProperty("content-type", options.contentType());
		record.setProperty("etag", etag);
		record.setProperty("size", String.valueOf(attributes.size()));
		record.setProperty("modified", attributes.lastModifiedTime().toInstant().toString());
		options.userMetadata().forEach((name, value) -> record.setProperty("meta." + name, value));
		Files.createDirectories(metaDir);
		Path staged = Files.createTempFile(tmpDir, "meta-", ".part");
		try (Writer out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
			record.store(out, null);
		}
		Files.move(staged, metaFile(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private Properties readMetadata(String key) throws IOException {
		Path file = metaFile(key);
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Properties record = new Properties();
			record.load(in);
			return key.equals(record.getProperty("key")) ? record : null;
		}
		catch (NoSuchFileException none) {
			return null;
		}
	}

	/** One flat file per key, named by the key's hash: keys like {@code a} and {@code a/b} would clash as folders. */
	private Path metaFile(String key) {
		return metaDir.resolve(HexFormat.of().formatHex(sha256(key)) + ".properties");
	}

	private Path file(String key) {
		ObjectKeys.requireSafe(key);
		Path file = bucketDir.resolve(key).normalize();
		if (!file.startsWith(bucketDir) || file.equals(bucketDir)) {
			// ObjectKeys already refuses what could leave the folder; this is the second lock on the same door.
			throw new StorageException.InvalidKey("it leaves the bucket");
		}
		return file;
	}

	private String keyOf(Path file) {
		return bucketDir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
	}

	private void removeEmptyFolders(Path folder) {
		for (Path dir = folder; dir != null && dir.startsWith(bucketDir) && !dir.equals(bucketDir); dir = dir.getParent()) {
			try {
				Files.delete(dir);
			}
			catch (IOException notEmpty) {
				return;
			}
		}
	}

	private StorageException failure(String key, String what, IOException failed) {
		if (failed instanceof NoSuchFileException && !what.equals("write") && !what.equals("copy")) {
			return new StorageException.NotFound(label, key, failed);
		}
		if (failed instanceof AccessDeniedException) {
			return new StorageException.AccessDenied(label, key, failed);
		}
		if (failed instanceof FileAlreadyExistsException) {
			return new StorageException.Failed(label, what + " " + StorageException.quoted(key)
					+ ": a local folder cannot hold an object and a folder of one name", failed);
		}
		log.debug("Local storage '{}' failed to {} {}", label, what, key, failed);
		return new StorageException.Failed(label, what + " " + StorageException.quoted(key), failed);
	}

	private static long copyExactly(InputStream in, OutputStream out, long length) throws IOException {
		byte[] buffer = new byte[8192];
		long remaining = length;
		while (remaining > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
			if (read < 0) {
				throw new IOException("The stream ended " + remaining + " bytes before the declared length " + length);
			}
			out.write(buffer, 0, read);
			remaining -= read;
		}
		if (in.read() != -1) {
			throw new IOException("The stream is longer than the declared length " + length);
		}
		return length;
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// A leftover under .polyfn/tmp is never listed.
			}
		}
	}

	private static String toToken(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	private static String fromToken(String token) {
		try {
			return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notOurs) {
			throw new IllegalArgumentException("Not a continuation token of this storage");
		}
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** One temporary folder per process, made on first use, for aliases that set no root. */
	private static final class DefaultRoot {

		static final Path PATH = create();

		private static Path create() {
			try {
				Path root = Files.createTempDirectory("polyfn-storage-");
				LoggerFactory.getLogger(LocalFileStorage.class)
					.info("Local storage in {} (set polyfn.storage.local.root to keep it elsewhere)", root);
				return root;
			}
			catch (IOException failed) {
				throw new java.io.UncheckedIOException("No temporary folder for local storage", failed);
			}
		}
	}
}
