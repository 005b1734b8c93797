package dev.polyfn.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder operations of the packaging steps (staging folders, generated code). */
public final class FileTrees {

	private FileTrees() {
	}

	/** Deletes a folder and everything under it; nothing to do when it does not exist. */
	public static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not delete " + dir, e);
		}
	}

	/** Copies everything under {@code from} into {@code to}, replacing files of the same name. */
	public static void copy(Path from, Path to) {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path file : walk.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not copy " + from + " to " + to, e);
		}
	}
}
