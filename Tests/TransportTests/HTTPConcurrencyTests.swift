import Foundation
import Testing
import Transport

@Suite("Concurrent requests share one driver thread")
struct HTTPConcurrencyTests {
    /// The peer counts how many requests were in progress at once, which proves concurrency
    /// even on a loaded machine; the time limits (8 s if the requests ran one after the
    /// other) leave room for one.
    @Test("8 concurrent 1 s requests overlap and take about one delay, then reuse all 8 connections")
    func eightConcurrent() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        var configuration = HTTPClient.Configuration()
        configuration.proxy = .none
        let client = HTTPClient(configuration: configuration)
        let base = "http://127.0.0.1:\(peer.port())"

        func round(_ key: String) async throws -> (elapsed: Duration, newConnections: Int, overlap: String) {
            let clock = ContinuousClock()
            let started = clock.now
            let connections = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let response = try await client.send(
                            HTTPRequest(
                                method: .post, url: "\(base)/delay?ms=1000&key=\(key)", body: Data("요청 \(index)".utf8)))
                        #expect(response.status == 200)
                        return response.newConnections
                    }
                }
                return try await group.reduce(0, +)
            }
            let elapsed = clock.now - started
            let overlap = try await client.send(HTTPRequest(url: "\(base)/overlap?key=\(key)")).text
            return (elapsed, connections, overlap)
        }

        // Round one opens the connections; on a busy machine the last may open after the
        // first request is done, so only round two must overlap fully.
        let first = try await round("first")
        #expect(first.newConnections == 8)
        #expect(first.elapsed < .seconds(7), "first round took \(first.elapsed)")
        let second = try await round("second")
        #expect(second.overlap == "8")
        #expect(second.newConnections == 0)
        #expect(second.elapsed < .seconds(6), "second round took \(second.elapsed)")
    }
}
