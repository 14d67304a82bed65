import Foundation
import Synchronization

/// Resident memory of this process from `/proc/self/status`, in MiB: `VmRSS` (now) or
/// `VmHWM` (the peak so far).
func residentMiB(_ field: String = "VmRSS") -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        let kib = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return kib / 1024
    }
    return 0
}

/// Samples `VmRSS` every 50 ms on its own thread while `body` runs; returns the largest sample.
func peakResident<T>(during body: () async throws -> T) async rethrows -> (T, Double) {
    let sampler = ResidentSampler()
    let thread = Thread {
        while sampler.state.withLock({ $0.running }) {
            let now = residentMiB()
            sampler.state.withLock { $0.peak = max($0.peak, now) }
            usleep(50_000)
        }
    }
    thread.start()
    let result = try await body()
    let peak = sampler.state.withLock { state in
        state.running = false
        return max(state.peak, residentMiB())
    }
    return (result, peak)
}

/// Seconds since `start`, as a `Double`.
func elapsed(since start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// The state shared with ``peakResident(during:)``'s sampling thread.
final class ResidentSampler: Sendable {
    let state = Mutex((running: true, peak: residentMiB()))
}
