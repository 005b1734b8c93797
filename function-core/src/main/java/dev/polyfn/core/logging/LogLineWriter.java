package dev.polyfn.core.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

import dev.polyfn.core.invoke.JsonStrings;

/**
 * Writes one log event as one line on standard output, where every serverless platform collects logs: text
 * (timestamp, level, thread, request id when there is one, logger, message) or, with
 * {@code AWS_LAMBDA_LOG_FORMAT=JSON} or {@code POLYFN_LOG_FORMAT=json}, one JSON object per event. On Lambda a
 * stack trace stays inside its event (CloudWatch makes every stdout line an event of its own): its line breaks
 * are escaped in JSON and written as carriage returns in text.
 */
final class LogLineWriter {

	private final PrintStream out;
	private final boolean json;
	private final MDCAdapter mdc;
	private final boolean oneLinePerEvent;

	LogLineWriter(PrintStream out, boolean json, MDCAdapter mdc, boolean oneLinePerEvent) {
		this.out = out;
		this.json = json;
		this.mdc = mdc;
		this.oneLinePerEvent = oneLinePerEvent;
	}

	static LogLineWriter forProcess(PrintStream out, MDCAdapter mdc, Map<String, String> env) {
		return new LogLineWriter(out, jsonRequested(env), mdc, env.containsKey("AWS_LAMBDA_FUNCTION_NAME"));
	}

	static boolean jsonRequested(Map<String, String> env) {
		return "JSON".equalsIgnoreCase(env.getOrDefault("AWS_LAMBDA_LOG_FORMAT", ""))
				|| "json".equalsIgnoreCase(env.getOrDefault("POLYFN_LOG_FORMAT", ""));
	}

	void write(Level level, String logger, String message, Throwable throwable) {
		String requestId = mdc.get("requestId");
		String line = json ? jsonLine(level, logger, message, throwable, requestId)
				: textLine(level, logger, message, throwable, requestId);
		// One println per event: concurrent events never interleave within a line.
		out.println(line);
	}

	private String textLine(Level level, String logger, String message, Throwable throwable, String requestId) {
		StringBuilder line = new StringBuilder(96 + message.length());
		line.append(Instant.now()).append(' ').append(pad(level.name())).append(" [")
			.append(Thread.currentThread().getName()).append("] ");
		if (requestId != null) {
			line.append('[').append(requestId).append("] ");
		}
		line.append(logger).append(" : ");
		appendPrintable(line, message);
		if (throwable != null) {
			String trace = stackTrace(throwable);
			line.append(oneLinePerEvent ? '\r' : '\n').append(oneLinePerEvent ? trace.replace('\n', '\r') : trace);
		}
		return line.toString();
	}

	private static String jsonLine(Level level, String logger, String message, Throwable throwable, String requestId) {
		StringBuilder line = new StringBuilder(128 + message.length());
		line.append("{\"timestamp\":\"").append(Instant.now()).append("\",\"level\":\"").append(level.name())
			.append("\",\"logger\":");
		quote(line, logger);
		line.append(",\"thread\":");
		quote(line, Thread.currentThread().getName());
		if (requestId != null) {
			line.append(",\"requestId\":");
			quote(line, requestId);
		}
		line.append(",\"message\":");
		quote(line, message);
		if (throwable != null) {
			line.append(",\"errorType\":");
			quote(line, throwable.getClass().getName());
			line.append(",\"stackTrace\":");
			quote(line, stackTrace(throwable));
		}
		return line.append('}').toString();
	}

	/**
	 * A message as one line of plain text: a line break or an ANSI escape in it (a caller's text, quoted in a
	 * message) is written as {@code \\uXXXX}, so no caller can forge a log line or recolour a terminal.
	 */
	private static void appendPrintable(StringBuilder line, String message) {
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029) {
				line.append(String.format("\\u%04x", (int) c));
			}
			else {
				line.append(c);
			}
		}
	}

	private static String pad(String level) {
		return level.length() == 5 ? level : level + " ";
	}

	private static String stackTrace(Throwable throwable) {
		StringWriter trace = new StringWriter();
		throwable.printStackTrace(new PrintWriter(trace));
		String text = trace.toString();
		return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
	}

	private static void quote(StringBuilder out, String value) {
		JsonStrings.appendQuoted(out, value);
	}
}
