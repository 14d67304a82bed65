import Foundation
import Transport
#if canImport(Glibc)
import Glibc
#endif

/// The fakes' raw capacity through our own libcurl client (``Transport/HTTPClient``): one
/// sequential loop posting the same prebuilt body as `raw_capacity.py` (for Solapi with
/// `showMessageList`, as the gateway sends it), for `seconds`.
/// Returns accepted messages per second.
func curlRawCapacity(fake: Fake, batch: Int, seconds: Double) async throws -> Double {
    let client = HTTPClient()
    defer { client.shutdown() }
    let receivers = (1...batch).map { String(format: "010%08d", $0) }
    let text = { (i: Int) in "홍길동\(i)님, 김비서 용량 측정 메시지입니다." }
    let path: String, body: Data, contentType: String
    var headers: [String] = []
    if fake.kind == "aligo" {
        var fields = [("key", "test-aligo-key"), ("user_id", "kimbiseo"), ("sender", "0212345678"), ("msg_type", "SMS"),
                      ("cnt", String(batch))]
        for (i, to) in receivers.enumerated() {
            fields += [("rec_\(i + 1)", to), ("msg_\(i + 1)", text(i + 1))]
        }
        (path, body, contentType) = ("/send_mass/", FormURLEncoding.encode(fields), FormURLEncoding.contentType)
    } else {
        let messages = receivers.enumerated().map { i, to in
            ["to": to, "from": "0212345678", "text": text(i + 1), "customFields": ["kimbiseo_id": "cap-\(i + 1)"]] as [String: Any]
        }
        // As the gateway asks: with the per-message list in the answer (raw_capacity.py does not).
        body = try JSONSerialization.data(withJSONObject: ["showMessageList": true, "messages": messages])
        (path, contentType) = ("/messages/v4/send-many/detail", "application/json")
        // Solapi wants a fresh signature per request: sign a supply up front, outside the loop.
        headers = try solapiHeaders(count: Int(seconds * 50) + 20)
    }
    var accepted = 0
    var requests = 0
    let start = ContinuousClock.now
    while elapsed(since: start) < seconds {
        var request = HTTPRequest(method: .post, url: fake.baseURL + path, headers: ["Content-Type": contentType], body: body)
        if !headers.isEmpty {
            guard requests < headers.count else { break }
            request.headers.set("Authorization", headers[requests])
        }
        let response = try await client.send(request)
        requests += 1
        guard response.status == 200,
              let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        else { continue }
        if fake.kind == "aligo" {
            accepted += Int("\(object["success_cnt"] ?? 0)") ?? 0
        } else {
            let count = (object["groupInfo"] as? [String: Any])?["count"] as? [String: Any]
            accepted += (count?["registeredSuccess"] as? Int) ?? 0
        }
    }
    return Double(accepted) / elapsed(since: start)
}

/// `count` Solapi `Authorization` values for the fakes' test key, signed by Python's `hmac`.
func solapiHeaders(count: Int) throws -> [String] {
    let script = """
        import datetime, hashlib, hmac, secrets
        for _ in range(\(count)):
            d = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.%fZ')
            s = secrets.token_hex(16)
            g = hmac.new(b'test-solapi-secret', (d + s).encode(), hashlib.sha256).hexdigest()
            print(f'HMAC-SHA256 apiKey=NCSTESTKEY0000001, date={d}, salt={s}, signature={g}')
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
}

/// The spool's raw capacity: appending the same prebuilt `batch` lines with one `write(2)`
/// and one `fsync` per batch, as ``Messaging/SpoolGateway`` does, for `seconds`.
func spoolRawCapacity(batch: Int, seconds: Double) throws -> Double {
    let directory = NSTemporaryDirectory() + "kimbiseo-gwbench-spool-raw-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let fd = open(directory + "/sms.jsonl", O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard fd >= 0 else { throw BenchError("cannot open \(directory)/sms.jsonl: errno \(errno)") }
    defer { close(fd) }
    var lines = ""
    for i in 1...batch {
        lines += "{\"id\":\(i),\"campaign\":1,\"from\":\"0212345678\",\"to\":\"010\(String(format: "%08d", i))\","
        lines += "\"type\":\"SMS\",\"subject\":null,\"text\":\"고객\(i)님, 이번 주 매장 휴무 안내드립니다.\","
        lines += "\"at\":\"2026-01-01T00:00:00.000Z\"}\n"
    }
    let bytes = Array(lines.utf8)
    var written = 0
    let start = ContinuousClock.now
    while elapsed(since: start) < seconds {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard n == bytes.count, fsync(fd) == 0 else { throw BenchError("spool raw write failed: errno \(errno)") }
        written += batch
    }
    return Double(written) / elapsed(since: start)
}
