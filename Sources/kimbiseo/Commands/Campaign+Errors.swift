import Foundation
import Messaging
import Store

/// Runs a Messaging operation, turning its typed errors into one-line ``CLIError``s.
func messagingCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CLIError {
        throw error
    } catch let error as MessagingError {
        throw CLIError(error.description)
    } catch let error as TemplateError {
        throw CLIError(error.description.replacingOccurrences(of: "\n", with: "; "))
    } catch let error as AdWrapperError {
        throw CLIError(error.description)
    } catch let error as TestMessageError {
        throw CLIError(error.description)
    } catch let error as StoreError {
        throw CLIError(error.description)
    }
}

/// Reads a template text from `--text` or `--file` (exactly one).
func templateText(text: String?, file: String?) throws -> String {
    switch (text, file) {
    case let (text?, nil):
        return text
    case let (nil, path?):
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): cannot read the file")
        }
        guard let content = String(data: data, encoding: .utf8) else { throw CLIError("\(path): not UTF-8 text") }
        return content.hasSuffix("\n") ? String(content.dropLast()) : content
    default:
        throw CLIError("give exactly one of --text and --file")
    }
}

/// Compact JSON with sorted keys, for `--json` output.
func messagingJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
