package com.qcloud.scf.runtime;

/**
 * The invocation context the SCF Java runtime passes as the optional second parameter of a handler method.
 * <p>
 * Tencent publishes this interface only inside {@code com.tencentcloudapi:scf-java-events}, whose 0.0.3/0.0.4
 * releases pull fastjson 1.2.73 and Spring Boot 2.3 onto the class path, and its documentation asks functions
 * to package the interface themselves. polyfn therefore declares the same three methods, with the same names
 * and types, so a user's package carries the contract and nothing else. When the runtime's own copy is on the
 * parent class path it wins, and the signatures are identical.
 */
public interface Context {

	String getRequestId();

	int getTimeLimitInMs();

	int getMemoryLimitInMb();
}
