import Foundation

/// Lenient reading of gateway JSON: numbers that arrive as strings and strings that arrive as
/// numbers (Aligo answers `"result_code": "1"` or `1` depending on the client that captured it).
enum JSONFields {
    static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as NSNumber: return number.intValue
        case let text as String: return Int(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    static func double(_ value: Any?) -> Double? {
        switch value {
        case let number as NSNumber: return number.doubleValue
        case let text as String: return Double(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// The value at a dotted path (`groupInfo.count.total`, `list.0.mid`).
    static func value(at path: String, in object: Any?) -> Any? {
        var current = object
        for key in path.split(separator: ".") {
            if let dictionary = current as? [String: Any] {
                current = dictionary[String(key)]
            } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }
}
