package dev.polyfn.packaging.tencent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The newest glibc a JDK's or JRE's native files ask for, against the one SCF runs them on. SCF's functions run on
 * CentOS 7.6 (https://cloud.tencent.com/document/product/583/56126, checked 2026-12-01), whose glibc is 2.17; a
 * JRE whose {@code libjvm.so} needs {@code GLIBC_2.34} (Debian's and Ubuntu's OpenJDK packages) does not even
 * load there, while builds made for old Linux (Temurin, which targets glibc 2.17) do.
 * <p>
 * The ELF files name each glibc symbol version they need ({@code GLIBC_2.14}, ...) in their dynamic string table,
 * so the newest such name in the file is its requirement; reading the bytes needs no binutils on the build machine.
 */
record GlibcRequirement(int minor) implements Comparable<GlibcRequirement> {

	/** CentOS 7's glibc, under SCF's web functions and Custom Runtime. */
	static final GlibcRequirement SCF = new GlibcRequirement(17);

	private static final Pattern VERSION = Pattern.compile("GLIBC_2\\.(\\d+)");

	private static final byte[] ELF = { 0x7f, 'E', 'L', 'F' };

	/** The newest glibc any ELF file under {@code folder} needs; 2.0 when none names one. */
	static GlibcRequirement of(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).filter(GlibcRequirement::isElf).map(GlibcRequirement::ofFile)
					.max(GlibcRequirement::compareTo).orElse(new GlibcRequirement(0));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The quick look at a JDK before linking from it: its launcher and the JVM itself. */
	static GlibcRequirement ofJdk(Path home) {
		return Stream.of(home.resolve("bin/java"), home.resolve("lib/server/libjvm.so"), home.resolve("lib/libjava.so"))
				.filter(Files::isRegularFile).map(GlibcRequirement::ofFile).max(GlibcRequirement::compareTo)
				.orElse(new GlibcRequirement(0));
	}

	boolean runsOnScf() {
		return compareTo(SCF) <= 0;
	}

	@Override
	public int compareTo(GlibcRequirement other) {
		return Integer.compare(minor, other.minor);
	}

	@Override
	public String toString() {
		return "glibc 2." + minor;
	}

	private static GlibcRequirement ofFile(Path file) {
		try {
			// ISO-8859-1 maps every byte to one char, so the version names read as text among the binary.
			Matcher names = VERSION.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
			int newest = 0;
			while (names.find()) {
				newest = Math.max(newest, Integer.parseInt(names.group(1)));
			}
			return new GlibcRequirement(newest);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean isElf(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4);
			return Arrays.equals(head, ELF);
		}
		catch (IOException e) {
			return false;
		}
	}
}
