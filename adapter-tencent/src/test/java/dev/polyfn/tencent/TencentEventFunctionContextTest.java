package dev.polyfn.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.qcloud.scf.runtime.Context;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.tencent.echo.RequestIdEchoApplication;

/** The SCF Context's request id becomes the invocation's request id, which the function sees. */
class TencentEventFunctionContextTest {

	@BeforeAll
	static void useTheEchoApplication() {
		System.setProperty("polyfn.main-class", RequestIdEchoApplication.class.getName());
	}

	@AfterAll
	static void closeRuntime() {
		PolyfnRuntime.closeShared();
		System.clearProperty("polyfn.main-class");
	}

	@Test
	void request_id_from_the_scf_context_reaches_the_function() {
		String answer = new TencentEventFunction().handle(Map.of("any", "json"), new FixedContext("scf-req-42"));
		assertThat(answer).isEqualTo("scf-req-42 tencent");
	}

	/** A Context as the SCF runtime passes it. */
	private record FixedContext(String getRequestId) implements Context {

		@Override
		public int getTimeLimitInMs() {
			return 3000;
		}

		@Override
		public int getMemoryLimitInMb() {
			return 512;
		}
	}
}
