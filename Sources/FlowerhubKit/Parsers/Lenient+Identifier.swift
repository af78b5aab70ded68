import AuthCore
import Foundation

extension Lenient {
    /// An identifier the client stores or sends back in a path: a positive integer in `Int` range,
    /// sent as a JSON integer (`880045`, also written `880045.0` or `8.80045e5`) or as text of
    /// ASCII digits only, surrounding white space allowed (`"880045"`).
    ///
    /// Stricter than ``int(_:)`` on purpose: truncating `0.5` to `0` or accepting `-1` would store
    /// an id that names nothing, and every later call would go to the wrong path. Fractions,
    /// zero, negatives, numbers beyond `Int`, booleans, signs, words, `null` and containers give `nil`.
    static func id(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let number)?:
            // Exact: `intValue` is nil for fractions and for anything beyond Int's range.
            guard let id = number.intValue, id > 0 else { return nil }
            return id
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let id = Int(trimmed), id > 0
            else { return nil }
            return id
        default:
            return nil
        }
    }
}
