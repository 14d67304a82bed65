// Gateway throughput (issue #5): messages/s through the Dispatcher into each vendor fake,
// against the same fake's raw capacity measured in the same run, and memory during a
// 1,000,000-message spool dispatch.
//
//   scripts/bench/gateway_throughput.sh            (release build, then this program)
//   GatewayThroughput [--fakes DIR] [--runs N] [--gateways aligo,solapi,spool]
//                     [--messages N] [--million N] [--raw-seconds S] [--passes pipelined|sequential]
//
// Targets: dispatcher/raw ≥ 0.5 for per-message gateways, ≥ 20,000 messages/s for Solapi
// (batched, ≤ 10,000 per call); RSS flat during the 1,000,000-message dispatch.
//
// Measured 2026-11-29 on the 2-core development VM (release, medians of 3, fakes with
// --no-fsync; raw = raw_capacity.py / libcurl loop in the same run; another build running):
//   before (one statement per event and result, runOnce passes):
//     aligo 6,471 msg/s (raw 14,989 / 15,012: 0.43 / 0.43), solapi 6,410 (raw 34,887 / 31,868),
//     spool 11,839
//   after, pipelined passes (Dispatcher.run):
//     aligo 8,980 msg/s (raw 16,155 / 14,294: 0.56 / 0.63), solapi 10,039 (raw 36,877 / 32,076),
//     spool 17,596
//   after, sequential runOnce passes: aligo 7,723 (0.50 / 0.51), solapi 10,180, spool 15,773
//   1,000,000-message spool dispatch: 63 s (15,779 msg/s), RSS 41–42 MiB from 100,000 to
//   1,000,000 sent (flat).
//   with the libcurl loop asking Solapi for the per-message list as the gateway does
//   (showMessageList): solapi dispatcher 11,034 msg/s, raw libcurl 19,135 (0.58), raw
//   python without the list 38,014.
//
// Measured 2026-11-29 (later), same VM, Solapi path reworked: the fake's send-many about 190 ->
// 110 ms per 10,000 messages (list index built on demand, answer and record written as text,
// cyclic GC every 100,000 allocations); the answer read by JSONScanner instead of
// JSONSerialization; Dispatcher.run() carrying a pass's last results into the next pass (the
// pipelined mode now runs run() itself); result events copied by INSERT ... SELECT; claims and
// results written with a 10,000-page checkpoint threshold. The before and after binaries were
// run back to back, each with its own fakes (solapi, 50,000 messages, medians of 3):
//   quiet machine (load < 1):  before 19,026 msg/s (raw libcurl 30,207: 0.63; raw python
//     62,180), peak RSS 261 MiB;  after 31,195 and 32,425 msg/s (raw libcurl 52,972 and 55,321:
//     0.59; raw python 110,842 and 114,794), peak RSS 86 and 106 MiB
//   another build running:  before 12,249 and 11,583 (raw libcurl 29,966 and 32,850: 0.41,
//     0.35), peak RSS 193 and 252 MiB;  after all but the checkpoint threshold 22,504 and
//     24,190 (raw libcurl 53,142 and 55,734: 0.42, 0.43), peak RSS 105 and 102 MiB; that
//     binary against the final one, four rounds: 24,688 / 18,583 / 20,752 / 34,080 against
//     26,593 / 26,337 / 22,951 / 31,802
//   full default run, after (load 1.4): aligo 17,066 msg/s (raw 29,694 / 29,389: 0.57 / 0.58),
//     solapi 38,047 (raw libcurl 55,888: 0.68), spool 37,665; 1,000,000-message spool dispatch
//     29.7 s (33,621 msg/s), RSS 100-101 MiB from 100,000 to 1,000,000 sent (flat; the level is
//     what the earlier Solapi runs in the same process left allocated: 41-43 MiB when the spool
//     runs alone, before and after)
// Solapi now passes 20,000/s even with another build on the second core. What limits it is the
// dispatcher's thread: per message about 11 us to claim and 14.5 us to record (perf, two
// SQLite row updates with two index moves each, two event rows), which the pipeline overlaps
// with the gateway call but not with each other; the fake costs about 11 us a message.
import Foundation
import Transport

/// `--name value` pairs of the command line.
let options: [String: String] = {
    var options: [String: String] = [:]
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    while let name = arguments.next() {
        guard name.hasPrefix("--"), let value = arguments.next() else {
            FileHandle.standardError.write(Data(
                "usage: GatewayThroughput [--fakes DIR] [--runs N] [--gateways LIST] [--messages N] [--million N] [--raw-seconds S] [--passes pipelined|sequential]\n".utf8))
            exit(2)
        }
        options[String(name.dropFirst(2))] = value
    }
    return options
}()
let fakes = options["fakes"] ?? FileManager.default.currentDirectoryPath + "/../Tests/Fakes"
let runs = Int(options["runs"] ?? "") ?? 3
let gateways = (options["gateways"] ?? "aligo,solapi,spool").split(separator: ",").map(String.init)
let million = Int(options["million"] ?? "") ?? 1_000_000
let rawSeconds = Double(options["raw-seconds"] ?? "") ?? 5
/// `pipelined` (default): `Dispatcher.runBatches`, as the daemon sends; `sequential`: `runOnce` passes.
let pipelined = options["passes"] != "sequential"

/// Batch per gateway call (the gateways' own limits) and messages per run.
func shape(_ kind: String, messages: Int?) -> (batch: Int, messages: Int) {
    switch kind {
    case "aligo": return (500, messages ?? 20_000)
    case "solapi": return (10_000, messages ?? 50_000)
    default: return (500, messages ?? 50_000)
    }
}

func line(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

let client = HTTPClient()
var summary: [String] = []
for kind in gateways {
    let (batch, messages) = shape(kind, messages: Int(options["messages"] ?? ""))
    var dispatched: [Double] = [], pythonRaw: [Double] = [], curlRaw: [Double] = [], peaks: [Double] = []
    for run in 1...runs {
        let fake = try kind == "spool" ? nil : Fake(kind: kind, fakes: fakes)
        defer { fake?.stop() }
        let result = try await dispatch(kind: kind, fake: fake, messages: messages, client: client, pipelined: pipelined)
        guard result.accepted == messages else {
            throw BenchError("\(kind): \(result.accepted) of \(messages) messages accepted")
        }
        var raw = ""
        if let fake {
            pythonRaw.append(try pythonRawCapacity(fakes: fakes, fake: fake, batch: min(batch, messages), seconds: Int(rawSeconds)))
            curlRaw.append(try await curlRawCapacity(fake: fake, batch: min(batch, messages), seconds: rawSeconds))
            raw = String(format: "raw python %.0f, raw libcurl %.0f msg/s", pythonRaw.last!, curlRaw.last!)
        } else {
            curlRaw.append(try spoolRawCapacity(batch: batch, seconds: rawSeconds))
            raw = String(format: "raw write+fsync %.0f msg/s", curlRaw.last!)
        }
        dispatched.append(result.rate)
        peaks.append(result.peakMiB)
        line(String(format: "%@ run %d: dispatcher %.0f msg/s (%d in %.2f s, %.2f s in gateway.send, peak RSS %.0f MiB); %@",
                    kind, run, result.rate, result.sent, result.seconds, result.inGateway, result.peakMiB, raw))
    }
    let d = median(dispatched)
    if kind == "spool" {
        summary.append(String(format: "%@: dispatcher %.0f msg/s, raw write+fsync %.0f msg/s, ratio %.2f, peak RSS %.0f MiB",
                              kind, d, median(curlRaw), d / median(curlRaw), peaks.max() ?? 0))
    } else {
        summary.append(String(
            format: "%@: dispatcher %.0f msg/s, raw python %.0f msg/s (ratio %.2f), raw libcurl %.0f msg/s (ratio %.2f), peak RSS %.0f MiB",
            kind, d, median(pythonRaw), d / median(pythonRaw), median(curlRaw), d / median(curlRaw), peaks.max() ?? 0))
    }
}
line("medians of \(runs) runs (\(pipelined ? "pipelined" : "sequential") passes):")
summary.forEach { line("  " + $0) }

if million > 0 {
    line("spool dispatch of \(million) messages (RSS every 100,000):")
    var next = 100_000
    let seedStart = ContinuousClock.now
    let result = try await dispatch(kind: "spool", fake: nil, messages: million, client: client) { sent in
        if sent >= next {
            line(String(format: "  %7d sent: RSS %.0f MiB", sent, residentMiB()))
            next += 100_000
        }
    }
    line(String(format: "  %d sent, %d accepted in %.1f s (%.0f msg/s; %.1f s with seeding), peak RSS %.0f MiB",
                result.sent, result.accepted, result.seconds, result.rate, elapsed(since: seedStart), result.peakMiB))
}
client.shutdown()
