#!/usr/bin/env bash
# Cold start of polyfn's two Azure packages (Java worker, custom handler), from process start to the first answer of
# reverse. Builds the Azure package of the examples into examples/target/bench-azure unless BENCH_SKIP_BUILD=1.
#
#   benchmarks/azure/run.sh [runs]      # default 10
#
# Not part of `mvn verify`; prints figures, asserts nothing. See AzureColdStart.java for what each figure includes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${1:-10}"
out="$repo/examples/target/bench-azure/polyfn/azure"
cd "$repo"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -q -Pazure -pl examples -am package -DskipTests -Dpolyfn.target.name=target/bench-azure
fi
library=$(ls "$HOME"/.m2/repository/com/microsoft/azure/functions/azure-functions-java-library/*/azure-functions-java-library-*.jar | tail -1)
core=$(ls "$HOME"/.m2/repository/com/microsoft/azure/functions/azure-functions-java-core-library/*/azure-functions-java-core-library-*.jar | tail -1)
classes="$here/target/classes"
mkdir -p "$classes"
javac -d "$classes" -cp "$library:$core" "$here/AzureColdStart.java"
unpacked="$here/target/custom-handler"
rm -rf "$unpacked" && mkdir -p "$unpacked"
unzip -q "$out/polyfn-examples-azure-custom-handler.zip" -d "$unpacked"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); custom handler JRE: $("$unpacked/jre/bin/java" -version 2>&1 | head -1)"
java -cp "$classes:$library:$core" -Dazure.library="$library:$core" AzureColdStart java-worker "$out/polyfn-examples" "$runs"
java -cp "$classes" AzureColdStart custom-handler "$unpacked" "$runs"
