#!/usr/bin/env bash
# The polyfn benchmark, end to end: builds the baselines and the polyfn packages, measures them in one run and
# rewrites benchmarks/RESULTS.md. About 20 minutes on 2 quiet cores with a warm ~/.m2 (estimate: 13:44 before the
# Quarkus/Micronaut peers, the HTTP API v2 rows, the JDK 25 rows and the warm-call runs were added).
#
#   benchmarks/run.sh                   # full run: 10 cold starts per target (JDK 17 and 25), 18 s load, JMH
#   benchmarks/run.sh --quick --runs 2  # smoke test of the pipeline (figures not meaningful)
#   BENCH_SKIP_BUILD=1 benchmarks/run.sh  # reuse the artifacts of the previous run
#   BENCH_BEFORE=<commit> benchmarks/run.sh  # compare the web app, FC and SCF packages with those of <commit>
#                                        # (default 383841f, the last commit before the HTTP front of issue 15;
#                                        # BENCH_BEFORE= turns it off)
#
# Arguments are passed to the harness (--runs N, --load-seconds S, --only id,id, --skip-load, --skip-jmh, --quick,
# --warm-calls N, --jdk25 <JDK home>, --out <file>).
# Not part of `mvn verify`: nothing here asserts a timing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
logs="$here/target/build-logs"
started=$(date +%s)
cd "$repo"

say() { printf '\n==> %s\n' "$*"; }

java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${java_major%%.*}" -lt 17 ]; then
  echo "Java 17 or newer is needed (found $java_major)" >&2
  exit 1
fi
command -v mvn >/dev/null || { echo "Maven is needed on PATH" >&2; exit 1; }

# wrk drives the loopback load tests (Debian/Ubuntu package). Without it the load figures are skipped.
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing wrk"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; } \
      || echo "could not install wrk: load figures will be missing"
  else
    echo "wrk not found and cannot install it (needs root + apt-get): load figures will be missing"
  fi
fi

mkdir -p "$logs"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  say "building baselines, runtimes, harness and JMH (benchmarks/pom.xml, standalone)"
  # -Denforcer.skip: Micronaut's parent asks for a newer Maven than the pinned 3.8.7; its build runs fine on it
  mvn -B -q -f benchmarks/pom.xml package -DskipTests -Denforcer.skip=true >"$logs/benchmarks.log" 2>&1 \
    || { tail -40 "$logs/benchmarks.log"; echo "benchmark build failed; see $logs/benchmarks.log" >&2; exit 1; }

  # polyfn's packages, built as a user builds them, each into its own target folder. A cloud whose adapter does
  # not build yet becomes a "not built" row in RESULTS.md; the run goes on.
  for cloud in aws gcp azure aliyun tencent container; do
    say "building the polyfn $cloud package"
    rm -rf "examples/target/bench-$cloud/polyfn"
    if ! mvn -B -q -P"$cloud" -pl examples -am package -DskipTests -Dpolyfn.target.name="target/bench-$cloud" \
        >"$logs/polyfn-$cloud.log" 2>&1; then
      echo "   polyfn $cloud package did not build (see $logs/polyfn-$cloud.log); it will be reported as not built"
      rm -rf "examples/target/bench-$cloud/polyfn"
    fi
  done
  # issues 17 and 18: the same examples without the storage and messaging modules, to measure what the modules cost
  # each cloud's package (the AWS one is also cold-started)
  for cloud in aws gcp azure aliyun tencent; do
    say "building the polyfn $cloud package without the storage and messaging modules"
    rm -rf "examples/target/bench-$cloud-nostorage/polyfn"
    mvn -B -q -P"$cloud" -pl examples -am package -DskipTests -Dpolyfn.target.name="target/bench-$cloud-nostorage" \
        -Dpolyfn.examples.storage.scope=provided -Dpolyfn.examples.messaging.scope=provided \
        >"$logs/polyfn-$cloud-nostorage.log" 2>&1 \
      || { echo "   polyfn $cloud package without storage and messaging did not build (see $logs/polyfn-$cloud-nostorage.log)"; \
           rm -rf "examples/target/bench-$cloud-nostorage/polyfn"; }
  done
  say "building the polyfn web app"
  rm -f examples/target/bench-web/polyfn-examples.jar examples/target/bench-web/polyfn-examples-exec.jar
  mvn -B -q -pl examples -am package -DskipTests -Dpolyfn.target.name=target/bench-web >"$logs/polyfn-web.log" 2>&1 \
    || { echo "   polyfn web app did not build (see $logs/polyfn-web.log)"; rm -f examples/target/bench-web/polyfn-examples*.jar; }
fi

# The packages of an earlier commit, measured beside today's in the same run, when BENCH_BEFORE names one (issue 15
# measured the HTTP front's cost against 383841f this way; its rows are no longer part of the default run, which must
# stay under 25 minutes).
before_commit="${BENCH_BEFORE-}"
before_args=()
if [ -n "$before_commit" ]; then
  before_dir="$here/target/before"
  if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -d "$before_dir" ]; then
    say "building the web app, FC and SCF packages of $before_commit (the 'before' rows)"
    git worktree remove --force "$before_dir" >/dev/null 2>&1 || rm -rf "$before_dir"
    git worktree prune
    if git worktree add --detach "$before_dir" "$before_commit" >"$logs/before-checkout.log" 2>&1; then
      for cloud in aliyun tencent; do
        (cd "$before_dir" && mvn -B -q -P"$cloud" -pl examples -am package -DskipTests \
            -Dpolyfn.target.name="target/bench-$cloud" >"$logs/before-$cloud.log" 2>&1) \
          || echo "   $before_commit $cloud package did not build (see $logs/before-$cloud.log)"
      done
      (cd "$before_dir" && mvn -B -q -pl examples -am package -DskipTests -Dpolyfn.target.name=target/bench-web \
          >"$logs/before-web.log" 2>&1) || echo "   $before_commit web app did not build (see $logs/before-web.log)"
    else
      echo "   could not check out $before_commit (see $logs/before-checkout.log): no 'before' rows"
    fi
  fi
  [ -d "$before_dir" ] && before_args=(--before "$before_dir")
fi

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk "BEGIN{exit !($load > 1.5)}"; then
  echo "warning: load average is $load; other work on this machine will skew the timings"
fi

say "measuring (cold starts, load, JMH)"
java -jar benchmarks/harness/target/bench-harness.jar --repo "$repo" "${before_args[@]}" "$@"

echo "done in $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"
