package dev.polyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.local.BootstrapScripts;
import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.MiniJson;
import dev.polyfn.local.ScfEventFunction;
import dev.polyfn.local.events.Trigger;

/**
 * Tencent SCF: the upload ZIP unpacked with its modes; an invocation goes to the event function (the handler string
 * from the generated event-function/serverless.yml, called as SCF's Java runtime calls it), and {@code run} starts the
 * web function's {@code scf_bootstrap}.
 */
final class TencentLocalCloud implements LocalCloud {

	/** What the Custom Runtime's loop (dev.polyfn.tencent.ScfCustomRuntime) hands each event to. */
	static final String CUSTOM_RUNTIME_ENTRY = "dev.polyfn.tencent.TencentEventFunction::handle";

	@Override
	public InvocationOutcome invoke(Invocation invocation) throws Exception {
		Path code = unpack(invocation);
		Map<String, String> env = new HashMap<>();
		if (invocation.definitionForEvents() != null) {
			env.put("SPRING_CLOUD_FUNCTION_DEFINITION", invocation.definitionForEvents());
		}
		env.put("SCF_FUNCTIONNAME", invocation.function());
		env.put("TZ", "UTC");
		ChildJvmCall.Result result = ChildJvmCall.run(List.of(ChildJvmCall.codeOf(ScfEventFunction.class)),
				ScfEventFunction.class.getName(), List.of(code.toString(), handler(invocation.artifact())),
				invocation.event(), invocation.workDir().resolve("call"), env);
		String answer = result.answer() == null ? "(no result: the handler did not run)" : result.answer();
		String body = null;
		int status = 200;
		if (invocation.trigger() == Trigger.HTTP && result.answer() != null && MiniJson.parse(answer) instanceof Map<?, ?> map) {
			body = map.get("body") == null ? null : String.valueOf(map.get("body"));
			status = map.get("statusCode") instanceof Number n ? n.intValue() : 200;
		}
		return new InvocationOutcome(answer, body, result.threw() || status >= 400, result.log(), result.coldStartMillis(),
				result.invocationMillis());
	}

	@Override
	public Serving serve(Invocation invocation, int port) throws Exception {
		Path code = unpack(invocation);
		LocalServer server = BootstrapScripts.startScfBootstrap(code, Map.of("PORT", Integer.toString(port)),
				invocation.workDir().resolve("scf_bootstrap.log"));
		return new Serving(server.url(""), server.process(), server);
	}

	private static Path unpack(Invocation invocation) throws IOException {
		Path code = invocation.workDir().resolve("code");
		CodeFolders.deleteTree(code);
		CodeFolders.unzipKeepingModes(invocation.artifact(), code);
		return code;
	}

	/**
	 * The Java handler the event function runs: the generated event-function/serverless.yml's handler when it is a
	 * Java one ({@code pkg.Class::method}); on SCF's Custom Runtime (handler {@code polyfn.handle}, which the
	 * package's {@code bootstrap} ignores) the entry class that bootstrap's runtime loop calls for every event.
	 */
	static String handler(Path zip) throws IOException {
		Path yml = zip.resolveSibling("event-function").resolve("serverless.yml");
		String declared = Files.readAllLines(yml).stream().map(String::strip).filter(l -> l.startsWith("handler:"))
			.map(l -> l.substring("handler:".length()).strip()).findFirst()
			.orElseThrow(() -> new IOException("No 'handler:' in " + yml));
		return declared.contains("::") ? declared : CUSTOM_RUNTIME_ENTRY;
	}
}
