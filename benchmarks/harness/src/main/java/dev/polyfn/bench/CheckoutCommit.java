package dev.polyfn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The abbreviated commit a checkout is at, for labels ("at 383841f"); "?" when git cannot tell. */
final class CheckoutCommit {

	private CheckoutCommit() {
	}

	static String of(Path checkout) {
		try {
			Process git = new ProcessBuilder("git", "-C", checkout.toString(), "rev-parse", "--short", "HEAD")
					.redirectErrorStream(true).start();
			String out = new String(git.getInputStream().readAllBytes()).strip();
			return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "?";
		}
		catch (IOException e) {
			return "?";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "?";
		}
	}
}
