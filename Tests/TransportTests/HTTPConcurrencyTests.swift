import Foundation
import Testing
import Transport

@Suite("Concurrent requests share one driver thread")
struct HTTPConcurrencyTests {
    @Test("8 concurrent 500 ms requests finish in about one delay, then reuse all 8 connections")
    func eightConcurrent() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        var configuration = HTTPClient.Configuration()
        configuration.proxy = .none
        let client = HTTPClient(configuration: configuration)
        let url = "http://127.0.0.1:\(peer.port())/delay?ms=500"

        func round() async throws -> (elapsed: Duration, newConnections: Int) {
            let clock = ContinuousClock()
            let started = clock.now
            let connections = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let response = try await client.send(HTTPRequest(
                            method: .post, url: url, body: Data("요청 \(index)".utf8)))
                        #expect(response.status == 200)
                        return response.newConnections
                    }
                }
                return try await group.reduce(0, +)
            }
            return (clock.now - started, connections)
        }

        let first = try await round()
        #expect(first.elapsed < .milliseconds(1400), "first round took \(first.elapsed)")
        #expect(first.newConnections == 8)
        let second = try await round()
        #expect(second.elapsed < .milliseconds(1000), "second round took \(second.elapsed)")
        #expect(second.newConnections == 0)
    }
}
