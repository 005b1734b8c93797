package dev.polyfn.packaging;

import java.time.LocalDate;

/**
 * One Java runtime a cloud offers (or used to offer), as its vendor documents it: the id typed into the console
 * or a descriptor, the Java version it runs, its operating system, whether new functions may use it today, and
 * the page this was read from with the day it was checked. Rows live in {@link CloudRuntimes}.
 *
 * @param cloud the polyfn cloud id ({@code aws}, {@code azure}, {@code gcp}, {@code aliyun}, {@code tencent}, {@code openwhisk})
 * @param id what the descriptor or console names: {@code java25}, {@code Java|21}, a layer ARN, ...
 * @param java the Java feature version the runtime runs
 * @param os the operating system or stack underneath
 * @param status whether a new function may use it
 * @param deprecation the vendor's deprecation date, when it has one (else {@code null})
 * @param page the vendor page the row was read from
 * @param checked the day the row was checked against that page
 */
public record CloudRuntime(String cloud, String id, int java, String os, Status status, LocalDate deprecation,
		String page, LocalDate checked) {

	/** Whether a new function may be created on the runtime, by the vendor's own word. */
	public enum Status {
		/** Offered for new functions, and the newest LTS Java of the cloud: what polyfn's packages use. */
		DEFAULT,
		/** Offered for new functions. */
		OFFERED,
		/** Still listed, but deprecated or blocked for new functions: no descriptor may name it. */
		DEPRECATED,
		/** Offered, but too old for Spring Boot 4 (Java 17 minimum): polyfn cannot run on it. */
		TOO_OLD
	}

	/** Whether polyfn may name this runtime in a descriptor for a new function. */
	public boolean usable() {
		return (status == Status.DEFAULT || status == Status.OFFERED) && java >= CloudRuntimes.MINIMUM_JAVA;
	}

	/** {@code page (checked 2026-12-01)}: how DEPLOY.md cites the row. */
	public String citation() {
		return page + " (checked " + checked + ")";
	}
}
