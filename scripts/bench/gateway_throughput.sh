#!/usr/bin/env bash
# Gateway throughput (issue #5): builds Benchmarks' GatewayThroughput in release and runs it.
# Dispatcher messages/s into the Aligo and Solapi fakes and the spool, against each one's raw
# capacity measured in the same run (Tests/Fakes/raw_capacity.py and a libcurl loop over our
# HTTPClient), medians of --runs; then RSS during a 1,000,000-message spool dispatch.
#   scripts/bench/gateway_throughput.sh [--runs 3] [--gateways aligo,solapi,spool] [--million 1000000]
#                                       [--passes pipelined|sequential]
# A Benchmarks/.build from before a source file was added to the main package may not see
# the new file ("cannot find … in scope"): remove Benchmarks/.build/release.yaml and rerun.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export no_proxy=127.0.0.1,localhost,::1 NO_PROXY=127.0.0.1,localhost,::1
cd "$root/Benchmarks"
swift build -c release --product GatewayThroughput -j "${JOBS:-2}" >&2
exec "$(swift build -c release --show-bin-path)/GatewayThroughput" --fakes "$root/Tests/Fakes" "$@"
